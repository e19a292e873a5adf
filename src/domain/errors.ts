// One mapping from what PostgREST / supabase-js / the network report to a message key in the
// user's language. The database is the guard; this only says clearly what it refused.

export interface BackendError {
  code?: string;
  message?: string;
  details?: string | null;
  hint?: string | null;
  /** HTTP status where the error came from an HTTP API (Supabase Auth, an edge function). */
  status?: number;
  name?: string;
}

/** Raised by the data provider when an update or delete touched no row (RLS hides it, or it is gone). */
export const NO_ROWS = "NO_ROWS";

const BY_NAME: [RegExp, string][] = [
  [/retry_conflict/, "errors.retry"],
  [/team_memberships_one_captain/, "errors.oneCaptain"],
  [/team_memberships_one_active/, "errors.alreadyMember"],
  [/team_memberships_left_after_joined/, "errors.leftBeforeJoined"],
  [/team_memberships_fixed/, "errors.membershipFixed"],
  [/team_memberships_team/, "errors.notATeam"],
  [/role_grants_one_active/, "errors.grantExists"],
  [/role_grants_role_level/, "errors.roleLevel"],
  [/role_grants_immutable/, "errors.grantImmutable"],
  [/role_grants_self/, "errors.grantSelf"],
  [/role_grants_finance_by_org/, "errors.grantFinanceByOrg"],
  [/projects_featured_by_org/, "errors.featuredByOrg"],
  [/role_grants_own_last_admin/, "errors.ownLastAdmin"],
  [/role_grants_last_org_admin/, "errors.lastOrgAdmin"],
  [/org_units_unique_name_per_parent/, "errors.duplicateName"],
  [/org_units_level_order/, "errors.levelOrder"],
  [/volunteer_contacts_phone_check/, "errors.phone"],
  [/volunteers_home_community/, "errors.homeCommunity"],
  [/volunteers_home_scope/, "errors.homeScope"],
  [/projects_level_unit/, "errors.projectLevel"],
  [/service_activities_project_scope/, "errors.projectOutsideStreet"],
  [/role_models_street/, "errors.roleModelStreet"],
  [/points_rule_in_force/, "errors.pointsRuleInForce"],
  [/reward_stock_delta/, "errors.stockDelta"],
  [/volunteers_birth_year_check/, "errors.birthYear"],
  [/service_records_daily_limit/, "errors.dailyLimit"],
  [/service_records_not_member/, "errors.notOnRoster"],
  [/service_records_future/, "errors.futureDay"],
  [/service_records_final/, "errors.recordFinal"],
  [/service_records_own_entry/, "errors.ownEntry"],
  [/service_records_no_members/, "errors.noMembers"],
  [/service_records_reason/, "errors.reasonRequired"],
  [/service_records_reverses_id_key/, "errors.alreadyReversed"],
  [/service_records_reverse_approved/, "errors.reverseApprovedOnly"],
  [/service_records_team/, "errors.notATeam"],
  [/service_records_hours_check/, "errors.hoursRange"],
  [/points_insufficient/, "errors.pointsInsufficient"],
  [/reward_out_of_stock/, "errors.outOfStock"],
  [/reward_inactive/, "errors.rewardInactive"],
  [/redeem_quantity/, "errors.quantity"],
  [/redeem_scope/, "errors.redeemScope"],
  [/points_ledger_reverses_entry_id_key/, "errors.alreadyUndone"],
  [/points_ledger_append_only|points_reverse_redeem_only/, "errors.ledgerAppendOnly"],
  [/star_awards_hours/, "errors.starHours"],
  [/star_awards_confirmed_already/, "errors.starConfirmed"],
  [/rating_round_closed/, "errors.roundClosed"],
  [/rating_locked/, "errors.ratingLocked"],
  [/rating_score_range/, "errors.scoreRange"],
  [/rating_criteria_missing/, "errors.criteriaMissing"],
  [/rating_no_criteria/, "errors.noCriteria"],
  [/rating_own_review/, "errors.ownReview"],
  [/rating_not_reviewed/, "errors.notReviewed"],
  [/rating_outside_round/, "errors.outsideRound"],
];

