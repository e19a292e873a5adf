-- Teams with their community and street names, for the teams list (a self-referencing table
-- cannot be embedded many-to-one through PostgREST). Runs with the caller's rights.
create view public.team_list with (security_invoker = true) as
select t.id, t.name, t.parent_id, t.district_id, t.street_id, t.community_id, t.active_member_count,
       t.established_on, t.description, t.created_at,
       c.name as community_name, s.name as street_name
from public.org_units t
join public.org_units c on c.id = t.community_id
join public.org_units s on s.id = t.street_id
where t.level = 'team';
revoke all on public.team_list from anon;
