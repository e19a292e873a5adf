-- Per-person display preferences (长辈版 / 大字模式 first), remembered per account rather than per
-- browser: a leader who switches it on at home finds it on at the community office. One row per user,
-- readable and writable by that user only; the row's owner is taken from auth.uid(), never from the
-- request (user_id is granted to no one).
create table public.user_settings (
  user_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
  large_text boolean not null default false,
  updated_at timestamptz not null default now()
);
comment on table public.user_settings is 'display preferences of each signed-in person (长辈版 …), own row only';
comment on column public.user_settings.large_text is '长辈版 / 大字模式: 20 px text and 60 px main actions';

alter table public.user_settings enable row level security;

create policy user_settings_select_own on public.user_settings
  for select to authenticated using (user_id = (select auth.uid()));
create policy user_settings_insert_own on public.user_settings
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy user_settings_update_own on public.user_settings
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create trigger user_settings_touch before update on public.user_settings
  for each row execute function private.touch_updated_at();

revoke all on public.user_settings from public, anon, authenticated, service_role;
grant select on public.user_settings to authenticated;
grant insert (large_text) on public.user_settings to authenticated;
grant update (large_text) on public.user_settings to authenticated;
