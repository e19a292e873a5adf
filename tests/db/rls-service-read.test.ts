// What each role reads of service, stars, points, ratings and statistics, against independent SQL.
import { describe, expect, it } from "vitest";
import { as, count, OWN_STREET, OWN_TEAM, sql, type Actor } from "./helpers";

async function visible(actor: Actor, table: string): Promise<number> {
  const sb = await as(actor);
  const { count: n, error } = await sb.from(table).select("*", { count: "exact", head: true });
  expect(error).toBeNull();
  return n ?? 0;
}

const NEW_TABLES = [
  "projects", "service_activities", "service_records", "star_levels", "volunteer_service_totals", "star_awards",
  "points_rules", "alliance_partners", "rewards", "points_ledger", "points_balances", "rating_rounds", "rating_criteria",
  "ratings", "rating_scores", "rating_honours", "role_models", "role_model_awards", "service_monthly_totals",
  "service_monthly_street_totals", "points_monthly_totals",
];

// people the leader may read: on the roster of the led team (any time), or registered by the leader and on
// no roster yet (20261129004100); a street admin: living in the street or on its teams' rosters
const LEADER_PEOPLE = `select volunteer_id from team_memberships where team_id = ${OWN_TEAM}
  union select v.id from volunteers v where v.created_by = '00000000-0000-4000-8000-000000000003'
    and not exists (select 1 from team_memberships m where m.volunteer_id = v.id)`;
const STREET_PEOPLE = `select id from volunteers where home_street_id = ${OWN_STREET}
  union select m.volunteer_id from team_memberships m join org_units t on t.id = m.team_id where t.street_id = ${OWN_STREET}`;

describe("anonymous users read nothing of the new tables", () => {
  for (const table of NEW_TABLES) {
    it(`anon sees no row of ${table}`, async () => {
      expect(await count(`select 1 from ${table}`)).toBeGreaterThan(0);
      const { data, error } = await (await as("anon")).from(table).select("*").limit(5);
      expect(error === null ? data : []).toEqual([]);
    });
  }

  it("anon cannot call the service, points, rating or statistics RPCs", async () => {
    const sb = await as("anon");
    const calls: [string, Record<string, unknown>][] = [
      ["star_distribution", {}], ["service_hours_by_month", { p_from: "2025-01-01", p_to: "2026-12-31" }],
      ["dashboard_kpis", { p_from: "2026-01-01", p_to: "2026-12-31" }], ["top_volunteers", {}],
      ["redeem_reward", { p_volunteer_id: "00000000-0000-0000-0000-000000000000", p_reward_id: 1 }],
      ["record_service", { p_team_id: OWN_TEAM, p_service_date: "2026-01-01", p_title: "x", p_hours: 1, p_volunteer_ids: [] }],
      ["confirm_star_award", { p_award_id: 1 }], ["rating_star_summary", {}],
    ];
    for (const [fn, args] of calls) expect((await sb.rpc(fn, args)).error?.code, fn).toBe("42501");
  });
});

describe("service records and activities", () => {
  it("the organisation department and finance read all; a street admin its street; a leader the led team", async () => {
    const total = await count("select 1 from service_records");
    expect(await visible("org", "service_records")).toBe(total);
    expect(await visible("finance", "service_records")).toBe(total);
    const street = await count(`select 1 from service_records r join org_units t on t.id = r.team_id where t.street_id = ${OWN_STREET}`);
    expect(street).toBeLessThan(total);
    expect(await visible("street", "service_records")).toBe(street);
    expect(await visible("leader", "service_records")).toBe(await count(`select 1 from service_records where team_id = ${OWN_TEAM}`));
    expect(await visible("leader", "service_activities")).toBe(await count(`select 1 from service_activities where team_id = ${OWN_TEAM}`));
  });
});

describe("totals, star awards and the passbook follow who may read the person", () => {
  for (const table of ["volunteer_service_totals", "star_awards", "points_ledger"]) {
    it(`${table}: leader and street admin see exactly their people, org all`, async () => {
      expect(await visible("leader", table)).toBe(await count(`select 1 from ${table} where volunteer_id in (${LEADER_PEOPLE})`));
      expect(await visible("street", table)).toBe(await count(`select 1 from ${table} where volunteer_id in (${STREET_PEOPLE})`));
      expect(await visible("org", table)).toBe(await count(`select 1 from ${table}`));
    });
  }

  it("points_balances equal the ledger sums, and never fall below zero", async () => {
    const sb = await as("org");
    const { data } = await sb.from("points_balances").select("volunteer_id, balance").order("balance").limit(1);
    expect(data![0].balance).toBeGreaterThanOrEqual(0);
    const [r] = await sql<{ s: string }>("select sum(points) as s from points_ledger");
    const all: number[] = [];
    for (let from = 0; ; from += 1000) {
      const { data: page } = await sb.from("points_balances").select("balance").order("volunteer_id").range(from, from + 999);
      all.push(...page!.map((p) => Number(p.balance)));
      if (page!.length < 1000) break;
    }
    expect(all.reduce((a, b) => a + b, 0)).toBe(Number(r.s));
  });
});

