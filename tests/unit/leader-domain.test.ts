// Rules behind the team leader's phone pages: whose home is the task home, the 24-hour refusal read from
// the database's answer, the hours stepper and the printing periods.
import { describe, expect, it } from "vitest";
import { presetDays } from "../../src/domain/periods";
import { isLeaderOnly, ledTeams, type ScopeGrant } from "../../src/domain/scope";
import { dailyLimitOverflow, stepHours } from "../../src/domain/service";

const grant = (role: ScopeGrant["role"], id: number, name = `unit ${id}`): ScopeGrant =>
  ({ grant_id: id, role, org_unit_id: id, unit_name: name, level: role === "team_leader" ? "team" : "street", street_id: null, community_id: null });

describe("the leader's home", () => {
  it("is the home of a user whose every grant is team_leader, not of an admin who also leads a team", () => {
    expect(isLeaderOnly([grant("team_leader", 1001)])).toBe(true);
    expect(isLeaderOnly([grant("team_leader", 1001), grant("team_leader", 1002)])).toBe(true);
    expect(isLeaderOnly([grant("team_leader", 1001), grant("street_admin", 2)])).toBe(false);
    expect(isLeaderOnly([])).toBe(false);
  });
  it("lists the teams led, for the team switch", () => {
    expect(ledTeams([grant("street_admin", 2), grant("team_leader", 1001, "宁夏路队")])).toEqual([{ id: 1001, name: "宁夏路队" }]);
  });
});

describe("the 24-hour refusal", () => {
  it("reads who is over and by how much from the refusal's detail", () => {
    const details = JSON.stringify([{ volunteer_id: "a", name: "张三", day_hours: 23, over_by: 1 }]);
    expect(dailyLimitOverflow({ hint: "service_records_daily_limit", details })).toEqual([{ volunteer_id: "a", name: "张三", day_hours: 23, over_by: 1 }]);
  });
  it("names nobody for another refusal or a detail that is not the list", () => {
    expect(dailyLimitOverflow({ hint: "service_records_not_member", details: "[]" })).toBeUndefined();
    expect(dailyLimitOverflow({ hint: "service_records_daily_limit", details: "more than 24 hours" })).toBeUndefined();
    expect(dailyLimitOverflow(null)).toBeUndefined();
  });
});

describe("the hours stepper", () => {
  it("moves by half an hour and stays between half an hour and 24", () => {
    expect(stepHours(2, 1)).toBe(2.5);
    expect(stepHours(2, -1)).toBe(1.5);
    expect(stepHours(0.5, -1)).toBe(0.5);
    expect(stepHours(24, 1)).toBe(24);
  });
});

describe("printing periods", () => {
  it("count this month and this year up to today, and last year whole", () => {
    expect(presetDays("thisMonth", "2026-11-29")).toEqual({ from: "2026-11-01", to: "2026-11-29" });
    expect(presetDays("thisYear", "2026-11-29")).toEqual({ from: "2026-01-01", to: "2026-11-29" });
    expect(presetDays("lastYear", "2026-01-03")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });
});
