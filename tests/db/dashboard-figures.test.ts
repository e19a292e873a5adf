// The dashboard's figures follow its filters (20261130003100): the 志愿团队 card counts the teams of the
// chosen street, and the hours of a stretch of days (this month to date, the same days last year) are
// those of the caller's scope and street.
import { describe, expect, it } from "vitest";
import { as, OTHER_STREET, OWN_STREET, OWN_TEAM, sql } from "./helpers";

async function teamsIn(street: number | null): Promise<number> {
  const [r] = await sql<{ n: string }>("select count(*) as n from org_units where level = 'team' and ($1::bigint is null or street_id = $1)", [street]);
  return Number(r.n);
}

async function approvedHours(from: string, to: string, where: string, params: unknown[]): Promise<number> {
  const [r] = await sql<{ h: string }>(
    `select coalesce(sum(r.hours), 0) as h from service_records r join org_units t on t.id = r.team_id
      where r.status = 'approved' and r.service_date between $1 and $2 and ${where}`, [from, to, ...params]);
  return Number(r.h);
}

describe("dashboard figures follow the street filter", () => {
  it("the team count of an org admin is the chosen street's, not the district's", async () => {
    const org = await as("org");
    const all = await org.rpc("dashboard_kpis", { p_from: "2020-01-01", p_to: "2030-12-31", p_street_id: null });
    expect(all.error).toBeNull();
    expect(Number(all.data[0].teams)).toBe(await teamsIn(null));
    const street = await org.rpc("dashboard_kpis", { p_from: "2020-01-01", p_to: "2030-12-31", p_street_id: OTHER_STREET });
    expect(Number(street.data[0].teams)).toBe(await teamsIn(OTHER_STREET));
    expect(Number(street.data[0].teams)).toBeLessThan(Number(all.data[0].teams));
  });

  it("a street admin counts the teams of their street only, and a leader their own team", async () => {
    const street = await as("street");
    const kpis = await street.rpc("dashboard_kpis", { p_from: "2020-01-01", p_to: "2030-12-31" });
    expect(Number(kpis.data[0].teams)).toBe(await teamsIn(OWN_STREET));
    const outside = await street.rpc("dashboard_kpis", { p_from: "2020-01-01", p_to: "2030-12-31", p_street_id: OTHER_STREET });
    expect(Number(outside.data[0].teams)).toBe(0);
    const leader = await as("leader");
    expect(Number((await leader.rpc("dashboard_kpis", { p_from: "2020-01-01", p_to: "2030-12-31" })).data[0].teams)).toBe(1);
  });

  it("hours between two days are the approved hours of the scope and street on those days", async () => {
    const [{ d }] = await sql<{ d: string }>(
      "select to_char(max(service_date), 'YYYY-MM-DD') as d from service_records where status = 'approved'");
    const to = d;
    const from = `${d.slice(0, 8)}01`;
    const org = await as("org");
    const whole = await org.rpc("service_hours_between", { p_from: from, p_to: to });
    expect(whole.error).toBeNull();
    expect(Number(whole.data[0].hours)).toBeCloseTo(await approvedHours(from, to, "true", []), 2);
    expect(Number(whole.data[0].hours)).toBeGreaterThan(0);
    const street = await org.rpc("service_hours_between", { p_from: from, p_to: to, p_street_id: OTHER_STREET });
    expect(Number(street.data[0].hours)).toBeCloseTo(await approvedHours(from, to, "t.street_id = $3", [OTHER_STREET]), 2);
    const leader = await as("leader");
    const own = await leader.rpc("service_hours_between", { p_from: from, p_to: to });
    expect(Number(own.data[0].hours)).toBeCloseTo(await approvedHours(from, to, "r.team_id = $3", [OWN_TEAM]), 2);
    // a leader asking for another street's hours learns nothing beyond their own team
    const other = await leader.rpc("service_hours_between", { p_from: from, p_to: to, p_street_id: OTHER_STREET });
    expect(Number(other.data[0].hours)).toBe(0);
  });

  it("signed out, the figures are refused", async () => {
    const { client } = await import("./helpers");
    const anon = client();
    expect((await anon.rpc("service_hours_between", { p_from: "2020-01-01", p_to: "2030-12-31" })).error).not.toBeNull();
  });
});
