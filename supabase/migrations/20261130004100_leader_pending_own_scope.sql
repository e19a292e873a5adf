-- leader_pending answered for any team (found by the issue-8 attack review). Its contract says another
-- team's figures come back as zeros, and three counts do (RLS hides the records and the roster), but
-- rounds_to_assess reads only rating_rounds and org_units, which every role reads: a leader asking for
-- another street's team got that team's open rounds as "rounds to assess", whatever that team had done.
-- Now every count is taken only for a team inside the caller's readable scope; any other team is all
-- zeros. Same signature, result and grants; still security invoker.
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