describe("ratings", () => {
  it("a leader reads the own team's ratings and the public list of awarded three stars and above, nothing else", async () => {
    const expected = await count(`select 1 from ratings where unit_id = ${OWN_TEAM} or (status = 'awarded' and star_level >= 3)`);
    expect(await visible("leader", "ratings")).toBe(expected);
    expect(await visible("leader", "rating_honours")).toBe(await count("select 1 from ratings where status = 'awarded' and star_level >= 3"));
  });
});

describe("statistics respect the caller's scope", () => {
  it("star_distribution counts each role's people (not withdrawn) by star level, and adds up", async () => {
    const expectedFor = async (people: string) => {
      const rows = await sql<{ lvl: number; n: string }>(
        `select coalesce(t.star_level, 0) as lvl, count(*) as n from volunteers v
           left join volunteer_service_totals t on t.volunteer_id = v.id
          where v.status <> 'withdrawn' and v.id in (${people}) group by 1`);
      return [0, 1, 2, 3, 4, 5].map((l) => Number(rows.find((r) => r.lvl === l)?.n ?? 0));
    };
    for (const [actor, people] of [["leader", LEADER_PEOPLE], ["street", STREET_PEOPLE], ["org", "select id from volunteers"]] as const) {
      const { data, error } = await (await as(actor)).rpc("star_distribution");
      expect(error).toBeNull();
      expect(data.map((r: { volunteers: number }) => r.volunteers), actor).toEqual(await expectedFor(people));
    }
    const { data: org } = await (await as("org")).rpc("star_distribution");
    for (const l of [1, 2, 3, 4, 5]) expect(org[l].volunteers, `level ${l} populated`).toBeGreaterThan(0);
  });

  it("hours by month equal the approved records of the scope, month by month", async () => {
    for (const [actor, where] of [["leader", `r.team_id = ${OWN_TEAM}`], ["street", `t.street_id = ${OWN_STREET}`], ["org", "true"]] as const) {
      const expected = await sql<{ month: string; hours: string }>(
        `select to_char(date_trunc('month', r.service_date), 'YYYY-MM-DD') as month, sum(r.hours)::text as hours
           from service_records r join org_units t on t.id = r.team_id
          where r.status = 'approved' and r.service_date between '2025-01-01' and '2026-12-31' and ${where}
          group by 1 order by 1`);
      const { data } = await (await as(actor)).rpc("service_hours_by_month", { p_from: "2025-01-01", p_to: "2026-12-31" });
      expect(data.map((r: { month: string; hours: number }) => [r.month, Number(r.hours)]), actor)
        .toEqual(expected.map((e) => [e.month, Number(e.hours)]));
    }
  });

  it("hours by street show a street admin only the own street; every month of the seed is populated", async () => {
    const { data } = await (await as("street")).rpc("service_hours_by_street", { p_from: "2025-01-01", p_to: "2026-12-31" });
    expect(data.map((r: { street_id: number }) => r.street_id)).toEqual([OWN_STREET]);
    const { data: months } = await (await as("org")).rpc("service_hours_by_month", { p_from: "2025-01-01", p_to: "2026-11-30" });
    expect(months).toHaveLength(23);
  });

  it("hours by street (read from the street rollup) follow a team that moves to another street", async () => {
    const byTeams = async () => Object.fromEntries((await sql<{ street_id: string; hours: string }>(
      `select t.street_id, sum(r.hours)::text as hours from service_records r join org_units t on t.id = r.team_id
        where r.status = 'approved' and r.service_date >= '2025-01-01' group by 1`)).map((r) => [Number(r.street_id), Number(r.hours)]));
    const viaRpc = async () => {
      const { data } = await (await as("org")).rpc("service_hours_by_street", { p_from: "2025-01-01", p_to: "2026-12-31" });
      return Object.fromEntries(data.map((r: { street_id: number; hours: number }) => [r.street_id, Number(r.hours)]));
    };
    expect(await viaRpc()).toEqual(await byTeams());
    const [{ id: team, parent_id: home }] = await sql<{ id: string; parent_id: string }>(
      "select id, parent_id from org_units where level = 'team' and street_id = 4 and active_member_count > 0 order by id limit 1");
    await sql("update org_units set parent_id = (select id from org_units where level = 'community' and street_id = 5 order by id limit 1) where id = $1", [team]);
    try {
      expect(await viaRpc()).toEqual(await byTeams());
    } finally {
      await sql("update org_units set parent_id = $2 where id = $1", [team, home]);
    }
    expect(await viaRpc()).toEqual(await byTeams());
  });

  it("top volunteers of a leader are the team's own people", async () => {
    const { data } = await (await as("leader")).rpc("top_volunteers", { p_limit: 5 });
    const own = new Set((await sql<{ id: string }>(LEADER_PEOPLE.replace("select volunteer_id", "select volunteer_id as id"))).map((r) => r.id));
    expect(data.length).toBeGreaterThan(0);
    for (const r of data) expect(own.has(r.volunteer_id)).toBe(true);
  });
});
