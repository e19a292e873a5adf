-- 特色项目 is the organisation department's designation (attack review of 1 Dec): a featured project may draw
-- on the 重点倾 (tilt) lines (private.tilt_eligible), so a street admin marking its own street's projects
-- featured steered tilt money to them. Street and community admins still create and edit their projects;
-- only an org_admin sets or clears is_featured through the API (a new project of anyone else starts plain).
create or replace function private.projects_featured_by_org() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not private.in_api_request() or private.is_org_admin() then
    return new;
  end if;
  if (tg_op = 'INSERT' and new.is_featured) or (tg_op = 'UPDATE' and new.is_featured is distinct from old.is_featured) then
    raise exception 'only the organisation department marks a project as featured'
      using errcode = '42501', hint = 'projects_featured_by_org';
  end if;
  return new;
end $$;

create trigger projects_featured_by_org before insert or update on public.projects
  for each row execute function private.projects_featured_by_org();

revoke all on function private.projects_featured_by_org() from public, anon, authenticated;
