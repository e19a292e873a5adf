-- What waits for a team leader (the leader's task home, 待办): one row of counts for one team, read with
-- the caller's rights (SECURITY INVOKER: RLS decides). A team outside the caller's readable scope comes back
-- as zeros: three counts are hidden by RLS, and rounds_to_assess (rating_rounds and org_units, which every
-- role reads) is counted only for a team in private.readable_unit_ids().
--   pending_records        the team's service records waiting for an admin's approval
--   rejected_records       the team's records rejected in the last 30 days (to record again, corrected)
--   rounds_to_assess       open rating rounds over the team in which the team has no self-assessment yet
--   members_without_phone  active members with no phone number on file (the leader may add one)
-- The caller sends the team, so every count uses the team's indexes (PERFORMANCE.md).
create or replace function public.leader_pending(p_team_id bigint)
returns table (pending_records integer, rejected_records integer, rounds_to_assess integer, members_without_phone integer)
language sql stable security invoker set search_path = '' as $$
  select
    (select count(*)::integer from public.service_records r where r.team_id = p_team_id and r.status = 'pending'),
    (select count(*)::integer from public.service_records r
      where r.team_id = p_team_id and r.status = 'rejected' and r.reviewed_at >= now() - interval '30 days'),
    (select count(*)::integer from public.rating_rounds rr, public.org_units t, public.org_units o
      where not rr.closed and t.id = p_team_id and o.id = rr.org_unit_id and t.path operator(extensions.<@) o.path
        and p_team_id = any ((select private.readable_unit_ids())::bigint[])
        and not exists (select 1 from public.ratings ra where ra.round_id = rr.id and ra.team_id = p_team_id)),
    (select count(*)::integer from public.team_memberships m
      where m.team_id = p_team_id and m.left_on is null
        and not exists (select 1 from public.volunteer_contacts c where c.volunteer_id = m.volunteer_id))
$$;
revoke execute on function public.leader_pending(bigint) from public, anon;
grant execute on function public.leader_pending(bigint) to authenticated;
