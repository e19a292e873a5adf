-- One permissive policy per role and action (Supabase's Performance Advisor lint 0006
-- multiple_permissive_policies). A `for all` write policy also applies to SELECT, so every read of
-- these tables evaluated two policies OR-ed together: `<table>_select` and the write rule. Here each
-- `for all` policy becomes separate insert / update / delete policies with the very same conditions,
-- so SELECT is decided by `<table>_select` alone. Who may read or write what does not change: every
-- writer the old policies admitted also holds a role, which `<table>_select` already lets read.

-- 人才类别 talent categories: kept by the district's administrators
drop policy talent_categories_write on public.talent_categories;
create policy talent_categories_insert on public.talent_categories for insert to authenticated
  with check (exists (select 1 from public.org_units d where d.level = 'district' and d.id = any ((select private.managed_unit_ids())::bigint[])));
create policy talent_categories_update on public.talent_categories for update to authenticated
  using (exists (select 1 from public.org_units d where d.level = 'district' and d.id = any ((select private.managed_unit_ids())::bigint[])))
  with check (exists (select 1 from public.org_units d where d.level = 'district' and d.id = any ((select private.managed_unit_ids())::bigint[])));
create policy talent_categories_delete on public.talent_categories for delete to authenticated
  using (exists (select 1 from public.org_units d where d.level = 'district' and d.id = any ((select private.managed_unit_ids())::bigint[])));

-- 指导组 guidance groups: kept by the district's administrators
drop policy guidance_groups_write on public.guidance_groups;
create policy guidance_groups_insert on public.guidance_groups for insert to authenticated
  with check (exists (select 1 from public.org_units d where d.level = 'district' and d.id = any ((select private.managed_unit_ids())::bigint[])));
create policy guidance_groups_update on public.guidance_groups for update to authenticated
  using (exists (select 1 from public.org_units d where d.level = 'district' and d.id = any ((select private.managed_unit_ids())::bigint[])))
  with check (exists (select 1 from public.org_units d where d.level = 'district' and d.id = any ((select private.managed_unit_ids())::bigint[])));
create policy guidance_groups_delete on public.guidance_groups for delete to authenticated
  using (exists (select 1 from public.org_units d where d.level = 'district' and d.id = any ((select private.managed_unit_ids())::bigint[])));

-- 联盟商家 alliance partners: kept by the organisation department
drop policy alliance_partners_write on public.alliance_partners;
create policy alliance_partners_insert on public.alliance_partners for insert to authenticated
  with check ((select private.is_org_admin()));
create policy alliance_partners_update on public.alliance_partners for update to authenticated
  using ((select private.is_org_admin())) with check ((select private.is_org_admin()));
create policy alliance_partners_delete on public.alliance_partners for delete to authenticated
  using ((select private.is_org_admin()));

-- 评星标准 rating criteria: kept by the administrators of the round's unit
drop policy rating_criteria_write on public.rating_criteria;
create policy rating_criteria_insert on public.rating_criteria for insert to authenticated
  with check (round_id in (select id from public.rating_rounds where org_unit_id in (select unnest(private.managed_unit_ids()))));
create policy rating_criteria_update on public.rating_criteria for update to authenticated
  using (round_id in (select id from public.rating_rounds where org_unit_id in (select unnest(private.managed_unit_ids()))))
  with check (round_id in (select id from public.rating_rounds where org_unit_id in (select unnest(private.managed_unit_ids()))));
create policy rating_criteria_delete on public.rating_criteria for delete to authenticated
  using (round_id in (select id from public.rating_rounds where org_unit_id in (select unnest(private.managed_unit_ids()))));

-- 银龄榜样 role models: the organisation department, or the street's administrators
drop policy role_models_write on public.role_models;
create policy role_models_insert on public.role_models for insert to authenticated
  with check ((select private.is_org_admin()) or street_id in (select unnest(private.managed_unit_ids())));
create policy role_models_update on public.role_models for update to authenticated
  using ((select private.is_org_admin()) or street_id in (select unnest(private.managed_unit_ids())))
  with check ((select private.is_org_admin()) or street_id in (select unnest(private.managed_unit_ids())));
create policy role_models_delete on public.role_models for delete to authenticated
  using ((select private.is_org_admin()) or street_id in (select unnest(private.managed_unit_ids())));

-- Role models' awards: whoever may keep the role model
drop policy role_model_awards_write on public.role_model_awards;
create policy role_model_awards_insert on public.role_model_awards for insert to authenticated
  with check (role_model_id in (select id from public.role_models
                                where (select private.is_org_admin()) or street_id in (select unnest(private.managed_unit_ids()))));
create policy role_model_awards_update on public.role_model_awards for update to authenticated
  using (role_model_id in (select id from public.role_models
                           where (select private.is_org_admin()) or street_id in (select unnest(private.managed_unit_ids()))))
  with check (role_model_id in (select id from public.role_models
                                where (select private.is_org_admin()) or street_id in (select unnest(private.managed_unit_ids()))));
create policy role_model_awards_delete on public.role_model_awards for delete to authenticated
  using (role_model_id in (select id from public.role_models
                           where (select private.is_org_admin()) or street_id in (select unnest(private.managed_unit_ids()))));
