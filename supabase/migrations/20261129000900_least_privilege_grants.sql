-- Least privilege as code. A hosted Supabase project created today grants anon, authenticated and
-- service_role nothing on new objects in `public`, and the local stack no longer does either; until now
-- the migrations relied on the old automatic `grant all`, so every column of every table was writable by
-- whoever passed a policy (an admin could rewrite org_units.path and so move its own scope).
-- Here everything is first revoked, then granted per object, exactly as its policies allow:
--   select at table level where a select policy exists; insert (…) and update (…) with column lists
--   naming only what a client may write; delete where a delete policy exists.
-- Derived, audit, scope and bookkeeping columns (ids, path and ancestor ids, counters, created_by /
-- recorded_by / granted_by / revoked_by / reviewed_by, timestamps, review results set by RPCs) are granted
-- to nobody: triggers fill them from auth.uid() and the tree.
-- anon: nothing at all (no public data is served through tables yet).
-- service_role: read-only on the staff tables (org_units, role_grants, staff_profiles) — what the
-- invite-staff edge function may need besides the Auth admin API; it never writes through PostgREST
-- (writes go with the caller's JWT, so policies, column grants and the audit triggers apply).
-- Sequences: none to anyone (identity columns draw their values without a sequence privilege; the
-- certificate sequences are used by security-definer functions only).
-- Functions: execute revoked from PUBLIC and anon everywhere; granted to authenticated per function.
-- Every later migration grants the same way for what it creates; tests/db/grants.test.ts holds the
-- manifest and fails when an object in `public` has no explicit decision.

revoke all on all tables in schema public from anon, authenticated, service_role;
revoke all on all sequences in schema public from anon, authenticated, service_role;
revoke all on all functions in schema public from public, anon, authenticated, service_role;
revoke all on all functions in schema private from public, anon, authenticated, service_role;

-- ─── organisation tree and staff ─────────────────────────────────────────────────────────────
grant select, delete on public.org_units to authenticated;
grant insert (parent_id, level, name, description, established_on, sort_order) on public.org_units to authenticated;
grant update (parent_id, name, description, established_on, sort_order) on public.org_units to authenticated;

grant select on public.staff_profiles to authenticated;
grant update (display_name) on public.staff_profiles to authenticated;

grant select on public.role_grants to authenticated;
grant insert (email, role, org_unit_id, note) on public.role_grants to authenticated;
grant update (revoked_at) on public.role_grants to authenticated;

grant select on public.org_units, public.role_grants, public.staff_profiles to service_role;

-- ─── talent pool ─────────────────────────────────────────────────────────────────────────────
grant select, delete on public.talent_categories to authenticated;
grant insert (name, description, sort_order), update (name, description, sort_order) on public.talent_categories to authenticated;

grant select, delete on public.guidance_groups to authenticated;
grant insert (name, description), update (name, description) on public.guidance_groups to authenticated;

grant select, delete on public.volunteers to authenticated;
grant insert (name, gender, birth_year, home_community_id, former_unit, former_post, former_level, is_party_member,
              talent_category_ids, skills, community_posts, guidance_group_ids, status, note),
      update (name, gender, birth_year, home_community_id, former_unit, former_post, former_level, is_party_member,
              talent_category_ids, skills, community_posts, guidance_group_ids, status, note)
  on public.volunteers to authenticated;

grant select, delete on public.volunteer_contacts to authenticated;
grant insert (volunteer_id, phone), update (phone) on public.volunteer_contacts to authenticated;

grant select, delete on public.team_memberships to authenticated;
grant insert (team_id, volunteer_id, role, joined_on), update (role, left_on, left_reason) on public.team_memberships to authenticated;

-- ─── projects and service ────────────────────────────────────────────────────────────────────
grant select, delete on public.projects to authenticated;
grant insert (name, level, org_unit_id, project_group, description, is_featured),
      update (name, project_group, description, is_featured) on public.projects to authenticated;

-- no delete policy: an activity stays with its records
grant select on public.service_activities to authenticated;
grant insert (team_id, project_id, title, place, service_date), update (project_id, title, place)
  on public.service_activities to authenticated;

-- team_id and service_date are named by record_service (security invoker); the insert trigger
-- overwrites both from the activity, so the client decides neither.
grant select, delete on public.service_records to authenticated;
grant insert (activity_id, volunteer_id, team_id, service_date, hours, note), update (status, review_note)
  on public.service_records to authenticated;

-- ─── stars, points, ratings, role models ─────────────────────────────────────────────────────
grant select on public.star_levels to authenticated;
grant update (name, min_hours) on public.star_levels to authenticated;
grant select on public.volunteer_service_totals, public.star_awards to authenticated;

grant select on public.points_rules to authenticated;
grant insert (effective_from, points_per_hour, cap_per_activity, note),
      update (effective_from, points_per_hour, cap_per_activity, note) on public.points_rules to authenticated;

grant select, delete on public.alliance_partners to authenticated;
grant insert (name, description), update (name, description) on public.alliance_partners to authenticated;

-- stock: set when the reward is added, then moved only by redeem_reward / reverse_redemption / adjust_reward_stock
grant select on public.rewards to authenticated;
grant insert (partner_id, category, name, description, points_cost, stock, active),
      update (partner_id, category, name, description, points_cost, active) on public.rewards to authenticated;

grant select on public.points_ledger to authenticated;

grant select on public.rating_rounds to authenticated;
grant insert (name, year, org_unit_id, star_bands), update (name, year, star_bands, closed) on public.rating_rounds to authenticated;

grant select, delete on public.rating_criteria to authenticated;
grant insert (round_id, name, max_score, sort_order), update (name, max_score, sort_order) on public.rating_criteria to authenticated;

grant select on public.ratings, public.rating_scores to authenticated;

grant select, delete on public.role_models to authenticated;
grant insert (volunteer_id, name, title, story, photo_url, street_id, sort_order, published),
      update (volunteer_id, name, title, story, photo_url, street_id, sort_order, published) on public.role_models to authenticated;

grant select, delete on public.role_model_awards to authenticated;
grant insert (role_model_id, level, title, year), update (level, title, year) on public.role_model_awards to authenticated;

grant select on public.service_monthly_totals, public.service_monthly_street_totals, public.points_monthly_totals to authenticated;

-- ─── views (security_invoker: the underlying policies apply) ─────────────────────────────────
grant select on public.street_team_summary, public.team_list, public.points_balances, public.rating_honours,
  public.role_model_award_counts to authenticated;

-- ─── functions ───────────────────────────────────────────────────────────────────────────────
-- RPCs of the app (each checks scope itself or runs under the caller's RLS)
grant execute on function
  public.my_scope(),
  public.enrol_new_volunteer(bigint, jsonb, public.member_role, text, date),
  public.volunteer_summary(bigint),
  public.record_service(bigint, date, text, numeric, uuid[], text, bigint, text),
  public.reverse_service_record(bigint, text),
  public.star_level_for(numeric),
  public.confirm_star_award(bigint),
  public.redeem_reward(uuid, bigint, integer),
  public.reverse_redemption(bigint, text),
  public.adjust_reward_stock(bigint, integer),
  public.self_assess_rating(bigint, public.rating_subject, bigint, jsonb, text),
  public.review_rating(bigint, jsonb),
  public.award_rating(bigint),
  public.star_distribution(bigint),
  public.service_hours_by_month(date, date, bigint, bigint),
  public.service_hours_by_street(date, date),
  public.service_hours_by_team(date, date, bigint, integer),
  public.top_volunteers(bigint, integer),
  public.dashboard_kpis(date, date, bigint),
  public.rating_star_summary(bigint)
to authenticated;

-- private helpers evaluated with the caller's rights: in policies, invoker views, invoker triggers
grant execute on function
  private.managed_unit_ids(),
  private.led_team_ids(),
  private.readable_unit_ids(),
  private.has_any_role(),
  private.is_org_admin(),
  private.can_read_volunteer(uuid),
  private.managed_volunteer_ids(),
  private.readable_volunteer_ids(),
  private.may_place_home(bigint),
  private.on_roster(bigint, uuid, date),
  private.day_hours(uuid, date)
to authenticated;
