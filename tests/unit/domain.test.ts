import { beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../src/domain/csv";
import { errorKey, isRetryable, NO_ROWS } from "../../src/domain/errors";
import { canEditRoster, grantableRoles, manages, managesStrictly, scopeFilters, type ScopeGrant } from "../../src/domain/scope";
import { captainConflict, isValidPhone, maskPhone } from "../../src/domain/volunteer";
import { allowed } from "../../src/domain/access";
import { loadLocale, lookup } from "../../src/locales";

// English is loaded on demand in the app (src/locales/index.ts)
beforeAll(() => loadLocale("en"));

const grant = (role: ScopeGrant["role"], org_unit_id: number, level: ScopeGrant["level"], street_id: number | null = null): ScopeGrant => ({
  grant_id: org_unit_id, role, org_unit_id, unit_name: "x", level, street_id, community_id: null,
});
const org = [grant("org_admin", 1, "district")];
const street = [grant("street_admin", 2, "street", 2)];
const leader = [grant("team_leader", 1001, "team", 2)];
const finance = [grant("finance", 1, "district")];
const team1001 = { id: 1001, district_id: 1, street_id: 2, community_id: 101, parent_id: 101 };
const team1006 = { id: 1006, district_id: 1, street_id: 3, community_id: 106, parent_id: 106 };

describe("scope rules mirror the policies", () => {
  it("a street admin manages units in its street only", () => {
    expect(manages(street, team1001)).toBe(true);
    expect(manages(street, team1006)).toBe(false);
  });
  it("the root of one's own scope is not changed by its own admin", () => {
    expect(managesStrictly(street, { id: 2, district_id: 1, street_id: 2, parent_id: 1 })).toBe(false);
    expect(managesStrictly(org, { id: 2, district_id: 1, street_id: 2, parent_id: 1 })).toBe(true);
  });
  it("a leader edits the own team's roster, finance none", () => {
    expect(canEditRoster(leader, team1001)).toBe(true);
    expect(canEditRoster(leader, { ...team1001, id: 1002 })).toBe(false);
    expect(canEditRoster(finance, team1001)).toBe(false);
  });
  it("grantable roles follow the unit level and the admin's scope", () => {
    expect(grantableRoles(street, { ...team1001, level: "team" })).toEqual(["team_leader"]);
    // finance roles only from the organisation department
    expect(grantableRoles(street, { id: 2, district_id: 1, street_id: 2, level: "street" })).toEqual(["street_admin"]);
    expect(grantableRoles(street, { ...team1006, level: "team" })).toEqual([]);
    expect(grantableRoles(leader, { ...team1001, level: "team" })).toEqual([]);
    expect(grantableRoles(org, { id: 2, district_id: 1, street_id: 2, level: "street" })).toEqual(["street_admin", "finance"]);
  });
  it("list filters carry the caller's scope", () => {
    const f = { street: "street_id", community: "community_id", team: "id" };
    expect(scopeFilters(org, f)).toEqual([]);
    expect(scopeFilters(street, f)).toEqual([{ field: "street_id", operator: "in", value: [2] }]);
    expect(scopeFilters(leader, f)).toEqual([{ field: "id", operator: "in", value: [1001] }]);
    expect(scopeFilters([], f)).toBeUndefined();
  });
  it("menus: finance sees the talent pool but cannot create; leaders do not see it; only admins see staff", () => {
    expect(allowed(finance, "volunteers", "list")).toBe(true);
    expect(allowed(finance, "volunteers", "create")).toBe(false);
    expect(allowed(leader, "volunteers", "list")).toBe(false);
    expect(allowed(leader, "teams", "show")).toBe(true);
    expect(allowed(street, "role_grants", "list")).toBe(true);
    expect(allowed(finance, "role_grants", "list")).toBe(false);
    expect(allowed([], "dashboard", "list")).toBe(false);
  });
  it("menus: service is recorded by leaders and admins, not finance; the catalogue is kept by the organisation department", () => {
    expect(allowed(leader, "service_records", "create")).toBe(true);
    expect(allowed(street, "service_records", "create")).toBe(true);
    expect(allowed(finance, "service_records", "create")).toBe(false);
    expect(allowed(finance, "service_records", "list")).toBe(true);
    expect(allowed(org, "rewards", "edit")).toBe(true);
    expect(allowed(street, "rewards", "edit")).toBe(false);
    expect(allowed(leader, "rewards", "list")).toBe(true);
    expect(allowed(leader, "role_models", "create")).toBe(false);
    expect(allowed(street, "role_models", "create")).toBe(true);
    expect(allowed(finance, "honours", "list")).toBe(true);
    expect(allowed([], "passbook", "list")).toBe(false);
  });
});

describe("error messages", () => {
  it("names the passbook and service refusals by the database's hint", () => {
    expect(errorKey({ code: "23514", message: "not enough points: balance 40, needed 60", hint: "points_insufficient" })).toBe("errors.pointsInsufficient");
    expect(errorKey({ code: "23514", message: "out of stock: 0 left", hint: "reward_out_of_stock" })).toBe("errors.outOfStock");
    expect(errorKey({ code: "23514", message: "more than 24 hours of service", hint: "service_records_daily_limit" })).toBe("errors.dailyLimit");
    expect(errorKey({ code: "42501", message: "nobody approves their own entries", hint: "service_records_own_entry" })).toBe("errors.ownEntry");
    expect(errorKey({ code: "42501", message: "record not found in your scope" })).toBe("errors.forbidden");
  });
  it("names the one-captain rule from the unique index", () => {
    expect(errorKey({ code: "23505", message: 'duplicate key value violates unique constraint "team_memberships_one_captain"' })).toBe("errors.oneCaptain");
  });
  it("maps RLS, restrict, network and silent no-row outcomes", () => {
    expect(errorKey({ code: "42501", message: "new row violates row-level security policy" })).toBe("errors.forbidden");
    expect(errorKey({ code: "23001", message: "update or delete violates RESTRICT" })).toBe("errors.inUse");
    expect(errorKey({ message: "TypeError: Failed to fetch" })).toBe("errors.network");
    expect(errorKey({ code: NO_ROWS })).toBe("errors.noRows");
    expect(errorKey({ code: "23514", hint: "org_units_level_order" })).toBe("errors.levelOrder");
  });

  it("a deadlock or serialization failure asks to try again instead of 'unknown error'", () => {
    expect(errorKey({ code: "40P01", message: "deadlock detected" })).toBe("errors.retry");
    expect(errorKey({ code: "40001", message: "could not serialize access" })).toBe("errors.retry");
    expect(errorKey({ code: "40001", hint: "retry_conflict", message: "please try again" })).toBe("errors.retry");
    expect(isRetryable({ code: "40P01" })).toBe(true);
    expect(isRetryable({ code: "23514" })).toBe(false);
    expect(lookup("zh-CN", "errors.retry")).toMatch(/再/);
    expect(lookup("en", "errors.retry")).toMatch(/again/);
  });
  it("every error key has a Chinese and an English text", () => {
    for (const key of ["errors.oneCaptain", "errors.forbidden", "errors.inUse", "errors.network", "errors.noRows", "errors.levelOrder", "errors.unknown"]) {
      expect(lookup("zh-CN", key)).toMatch(/[\u4e00-\u9fa5]/);
      expect(lookup("en", key)).toMatch(/[a-z]/);
    }
  });
});

describe("roster helpers", () => {
  const roster = [
    { id: 1, role: "captain" as const, left_on: null },
    { id: 2, role: "member" as const, left_on: null },
    { id: 3, role: "captain" as const, left_on: "2025-01-01" },
  ];
  it("finds the active captain that blocks a second one", () => {
    expect(captainConflict(roster, 2, "captain")?.id).toBe(1);
    expect(captainConflict(roster, 1, "captain")).toBeUndefined();
    expect(captainConflict(roster, 2, "liaison")).toBeUndefined();
    expect(captainConflict(roster.slice(1), 2, "captain")).toBeUndefined();
  });
  it("validates and masks phone numbers like the database", () => {
    expect(isValidPhone("13812345678")).toBe(true);
    expect(isValidPhone("0532-82861234")).toBe(true);
    expect(isValidPhone("12812345678")).toBe(false);
    expect(isValidPhone("1381234567")).toBe(false);
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
});

describe("CSV export", () => {
  it("quotes, neutralises formulas and starts with a BOM for Excel", () => {
    const csv = toCsv([{ a: '张"三', b: "=SUM(A1)" }, { a: "李,四", b: null }], [
      { title: "姓名", value: (r) => r.a },
      { title: "备注", value: (r) => r.b },
    ]);
    expect(csv).toBe('\uFEFF姓名,备注\r\n"张""三",\'=SUM(A1)\r\n"李,四",\r\n');
  });

  it("keeps a negative number a number (a reversal's -2.5 hours) and guards only text", () => {
    const csv = toCsv([{ h: -2.5, t: "-2.5" }], [
      { title: "时长", value: (r) => r.h },
      { title: "备注", value: (r) => r.t },
    ]);
    expect(csv).toBe("\uFEFF时长,备注\r\n-2.5,'-2.5\r\n");
  });
});
