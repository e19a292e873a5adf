-- Who may see and change the organisation tree.
-- Every staff member with a role may read the tree (unit names and team sizes are not personal data);
-- admins change only what lies inside their scope, and not the root of their own scope.
create policy org_units_select on public.org_units for select to authenticated
  using ((select private.has_any_role()));

create policy org_units_insert on public.org_units for insert to authenticated
  with check (parent_id = any ((select private.managed_unit_ids())::bigint[]));

create policy org_units_update on public.org_units for update to authenticated
  using (id = any ((select private.managed_unit_ids())::bigint[]))
  with check (
    parent_id = any ((select private.managed_unit_ids())::bigint[])
    or (parent_id is null and id = any ((select private.managed_unit_ids())::bigint[]))
  );

create policy org_units_delete on public.org_units for delete to authenticated
  using (id = any ((select private.managed_unit_ids())::bigint[]) and parent_id = any ((select private.managed_unit_ids())::bigint[]));
