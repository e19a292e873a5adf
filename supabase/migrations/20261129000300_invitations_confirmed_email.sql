-- A pending invitation (a role grant waiting for an email) went to whoever created an account with that
-- email first: grants were linked on every insert into auth.users, before anyone proved they own the
-- address. Now a grant links only to an account whose email is CONFIRMED:
--   * when auth.users gets email_confirmed_at (inserted with it set, as an accepted invite or the seed
--     does, or updated when the link in the email is followed), or when a confirmed account's email
--     changes (Supabase Auth changes it only after the new address is confirmed);
--   * a grant made for an email that already has a confirmed account links at once.
-- role_grants.user_id is otherwise frozen: not writable through the API (no column grant), and the trigger
-- refuses any change except that one link (NULL → the confirmed account with the grant's email).
-- The auth.users triggers never make sign-up or sign-in fail: the profile's inputs are cleaned
-- (a display_name over 40 characters is truncated) and any error there is reported as a warning.

-- The account (if any) that proved it owns this email.
create or replace function private.confirmed_account(p_email text) returns uuid
language sql stable security definer set search_path = '' as $$
  select u.id from auth.users u
   where lower(u.email) = lower(p_email) and u.email_confirmed_at is not null and u.deleted_at is null
   order by u.created_at limit 1
$$;

create or replace function private.role_grants_check() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  lvl public.org_level;
begin
  if tg_op = 'UPDATE' then
    if new.id <> old.id or new.email <> old.email or new.role <> old.role or new.org_unit_id <> old.org_unit_id
       or new.note is distinct from old.note
       or new.granted_by is distinct from old.granted_by or new.granted_at <> old.granted_at then
      raise exception 'a role grant cannot be changed, only revoked' using errcode = '23514', hint = 'role_grants_immutable';
    end if;
    if new.user_id is distinct from old.user_id
       and not (old.user_id is null and coalesce(new.user_id = private.confirmed_account(old.email), false)) then
      raise exception 'a role grant cannot be handed to another account' using errcode = '23514', hint = 'role_grants_immutable';
    end if;
    if old.revoked_at is not null then
      if new.revoked_at is distinct from old.revoked_at or new.revoked_by is distinct from old.revoked_by then
        raise exception 'a revoked grant stays revoked' using errcode = '23514', hint = 'role_grants_immutable';
      end if;
    elsif new.revoked_at is not null then
      -- revoking: now, by the caller (the client's timestamp is not trusted)
      new.revoked_at := now();
      new.revoked_by := auth.uid();
    else
      new.revoked_by := null;
    end if;
    return new;
  end if;
  select level into lvl from public.org_units where id = new.org_unit_id;
  if not (
    (new.role = 'org_admin' and lvl = 'district') or
    (new.role = 'street_admin' and lvl = 'street') or
    (new.role = 'community_admin' and lvl = 'community') or
    (new.role = 'team_leader' and lvl = 'team') or
    (new.role = 'finance' and lvl in ('district', 'street'))
  ) then
    raise exception 'role % cannot be held over a %', new.role, lvl using errcode = '23514', hint = 'role_grants_role_level';
  end if;
  new.granted_at := now();
  new.granted_by := auth.uid();
  new.revoked_at := null;
  new.revoked_by := null;
  new.user_id := private.confirmed_account(new.email);
  return new;
end $$;

-- Links the waiting grants of one email to the account that confirmed it.
create or replace function private.link_confirmed_grants(p_user_id uuid, p_email text) returns void
language plpgsql security definer set search_path = '' as $$
begin
  update public.role_grants set user_id = p_user_id
   where email = lower(p_email) and user_id is null and revoked_at is null
     and p_user_id = private.confirmed_account(p_email);
end $$;

create or replace function private.on_auth_user_created() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  begin
    insert into public.staff_profiles (user_id, email, display_name)
    values (new.id, coalesce(lower(new.email), ''),
            nullif(left(btrim(coalesce(new.raw_user_meta_data ->> 'display_name', '')), 40), ''))
    on conflict (user_id) do nothing;
  exception when others then
    raise warning 'staff profile for % not created: %', new.id, sqlerrm;
  end;
  if new.email_confirmed_at is not null and new.email is not null and new.deleted_at is null then
    begin
      perform private.link_confirmed_grants(new.id, new.email);
    exception when others then
      raise warning 'grants for % not linked: %', new.id, sqlerrm;
    end;
  end if;
  return new;
end $$;

create or replace function private.on_auth_user_confirmed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.email is distinct from old.email then
    begin
      update public.staff_profiles set email = coalesce(lower(new.email), '') where user_id = new.id;
    exception when others then
      raise warning 'staff profile email of % not updated: %', new.id, sqlerrm;
    end;
  end if;
  if new.email_confirmed_at is not null and new.email is not null and new.deleted_at is null
     and (old.email_confirmed_at is null or new.email is distinct from old.email) then
    begin
      perform private.link_confirmed_grants(new.id, new.email);
    exception when others then
      raise warning 'grants for % not linked: %', new.id, sqlerrm;
    end;
  end if;
  return new;
end $$;

create trigger on_auth_user_confirmed after update of email_confirmed_at, email on auth.users
  for each row execute function private.on_auth_user_confirmed();

revoke all on function private.confirmed_account(text), private.role_grants_check(), private.link_confirmed_grants(uuid, text),
  private.on_auth_user_created(), private.on_auth_user_confirmed() from public, anon, authenticated;
