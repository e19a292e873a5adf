-- Who entered a person no longer decides, on its own, who reads them. The volunteers select policy,
-- private.readable_volunteer_ids() and private.can_read_volunteer() let the account that created a
-- person read them for good: an account whose every grant was revoked still read the people it had
-- enrolled, with their totals and passbook through embeds, and in top_volunteers and dashboard_kpis.
--
-- Decision: the creator branch exists for enrolment only. A team leader enters a person who is not yet
-- on any roster (insert … returning, then the membership row: enrol_new_volunteer runs with the
-- caller's rights, and team_memberships_insert asks can_read_volunteer). From then on the roster
-- decides: the leader reads the person as long as the person's membership of a team it leads exists
-- (including after they left it, as for every roster). So the branch applies only while the caller
-- holds an active team_leader grant AND the person is on no roster at all. Admins and finance need no
-- such branch: an admin places a home only inside its scope (private.may_place_home), which it reads
-- anyway, and finance enters nobody. A revoked account reads nobody.
--
-- The policy tests the row's own columns first (created_by = caller) and then the two checks, so it
-- also holds for the new row of `insert … returning`, which is checked before it is stored.

-- Whether the caller currently leads a team (any active team_leader grant).
create or replace function private.leads_a_team() returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.role_grants
                  where user_id = (select auth.uid()) and revoked_at is null and role = 'team_leader')
$$;

-- Whether a person is on any team's roster (past or present), whoever may see that roster.
create or replace function private.on_any_roster(p_volunteer_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.team_memberships m where m.volunteer_id = p_volunteer_id)
$$;

create or replace function private.readable_volunteer_ids() returns setof uuid
language sql stable security definer rows 100 set search_path = '' as $$
  select v.id from public.volunteers v where v.home_community_id = any (private.readable_unit_ids())
  union
  select v.id from public.volunteers v
   where v.created_by = (select auth.uid()) and (select private.leads_a_team())
     and not exists (select 1 from public.team_memberships m where m.volunteer_id = v.id)
  union
  select m.volunteer_id from public.team_memberships m where m.team_id = any (private.readable_unit_ids())
$$;

create or replace function private.can_read_volunteer(p_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.volunteers v
                  where v.id = p_id
                    and (v.home_community_id = any (private.readable_unit_ids())
                         or (v.created_by = (select auth.uid()) and (select private.leads_a_team())
                             and not private.on_any_roster(v.id))))
      or exists (select 1 from public.team_memberships m
                  where m.volunteer_id = p_id and m.team_id = any (private.readable_unit_ids()))
$$;

alter policy volunteers_select on public.volunteers
  using (
    home_community_id in (select unnest(private.readable_unit_ids()))
    or (created_by = (select auth.uid()) and (select private.leads_a_team()) and not private.on_any_roster(id))
    or id in (select m.volunteer_id from public.team_memberships m
              where m.team_id in (select unnest(private.readable_unit_ids())))
  );

revoke all on function private.leads_a_team(), private.on_any_roster(uuid), private.readable_volunteer_ids(),
  private.can_read_volunteer(uuid) from public, anon;
grant execute on function private.leads_a_team(), private.on_any_roster(uuid), private.readable_volunteer_ids(),
  private.can_read_volunteer(uuid) to authenticated;
