// The one permission vocabulary: which resources and actions a scope may use — the resource-level
// mirror of the RLS policies and of the RPCs' scope checks. The accessControlProvider answers from it,
// so pages ask `useCan({ resource, action })` / `<CanAccess>` instead of testing roles themselves.
// Record-level rules (this team's roster, this record's reviewer) stay in scope.ts / service.ts; the
// database remains the guard.
//
// Besides Refine's list / show / create / edit / delete, the domain actions are:
//   service_records   record · review (approve / reject) · reverse · withdraw
//   star_awards       confirm
//   rewards           redeem · adjustStock
//   passbook          undo (reverse a redemption)
//   ratings           selfAssess · review · award · createRound
//   role_grants       invite · revoke
//   volunteers        enrol (a new person onto a roster)
//   team_memberships  add · leave · changeRole
//   grant_applications  apply (申报) · screen (初审) · check (财务预算审核) · decide · objection · approve (after 公示)
//   grant_tranches    schedule · request · approve · pay · cancel
//   grant_vouchers    upload · verify
//   grant_changes     request · decide
//   fund_sources      receive (到账)
//   fund_ledger       reverse (a receipt)
//   finance_accounts  closeYear (年度结转)
import { hasRole, isAdmin, type ScopeGrant } from "./scope";

export const DOMAIN_ACTIONS = {
  service_records: ["record", "review", "reverse", "withdraw"],
  star_awards: ["confirm"],
  rewards: ["redeem", "adjustStock"],
  passbook: ["undo"],
  ratings: ["selfAssess", "review", "award", "createRound"],
  role_grants: ["invite", "revoke"],
  volunteers: ["enrol"],
  team_memberships: ["add", "leave", "changeRole"],
  grant_applications: ["apply", "screen", "check", "decide", "objection", "approve"],
  grant_tranches: ["schedule", "request", "approve", "pay", "cancel"],
  grant_vouchers: ["upload", "verify"],
  grant_changes: ["request", "decide"],
  fund_sources: ["receive"],
  fund_ledger: ["reverse"],
  finance_accounts: ["closeYear"],
} as const;

export type DomainResource = keyof typeof DOMAIN_ACTIONS;
export type DomainAction<R extends DomainResource = DomainResource> = (typeof DOMAIN_ACTIONS)[R][number];

const READ_ACTIONS = new Set(["list", "show"]);
const REFINE_ACTIONS = new Set(["list", "show", "create", "edit", "delete", "clone"]);

/** Whether the action is one of Refine's or a domain action of this resource (anything else: no). */
function known(resource: string | undefined, action: string): boolean {
  if (REFINE_ACTIONS.has(action)) return true;
  const domain = resource ? (DOMAIN_ACTIONS as Record<string, readonly string[]>)[resource] : undefined;
  return !!domain?.includes(action);
}

export function allowed(scope: readonly ScopeGrant[], resource: string | undefined, action: string): boolean {
  if (!known(resource, action)) return false;
  if (scope.length === 0) return resource === "account";
  const read = READ_ACTIONS.has(action);
  const admin = isAdmin(scope);
  const leader = hasRole(scope, "team_leader");
  const finance = hasRole(scope, "finance");
  switch (resource) {
    case "dashboard":
    case "account":
      return read;
    case "teams":
      return read || admin;
    case "org_units":
      return read || admin;
    case "volunteers":
      // enrol_new_volunteer: a team's leaders put a new person on their roster; admins too
      if (action === "enrol") return admin || leader;
      return read ? admin || hasRole(scope, "finance") : admin;
    case "team_memberships":
      // the roster: its team's leaders and the team's admins (which team: canEditRoster)
      return read || admin || leader;
    case "role_grants":
      return admin;
    // service is recorded by the team's leaders and the scope's admins; every role reads it; only
    // admins review (never their own entries: canReview) and reverse (canReverse)
    case "service_records":
      if (action === "review" || action === "reverse") return admin;
      return read || admin || leader;
    case "star_awards":
      return read || (action === "confirm" && admin);
    case "passbook":
      return read || (action === "undo" && (admin || leader));
    case "ratings":
      if (action === "selfAssess") return admin || leader;
      if (action === "review" || action === "award" || action === "createRound") return admin;
      return read;
    case "honours":
      return read;
    // the catalogue is kept by the organisation department; a member's points are redeemed by the
    // team's leaders and the person's admins (redeem_reward checks whose)
    case "rewards":
      if (action === "redeem") return admin || leader;
      return read || hasRole(scope, "org_admin");
    // the honour roll: the organisation department, and street admins for their street
    case "role_models":
      return read || admin;
    // grants: a team's leader applies, requests payments, uploads vouchers; admins of the scope screen; finance
    // checks budgets, schedules, approves and pays tranches, verifies vouchers; the organisation department
    // decides and approves after the notice. Which application, which team: domain/grants.ts; the RPCs decide.
    case "grant_applications":
      if (action === "create" || action === "edit" || action === "apply") return leader;
      if (action === "screen") return admin;
      if (action === "check") return finance;
      if (action === "decide" || action === "approve") return hasRole(scope, "org_admin");
      if (action === "objection") return admin || finance;
      return read;
    case "grants":
      return read;
    case "grant_tranches":
      if (action === "request") return leader || finance;
      if (action === "schedule" || action === "approve" || action === "pay" || action === "cancel") return finance;
      return read;
    case "grant_vouchers":
      if (action === "upload") return leader;
      if (action === "verify") return finance;
      return read;
    case "grant_changes":
      if (action === "request") return leader || finance;
      if (action === "decide") return finance || hasRole(scope, "org_admin");
      return read;
    // money (issue 9): finance keeps the sources, lines and receipts of its scope; the organisation
    // department reads them (and decides in the grant workflow); nobody else sees money here
    case "funds":
    case "finance":
    case "fund_sources":
    case "budget_lines":
    case "fund_ledger":
    case "finance_accounts":
    case "finance_tilt":
    case "partner_statements":
    case "tranche_notices": {
      const finance = hasRole(scope, "finance");
      if (read) return finance || hasRole(scope, "org_admin");
      if (resource === "fund_sources" || resource === "budget_lines") return finance && (action === "create" || action === "edit" || action === "receive");
      if (resource === "fund_ledger") return finance && action === "reverse";
      // the year is closed for the whole district by its finance
      if (resource === "finance_accounts") return action === "closeYear" && scope.some((g) => g.role === "finance" && g.level === "district");
      return false;
    }
    default:
      return false;
  }
}