// Refusals of the funds and grants RPCs (issue 9), by their stable hint `funds.<code>`. One entry per hint
// the migrations raise; both funds UIs (workflow and finance pages) read this one table.
const FUND_HINTS: Record<string, string> = {
  "funds.allocations_mismatch": "errors.fundAllocationsMismatch", "funds.allocations_required": "errors.fundAllocationsRequired", "funds.already_reversed": "errors.fundAlreadyReversed",
  "funds.amount_positive": "errors.fundAmountPositive", "funds.bad_state": "errors.fundBadState", "funds.change_invalid": "errors.fundChangeInvalid",
  "funds.change_over_free": "errors.fundChangeOverFree", "funds.date_in_future": "errors.fundDateInFuture", "funds.evaluation_published": "errors.fundEvaluationPublished", "funds.evaluation_too_early": "errors.fundEvaluationTooEarly", "funds.four_eyes": "errors.fundFourEyes",
  "funds.grant_closed": "errors.fundGrantClosed", "funds.items_mismatch": "errors.fundItemsMismatch", "funds.ledger_append_only": "errors.fundLedgerAppendOnly",
  "funds.line_below_used": "errors.fundLineBelowUsed", "funds.line_in_use": "errors.fundLineInUse", "funds.line_not_allocated": "errors.fundLineNotAllocated",
  "funds.line_over_budget": "errors.fundLineOverBudget", "funds.not_applicant": "errors.fundNotApplicant", "funds.not_decider": "errors.fundNotDecider",
  "funds.not_finance_scope": "errors.fundNotFinanceScope", "funds.not_found": "errors.fundNotFound", "funds.not_grantee": "errors.fundNotGrantee",
  "funds.not_reversible": "errors.fundNotReversible", "funds.not_screener": "errors.fundNotScreener", "funds.not_staff": "errors.fundNotStaff",
  "funds.notice_running": "errors.fundNoticeRunning", "funds.objections_open": "errors.fundObjectionsOpen", "funds.project_scope": "errors.fundProjectScope",
  "funds.reason_required": "errors.fundReasonRequired", "funds.restricted_purpose": "errors.fundRestrictedPurpose", "funds.source_over_cap": "errors.fundSourceOverCap",
  "funds.targets_required": "errors.fundTargetsRequired", "funds.tilt_not_eligible": "errors.fundTiltNotEligible", "funds.tranche_has_vouchers": "errors.fundTrancheHasVouchers",
  "funds.tranche_over_commitment": "errors.fundTrancheOverCommitment", "funds.tranches_over_allocation": "errors.fundTranchesOverAllocation", "funds.tranches_over_grant": "errors.fundTranchesOverGrant",
  "funds.voucher_path": "errors.fundVoucherPath", "funds.vouchers_gate": "errors.fundVouchersGate", "funds.vouchers_over_paid": "errors.fundVouchersOverPaid",
  "funds.year_closed": "errors.fundYearClosed", "funds.year_not_ended": "errors.fundYearNotEnded",
  "funds.year_order": "errors.fundYearOrder", "funds.bad_strategy": "errors.fundBadStrategy",
  // Storage refused a file over the bucket's size limit (providers/storage.ts)
  storage_too_large: "errors.fundFileTooLarge", storage_bad_type: "errors.fundFileType",
};

/** A deadlock or serialization failure: the whole transaction was rolled back, sending it again is safe. */
export function isRetryable(e: BackendError | null | undefined): boolean {
  return e?.code === "40P01" || e?.code === "40001";
}

// Supabase Auth (GoTrue) error codes, and the codes its /verify redirect puts in the URL fragment.
const AUTH_CODES: Record<string, string> = {
  invalid_credentials: "errors.invalidCredentials",
  email_not_confirmed: "errors.emailNotConfirmed",
  over_request_rate_limit: "errors.tooManyAttempts",
  over_email_send_rate_limit: "errors.tooManyEmails",
  weak_password: "errors.weakPassword",
  same_password: "errors.samePassword",
  signup_disabled: "errors.signupDisabled",
  user_banned: "errors.userBanned",
  otp_expired: "errors.linkExpired",
  flow_state_expired: "errors.linkExpired",
  bad_jwt: "errors.sessionExpired",
  session_not_found: "errors.sessionExpired",
  session_expired: "errors.sessionExpired",
  refresh_token_not_found: "errors.sessionExpired",
  no_authorization: "errors.sessionExpired",
  not_admin: "errors.forbidden",
  email_exists: "errors.emailExists",
  user_already_exists: "errors.emailExists",
  validation_failed: "errors.invalidInput",
  // refusals of the invite-staff edge function (supabase/functions/invite-staff)
  grant_not_allowed: "errors.grantNotAllowed",
  invite_failed: "errors.inviteFailed",
  not_signed_in: "errors.sessionExpired",
  invalid_request: "errors.invalidInput",
};

export function errorKey(e: BackendError | null | undefined): string {
  if (!e) return "errors.unknown";
  // An edge function passes the database's hint on as its `code`, so the code is read as text too.
  const text = `${e.message ?? ""} ${e.details ?? ""} ${e.hint ?? ""} ${e.code ?? ""}`;
  if (e.code === NO_ROWS) return "errors.noRows";
  if (/Failed to fetch|fetch failed|NetworkError|Load failed|ECONNREFUSED/i.test(text) || e.code === "NETWORK" ||
      e.name === "AuthRetryableFetchError" || e.name === "FunctionsFetchError" || e.name === "FunctionsRelayError") {
    return "errors.network";
  }
  if (e.code && AUTH_CODES[e.code]) return AUTH_CODES[e.code];
  const fund = FUND_HINTS[e.hint ?? ""] ?? FUND_HINTS[e.code ?? ""];
  if (fund) return fund;
  if (e.status === 429) return "errors.tooManyAttempts";
  for (const [re, key] of BY_NAME) if (re.test(text)) return key;
  if (isRetryable(e)) return "errors.retry";
  switch (e.code) {
    case "42501":
      return "errors.forbidden";
    case "23505":
      return "errors.unique";
    case "23514":
      return "errors.check";
    case "23001":
      return "errors.inUse";
    case "23503":
      return /still referenced|is still referenced/.test(text) ? "errors.inUse" : "errors.foreignKey";
    case "23502":
      return "errors.required";
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
      return "errors.invalidInput";
    case "PGRST301":
    case "PGRST302":
      return "errors.sessionExpired";
    default:
      return "errors.unknown";
  }
}
