// Writes to the programme's reference tables, tried by each role: the organisation department keeps
// them, street admins what lies in their street, leaders and finance nothing; derived tables (totals,
// monthly figures, the upgrade queue) take no writes from anyone through the API.
import { describe, expect, it } from "vitest";
import { as, count, OTHER_STREET, OWN_STREET, sql, unique, type Actor } from "./helpers";

async function insert(actor: Actor, table: string, row: Record<string, unknown>) {
  const sb = await as(actor);
  return sb.from(table).insert(row).select();
}

const ROWS: [string, () => Record<string, unknown>][] = [
  ["projects", () => ({ name: unique("测试项目"), level: "district", org_unit_id: 1 })],
  ["points_rules", () => ({ effective_from: `20${30 + Math.floor(Math.random() * 60)}-01-0${1 + Math.floor(Math.random() * 9)}`, points_per_hour: 12, cap_per_activity: 90 })],
  ["alliance_partners", () => ({ name: unique("测试联盟单位") })],
  ["rewards", () => ({ category: "daily_goods", name: unique("测试礼品"), points_cost: 10, stock: 5 })],
  ["rating_rounds", () => ({ name: unique("测试轮次"), year: 2027, org_unit_id: 1 })],
  ["role_models", () => ({ name: "测试", title: unique("称号") })],
];

describe("reference tables", () => {
  for (const [table, row] of ROWS) {
    it(`${table}: leaders, finance and anon cannot add; the organisation department can`, async () => {
      for (const a of ["leader", "finance", "anon"] as const) {
        const { error } = await insert(a, table, row());
        expect(error?.code, `${a} → ${table}`).toBe("42501");
      }
      const { error, data } = await insert("org", table, row());
      expect(error).toBeNull();
      expect(data).toHaveLength(1);
    });
  }

  it("a street admin adds street projects and role models in the own street only", async () => {
    expect((await insert("street", "projects", { name: unique("街道项目"), level: "street", org_unit_id: OWN_STREET })).error).toBeNull();
    expect((await insert("street", "projects", { name: unique("街道项目"), level: "street", org_unit_id: OTHER_STREET })).error?.code).toBe("42501");
    expect((await insert("street", "role_models", { name: "测试", title: unique("称号"), street_id: OWN_STREET })).error).toBeNull();
    expect((await insert("street", "role_models", { name: "测试", title: unique("称号"), street_id: OTHER_STREET })).error?.code).toBe("42501");
    expect((await insert("street", "rewards", { category: "daily_goods", name: unique("礼品"), points_cost: 1, stock: 1 })).error?.code).toBe("42501");
  });
});

describe("derived tables take no writes through the API", () => {
  // valid rows and real keys, so that only row-level security stands in the way
  const CASES: [string, () => Promise<Record<string, unknown>>, string, string][] = [
    ["volunteer_service_totals", async () => ({ volunteer_id: (await sql<{ id: string }>("select id from volunteers where status = 'active' order by id limit 1"))[0].id, approved_hours: 9999 }), "approved_hours", "volunteer_id"],
    ["star_awards", async () => ({ volunteer_id: (await sql<{ id: string }>("select id from volunteers order by id desc limit 1"))[0].id, level: 5, hours_at_eligibility: 1500 }), "hours_at_eligibility", "volunteer_id"],
    ["service_monthly_totals", async () => ({ team_id: 1001, month: "2030-01-01", hours: 10, records: 1 }), "hours", "team_id"],
    ["service_monthly_street_totals", async () => ({ street_id: OWN_STREET, month: "2030-01-01", hours: 10, records: 1 }), "hours", "street_id"],
    ["points_monthly_totals", async () => ({ community_id: 101, month: "2030-01-01", issued: 10, redeemed: 0 }), "issued", "community_id"],
  ];
  for (const [table, row, column, key] of CASES) {
    it(`${table}: not even the organisation department inserts or updates it`, async () => {
      const sb = await as("org");
      const values = await row();
      const { error } = await sb.from(table).insert(values);
      expect(error?.code).toBe("42501");
      const before = await count(`select 1 from ${table} where ${column} = 9999`);
      const upd = await sb.from(table).update({ [column]: 9999 }).eq(key, values[key] as string).select();
      expect(upd.error?.code).toBe("42501"); // no update privilege at all, not only no policy
      expect(await count(`select 1 from ${table} where ${column} = 9999`)).toBe(before);
    });
  }
});
