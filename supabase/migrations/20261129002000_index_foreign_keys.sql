-- Every foreign key gets an index whose leading column is the referencing column (Supabase's
-- Performance Advisor lint 0001 unindexed_foreign_keys). Without one, deleting or re-keying the
-- referenced row (a unit, a project, a reward, an auth.users row) scans the whole referencing table
-- under a lock, and joins from the parent cannot use an index. The audit columns that point at
-- auth.users (created_by, recorded_by, reviewed_by, …) count too: removing a staff account checks each
-- of them. tests/db/lints.test.ts fails when a new foreign key arrives without its index.

-- Organisation tree
create index org_units_district on public.org_units (district_id);

-- Grants: who granted and who revoked
create index role_grants_granted_by on public.role_grants (granted_by);
create index role_grants_revoked_by on public.role_grants (revoked_by);

-- Rosters
create index team_memberships_created_by on public.team_memberships (created_by);

-- Service
create index service_activities_project on public.service_activities (project_id);
create index service_activities_recorded_by on public.service_activities (recorded_by);
create index service_records_recorded_by on public.service_records (recorded_by);
create index service_records_reviewed_by on public.service_records (reviewed_by);

-- Star levels
create index star_awards_level on public.star_awards (level);
create index star_awards_confirmed_by on public.star_awards (confirmed_by);

-- Points and rewards
create index rewards_partner on public.rewards (partner_id);
create index points_ledger_reward on public.points_ledger (reward_id);
create index points_ledger_created_by on public.points_ledger (created_by);

-- Ratings
create index rating_rounds_org_unit on public.rating_rounds (org_unit_id);
create index rating_rounds_created_by on public.rating_rounds (created_by);
create index ratings_project on public.ratings (project_id);
create index ratings_team on public.ratings (team_id);
create index ratings_submitted_by on public.ratings (submitted_by);
create index ratings_reviewed_by on public.ratings (reviewed_by);
create index ratings_awarded_by on public.ratings (awarded_by);
create index rating_scores_criterion on public.rating_scores (criterion_id);

-- Role models
create index role_models_volunteer on public.role_models (volunteer_id);
create index role_models_street on public.role_models (street_id);
