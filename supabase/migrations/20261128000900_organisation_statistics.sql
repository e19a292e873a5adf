-- Organisation statistics for the overview page, computed in SQL with the caller's rights
-- (security_invoker), so every figure covers exactly what the caller may read. The tree itself is
-- readable by every role, so team figures are limited to the teams of the caller's scope.
create view public.street_team_summary with (security_invoker = true) as
select s.id as street_id, s.name as street_name, s.sort_order,
       count(t.id)::int as team_count,
       coalesce(sum(t.active_member_count), 0)::int as active_members
from public.org_units s
left join public.org_units t on t.street_id = s.id and t.level = 'team'
  and t.id = any ((select private.readable_unit_ids())::bigint[])
where s.level = 'street'
group by s.id, s.name, s.sort_order;

create or replace function public.volunteer_summary(p_street_id bigint default null)
returns table (volunteers bigint, in_talent_pool bigint, holding_posts bigint, in_groups bigint, party_members bigint)
language sql stable security invoker set search_path = '' as $$
  select count(*),
         count(*) filter (where v.in_talent_pool),
         count(*) filter (where cardinality(v.community_posts) > 0),
         count(*) filter (where cardinality(v.guidance_group_ids) > 0),
         count(*) filter (where v.is_party_member)
  from public.volunteers v
  where v.status <> 'withdrawn' and (p_street_id is null or v.home_street_id = p_street_id)
$$;
revoke execute on function public.volunteer_summary(bigint) from public, anon;
grant execute on function public.volunteer_summary(bigint) to authenticated;
revoke all on public.street_team_summary from anon;
