-- An activity is filed only under a project its team may serve: a district-level project of the
-- team's district, or a street-level project of the team's own street. service_activities_check looked
-- only at the team, so a leader could file activities (record_service's p_project_id, or a PATCH of
-- service_activities.project_id) under another street's project and so add hours to that street's
-- project figures. A trigger of its own (fires after service_activities_check, by name) refuses any
-- other project for every writer, the API and direct SQL alike; hint service_activities_project_scope
-- (errors.projectOutsideStreet). The record-service dialog offers only these projects. Existing rows
-- are not rewritten (the seed files each team's activities under its own street's project).

create or replace function private.service_activities_project_scope() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.project_id is not null and not exists (
       select 1 from public.projects p, public.org_units t
        where p.id = new.project_id and t.id = new.team_id
          and ((p.level = 'district' and p.org_unit_id = t.district_id)
               or (p.level = 'street' and p.org_unit_id = t.street_id))) then
    raise exception 'an activity is filed under a district project or a project of its team''s street'
      using errcode = '23514', hint = 'service_activities_project_scope';
  end if;
  return new;
end $$;
revoke all on function private.service_activities_project_scope() from public, anon;

create trigger service_activities_project_scope before insert or update of project_id, team_id on public.service_activities
  for each row execute function private.service_activities_project_scope();
