-- Who may see and change volunteers and their phone numbers.
--   read:   admins and finance inside their scope (home community, or a roster there), leaders the
--           people on their teams' rosters, and anyone the people they entered themselves;
--   write:  admins inside their scope and leaders for their teams' active members;
--   phones: only those who manage the person: admins of the scope and leaders of the person's team.
create policy volunteers_select on public.volunteers for select to authenticated
  using (
    home_community_id = any ((select private.readable_unit_ids())::bigint[])
    or created_by = (select auth.uid())
    or id in (select m.volunteer_id from public.team_memberships m
              where m.team_id = any ((select private.readable_unit_ids())::bigint[]))
  );

create policy volunteers_insert on public.volunteers for insert to authenticated
  with check (
    home_community_id = any ((select private.managed_unit_ids())::bigint[])
    or cardinality((select private.led_team_ids())) > 0
  );

create policy volunteers_update on public.volunteers for update to authenticated
  using (
    home_community_id = any ((select private.managed_unit_ids())::bigint[])
    or id in (select m.volunteer_id from public.team_memberships m
              where m.left_on is null
                and (m.team_id = any ((select private.managed_unit_ids())::bigint[]) or m.team_id = any ((select private.led_team_ids())::bigint[])))
  )
  with check (
    home_community_id = any ((select private.managed_unit_ids())::bigint[])
    or id in (select m.volunteer_id from public.team_memberships m
              where m.left_on is null
                and (m.team_id = any ((select private.managed_unit_ids())::bigint[]) or m.team_id = any ((select private.led_team_ids())::bigint[])))
  );

create policy volunteers_delete on public.volunteers for delete to authenticated
  using (home_community_id = any ((select private.managed_unit_ids())::bigint[]));

-- The people whose personal data the signed-in user manages.
create or replace function private.managed_volunteer_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select v.id from public.volunteers v
   where v.home_community_id = any ((select private.managed_unit_ids())::bigint[])
  union
  select m.volunteer_id from public.team_memberships m
   where m.left_on is null
     and (m.team_id = any ((select private.managed_unit_ids())::bigint[]) or m.team_id = any ((select private.led_team_ids())::bigint[]))
$$;
revoke all on function private.managed_volunteer_ids() from public;
grant execute on function private.managed_volunteer_ids() to authenticated;

create policy volunteer_contacts_select on public.volunteer_contacts for select to authenticated
  using (volunteer_id in (select private.managed_volunteer_ids()));
create policy volunteer_contacts_insert on public.volunteer_contacts for insert to authenticated
  with check (volunteer_id in (select private.managed_volunteer_ids()));
create policy volunteer_contacts_update on public.volunteer_contacts for update to authenticated
  using (volunteer_id in (select private.managed_volunteer_ids()))
  with check (volunteer_id in (select private.managed_volunteer_ids()));
create policy volunteer_contacts_delete on public.volunteer_contacts for delete to authenticated
  using (volunteer_id in (select private.managed_volunteer_ids()));
