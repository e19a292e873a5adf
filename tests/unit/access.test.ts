// The permission vocabulary the access-control provider answers (useCan / CanAccess): who may take
// each domain action, as the policies and RPCs decide it. A table of every action for every role, so
// a change to one answer is seen.
import { describe, expect, it } from "vitest";
import { allowed, DOMAIN_ACTIONS } from "../../src/domain/access";
import type { ScopeGrant } from "../../src/domain/scope";

const grant = (role: ScopeGrant["role"], org_unit_id: number, level: ScopeGrant["level"]): ScopeGrant => ({
  grant_id: org_unit_id, role, org_unit_id, unit_name: "x", level, street_id: null, community_id: null,
});
const ROLES = {
  org: [grant("org_admin", 1, "district")],
  street: [grant("street_admin", 2, "street")],
  community: [grant("community_admin", 101, "community")],
  leader: [grant("team_leader", 1001, "team")],
  finance: [grant("finance", 1, "district")],
  none: [],
} as const;
type Role = keyof typeof ROLES;

// Who may take each domain action (the rest may not).
const EXPECTED: Record<string, Role[]> = {
  "service_records.record": ["org", "street", "community", "leader"],
  "service_records.review": ["org", "street", "community"],
  "service_records.reverse": ["org", "street", "community"],
  "service_records.withdraw": ["org", "street", "community", "leader"],
  "star_awards.confirm": ["org", "street", "community"],
  "rewards.redeem": ["org", "street", "community", "leader"],
  "rewards.adjustStock": ["org"],
  "passbook.undo": ["org", "street", "community", "leader"],
  "ratings.selfAssess": ["org", "street", "community", "leader"],
  "ratings.review": ["org", "street", "community"],
  "ratings.award": ["org", "street", "community"],
  "ratings.createRound": ["org", "street", "community"],
  "role_grants.invite": ["org", "street", "community"],
  "role_grants.revoke": ["org", "street", "community"],
  "volunteers.enrol": ["org", "street", "community", "leader"],
  "team_memberships.add": ["org", "street", "community", "leader"],
  "team_memberships.leave": ["org", "street", "community", "leader"],
  "team_memberships.changeRole": ["org", "street", "community", "leader"],
  "grant_applications.apply": ["leader"],
  "grant_applications.screen": ["org", "street", "community"],
  "grant_applications.check": ["finance"],
  "grant_applications.decide": ["org"],
  "grant_applications.objection": ["org", "street", "community", "finance"],
  "grant_applications.approve": ["org"],
  "grant_tranches.schedule": ["finance"],
  "grant_tranches.request": ["leader", "finance"],
  "grant_tranches.approve": ["finance"],
  "grant_tranches.pay": ["finance"],
  "grant_tranches.cancel": ["finance"],
  "grant_vouchers.upload": ["leader"],
  "grant_vouchers.verify": ["finance"],
  "grant_changes.request": ["leader", "finance"],
  "grant_changes.decide": ["org", "finance"],
  "fund_sources.receive": ["finance"],
  "fund_ledger.reverse": ["finance"],
  "finance_accounts.closeYear": ["finance"],
};
// money (issue 9): only these resources
const MONEY = ["funds", "finance", "fund_sources", "budget_lines", "fund_ledger", "finance_accounts", "finance_tilt", "partner_statements", "tranche_notices"];

describe("the permission vocabulary (domain actions)", () => {
  it("names every domain action once in the expectations", () => {
    const named = Object.entries(DOMAIN_ACTIONS).flatMap(([r, actions]) => actions.map((a) => `${r}.${a}`));
    expect(named.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [key, who] of Object.entries(EXPECTED)) {
    it(`${key}: ${who.join(", ")}`, () => {
      const [resource, action] = key.split(".");
      for (const role of Object.keys(ROLES) as Role[]) {
        expect(allowed(ROLES[role], resource, action), `${role} ${key}`).toBe(who.includes(role));
      }
    });
  }

  it("finance reads service, stars, ratings and the passbook but takes no action outside grants and money", () => {
    for (const resource of ["service_records", "star_awards", "ratings", "passbook", "rewards"]) {
      expect(allowed(ROLES.finance, resource, "list")).toBe(true);
    }
    const actions = Object.entries(DOMAIN_ACTIONS).flatMap(([r, a]) => a.map((x) => [r, x] as const));
    expect(actions.filter(([r, a]) => !r.startsWith("grant") && !MONEY.includes(r) && allowed(ROLES.finance, r, a))).toEqual([]);
  });

  it("money pages are for finance and the organisation department; only finance writes", () => {
    for (const resource of MONEY) {
      for (const role of Object.keys(ROLES) as Role[]) {
        expect(allowed(ROLES[role], resource, "list"), `${role} lists ${resource}`).toBe(role === "finance" || role === "org");
      }
    }
    for (const resource of ["fund_sources", "budget_lines"]) {
      expect(allowed(ROLES.finance, resource, "create")).toBe(true);
      expect(allowed(ROLES.org, resource, "create")).toBe(false);
    }
    // nothing in the ledger is edited or deleted, not even by finance
    for (const action of ["create", "edit", "delete"]) expect(allowed(ROLES.finance, "fund_ledger", action)).toBe(false);
  });

  it("a street's finance keeps its money but does not close the district's year", () => {
    const streetFinance = [grant("finance", 2, "street")];
    expect(allowed(streetFinance, "fund_sources", "receive")).toBe(true);
    expect(allowed(streetFinance, "finance_accounts", "list")).toBe(true);
    expect(allowed(streetFinance, "finance_accounts", "closeYear")).toBe(false);
  });

  it("only a team's leader starts an application; nobody without a grant sees the grant pages", () => {
    expect((Object.keys(ROLES) as Role[]).filter((r) => allowed(ROLES[r], "grant_applications", "create"))).toEqual(["leader"]);
    expect(allowed(ROLES.none, "grant_applications", "list")).toBe(false);
    expect(allowed(ROLES.none, "grants", "list")).toBe(false);
  });

  it("an unknown action or resource is refused", () => {
    expect(allowed(ROLES.org, "service_records", "approveEverything")).toBe(false);
    expect(allowed(ROLES.org, "star_awards", "redeem")).toBe(false);
    expect(allowed(ROLES.org, "nonsense", "list")).toBe(false);
  });

});
