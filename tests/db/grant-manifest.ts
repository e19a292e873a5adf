// The grant manifest: what each API role may do with each table and view in `public`. It is the
// security model ("who may write which columns"); grants.test.ts compares it with the catalog and the
// attack tests derive from it which columns each role must NOT be able to write.
export interface Decision {
  select?: true;
  insert?: string[];
  update?: string[];
  delete?: true;
}

export const VOLUNTEER_COLUMNS = ["name", "gender", "birth_year", "home_community_id", "former_unit", "former_post", "former_level",
  "is_party_member", "talent_category_ids", "skills", "community_posts", "guidance_group_ids", "status", "note"];
const READ: Decision = { select: true };
const APPLICATION_COLUMNS = ["team_id", "project_id", "purpose", "venue_name", "activity", "title", "summary", "amount_requested_fen",
  "period_start", "period_end", "target_hours", "target_people", "target_activities"];

/** authenticated's privileges per object; anon has none anywhere; service_role as in SERVICE_ROLE. */
export const MANIFEST: Record<string, Decision> = {
  org_units: { select: true, insert: ["parent_id", "level", "name", "description", "established_on", "sort_order"], update: ["parent_id", "name", "description", "established_on", "sort_order"], delete: true },
  staff_profiles: { select: true, update: ["display_name"] },
  user_settings: { select: true, insert: ["large_text"], update: ["large_text"] },
  role_grants: { select: true, insert: ["email", "role", "org_unit_id", "note"], update: ["revoked_at"] },
  talent_categories: { select: true, insert: ["name", "description", "sort_order"], update: ["name", "description", "sort_order"], delete: true },
  guidance_groups: { select: true, insert: ["name", "description"], update: ["name", "description"], delete: true },
  volunteers: { select: true, insert: VOLUNTEER_COLUMNS, update: VOLUNTEER_COLUMNS, delete: true },
  volunteer_contacts: { select: true, insert: ["volunteer_id", "phone"], update: ["phone"], delete: true },
  team_memberships: { select: true, insert: ["team_id", "volunteer_id", "role", "joined_on"], update: ["role", "left_on", "left_reason"], delete: true },
  projects: { select: true, insert: ["name", "level", "org_unit_id", "project_group", "description", "is_featured"], update: ["name", "project_group", "description", "is_featured"], delete: true },
  service_activities: { select: true, insert: ["team_id", "project_id", "title", "place", "service_date"], update: ["project_id", "title", "place"] },
  service_records: { select: true, insert: ["activity_id", "volunteer_id", "team_id", "service_date", "hours", "note"], update: ["status", "review_note"], delete: true },
  star_levels: { select: true, update: ["name", "min_hours"] },
  volunteer_service_totals: READ,
  star_awards: READ,
  points_rules: { select: true, insert: ["effective_from", "points_per_hour", "cap_per_activity", "note"], update: ["effective_from", "points_per_hour", "cap_per_activity", "note"] },
  alliance_partners: { select: true, insert: ["name", "description"], update: ["name", "description"], delete: true },
  rewards: { select: true, insert: ["partner_id", "category", "name", "description", "points_cost", "stock", "active"], update: ["partner_id", "category", "name", "description", "points_cost", "active"] },
  points_ledger: READ,
  rating_rounds: { select: true, insert: ["name", "year", "org_unit_id", "star_bands"], update: ["name", "year", "star_bands", "closed"] },
  rating_criteria: { select: true, insert: ["round_id", "name", "max_score", "sort_order"], update: ["name", "max_score", "sort_order"], delete: true },
  ratings: READ,
  rating_scores: READ,
  role_models: { select: true, insert: ["volunteer_id", "name", "title", "story", "photo_url", "street_id", "sort_order", "published"], update: ["volunteer_id", "name", "title", "story", "photo_url", "street_id", "sort_order", "published"], delete: true },
  role_model_awards: { select: true, insert: ["role_model_id", "level", "title", "year"], update: ["level", "title", "year"], delete: true },
  service_monthly_totals: READ,
  service_monthly_street_totals: READ,
  points_monthly_totals: READ,
  // funds and grants (issue 9): money rows are written only by security-definer RPCs, drafts by the applicant
  fund_settings: { select: true, update: ["two_approval_threshold_fen", "warn_ratio", "notice_working_days", "objection_contact"] },
  fund_sources: { select: true, insert: ["fiscal_year", "kind", "name", "org_unit_id", "partner_id", "contribution", "form", "in_kind_valuation", "restricted_purpose", "appropriated_fen", "note"], update: ["name", "form", "in_kind_valuation", "restricted_purpose", "appropriated_fen", "note"], delete: true },
  budget_lines: READ,
  fund_year_closes: READ,
  fund_ledger: READ,
  grant_applications: { select: true, insert: APPLICATION_COLUMNS, update: APPLICATION_COLUMNS.filter((c) => c !== "team_id"), delete: true },
  application_budget_items: { select: true, insert: ["application_id", "item", "amount_fen", "sort_order"], update: ["item", "amount_fen", "sort_order"], delete: true },
  application_allocations: READ,
  application_transitions: READ,
  application_approvals: READ,
  grant_objections: READ,
  grants: READ,
  grant_tranches: READ,
  grant_vouchers: READ,
  grant_changes: READ,
  performance_grades: { select: true, insert: ["grade", "label", "min_achievement", "sort_order"], update: ["label", "min_achievement", "sort_order"], delete: true },
  grant_evaluations: READ,
  fund_ledger_effects: READ,
  budget_line_balances: READ,
  fund_source_balances: READ,
  // views (security_invoker)
  street_team_summary: READ,
  team_list: READ,
  points_balances: READ,
  points_ledger_lines: READ,
  rating_honours: READ,
  role_model_award_counts: READ,
};

/** service_role reads the staff tables (for the invite-staff edge function) and writes nothing. */
export const SERVICE_ROLE: Record<string, Decision> = { org_units: READ, role_grants: READ, staff_profiles: READ };

/** Functions anon may execute on purpose: only the 公示 list (issue 9) is published without signing in. */
export const PUBLIC_FUNCTIONS: string[] = ["grant_notices()"];

