import { describe, expect, it } from "vitest";
import { monthBounds, withShares, yearOverYear } from "../../src/domain/charts";
import { redemptionProblem } from "../../src/domain/passbook";
import { commended, ratingStar } from "../../src/domain/rating";
import { canReverse, canReview, projectFitsTeam, validServiceHours } from "../../src/domain/service";
import type { ScopeGrant } from "../../src/domain/scope";
import { starLevelFor, starProgress, stars } from "../../src/domain/stars";

const street: ScopeGrant = { grant_id: 1, role: "street_admin", org_unit_id: 2, unit_name: "八大湖街道", level: "street", street_id: 2, community_id: null };
const leader: ScopeGrant = { grant_id: 2, role: "team_leader", org_unit_id: 1001, unit_name: "队", level: "team", street_id: 2, community_id: 101 };

describe("star levels", () => {
  it("follow the national scale at the boundaries", () => {
    expect([0, 99.99, 100, 299.99, 300, 600, 999.99, 1000, 1499.99, 1500, 5000].map((h) => starLevelFor(h)))
      .toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
  });
  it("progress shows what is missing for the next level", () => {
    expect(starProgress(250)).toMatchObject({ level: 1, remaining: 50, percent: 75 });
    expect(starProgress(0)).toMatchObject({ level: 0, remaining: 100, percent: 0 });
    expect(starProgress(1600)).toMatchObject({ level: 5, next: undefined, remaining: 0, percent: 100 });
  });
  it("draws five positions", () => {
    expect(stars(3)).toBe("★★★☆☆");
    expect(stars(0)).toBe("☆☆☆☆☆");
  });
});

describe("service records", () => {
  it("hours are more than 0, at most 24, in hundredths", () => {
    expect([0.01, 3.5, 24].every(validServiceHours)).toBe(true);
    expect([0, -1, 24.01, 1.005, Number.NaN, null].some((h) => validServiceHours(h as number))).toBe(false);
  });
  it("only an admin of the scope reviews, never their own entry; leaders never", () => {
    const rec = { team_id: 1001, status: "pending" as const, kind: "service" as const, recorded_by: "leader", team: { street_id: 2, community_id: 101 } };
    expect(canReview([street], "street", rec)).toBe(true);
    expect(canReview([street], "street", { ...rec, recorded_by: "street" })).toBe(false);
    expect(canReview([leader], "leader2", rec)).toBe(false);
    expect(canReview([street], "street", { ...rec, team: { street_id: 3, community_id: 106 } })).toBe(false);
    expect(canReverse([street], { ...rec, status: "approved" })).toBe(true);
    expect(canReverse([street], { ...rec, status: "approved", kind: "reversal" })).toBe(false);
    expect(canReverse([leader], { ...rec, status: "approved" })).toBe(false);
  });
});

describe("passbook", () => {
  it("names what stands in the way of a redemption", () => {
    expect(redemptionProblem(100, 5, 50, 2)).toBeUndefined();
    expect(redemptionProblem(99, 5, 50, 2)).toBe("points");
    expect(redemptionProblem(500, 1, 50, 2)).toBe("stock");
    expect(redemptionProblem(500, 1, 50, 0)).toBe("quantity");
  });
});

describe("ratings", () => {
  it("turn the share of the maximum into stars by the bands", () => {
    expect([0, 59.9, 60, 75, 85, 90, 100].map((t) => ratingStar(t, 100))).toEqual([1, 1, 2, 3, 4, 5, 5]);
    expect(commended(3)).toBe(true);
    expect(commended(2)).toBe(false);
  });
});

describe("chart shaping", () => {
  it("puts this year beside last year, with no line for future months", () => {
    const rows = yearOverYear([{ month: "2025-03-01", hours: "10" }, { month: "2026-03-01", hours: 12 }], 2026, new Date(2026, 10, 28));
    expect(rows[2]).toEqual({ month: 3, thisYear: 12, lastYear: 10 });
    expect(rows[0]).toEqual({ month: 1, thisYear: 0, lastYear: 0 });
    expect(rows[11]).toEqual({ month: 12, thisYear: null, lastYear: 0 });
  });
  it("adds shares that sum to about 100", () => {
    const s = withShares([{ star_level: 0, volunteers: 1 }, { star_level: 1, volunteers: "3" }]);
    expect(s.map((r) => r.share)).toEqual([25, 75]);
    expect(withShares([{ star_level: 0, volunteers: 0 }])[0].share).toBe(0);
  });
  it("widens a range to whole months", () => {
    expect(monthBounds(new Date(2026, 1, 15), new Date(2026, 1, 20))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });
});

describe("projects an activity may be filed under", () => {
  const team = { street_id: 2, district_id: 1 };
  it("a district project of the team's district or a street project of the team's own street", () => {
    expect(projectFitsTeam({ level: "district", org_unit_id: 1 }, team)).toBe(true);
    expect(projectFitsTeam({ level: "street", org_unit_id: 2 }, team)).toBe(true);
    expect(projectFitsTeam({ level: "street", org_unit_id: 3 }, team)).toBe(false);
    expect(projectFitsTeam({ level: "district", org_unit_id: 1 }, undefined)).toBe(false);
  });
});
