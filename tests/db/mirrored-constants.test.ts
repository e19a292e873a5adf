// Constants the app mirrors from SQL (src/domain) must say what the database says: the forms and
// progress displays explain a refusal before the database makes it. Each is read from the catalog or
// probed at its boundary, so a change on either side fails here.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { redemptionProblem, REWARD_CATEGORIES } from "../../src/domain/passbook";
import { commended, DEFAULT_BANDS } from "../../src/domain/rating";
import { ROLE_LEVELS, type AppRole, type OrgLevel } from "../../src/domain/scope";
import { MAX_HOURS_PER_DAY, SERVICE_STATUSES, validServiceHours } from "../../src/domain/service";
import { NATIONAL_SCALE, starLevelFor } from "../../src/domain/stars";
import { COMMUNITY_POSTS, isValidPhone, MEMBER_ROLES, PHONE_PATTERN } from "../../src/domain/volunteer";
import { as, newMember, OWN_TEAM, pastDay, sql } from "./helpers";

async function enumValues(type: string): Promise<string[]> {
  const [r] = await sql<{ v: string[] }>(`select enum_range(null::public.${type})::text[] v`);
  return r.v;
}

async function constraintDef(table: string, name: string): Promise<string> {
  const [r] = await sql<{ def: string }>(
    "select pg_get_constraintdef(c.oid) def from pg_constraint c where c.conrelid = $1::regclass and c.conname = $2", [`public.${table}`, name]);
  return r?.def ?? "";
}

/** Runs statements in a transaction that is rolled back; each step in its own savepoint, returning its error. */
async function inRollback(steps: ((c: pg.Client) => Promise<unknown>)[]): Promise<(Error & { hint?: string; constraint?: string } | null)[]> {
  const c = new pg.Client({ connectionString: inject("dbUrl") });
  await c.connect();
  const out: (Error | null)[] = [];
  try {
    await c.query("begin");
    for (const [i, step] of steps.entries()) {
      await c.query(`savepoint s${i}`);
      try {
        await step(c);
        out.push(null);
      } catch (e) {
        await c.query(`rollback to savepoint s${i}`);
        out.push(e as Error);
      }
    }
  } finally {
    await c.query("rollback").catch(() => undefined);
    await c.end();
  }
  return out;
}

describe("constants mirrored from SQL", () => {
  it("star thresholds: the national scale is the star_levels table, and levels change exactly at each threshold", async () => {
    const rows = await sql<{ level: number; name: string; min_hours: string }>("select level, name, min_hours from star_levels order by level");
    expect(rows.map((r) => ({ level: r.level, name: r.name, min_hours: Number(r.min_hours) }))).toEqual(NATIONAL_SCALE);
    for (const { min_hours } of NATIONAL_SCALE) {
      for (const h of [min_hours - 0.01, min_hours]) {
        const [r] = await sql<{ l: number }>("select public.star_level_for($1) l", [h]);
        expect(r.l, `${h} h`).toBe(starLevelFor(h));
      }
    }
  });

  it("phone pattern: the volunteer_contacts check uses the app's pattern", async () => {
    const def = await constraintDef("volunteer_contacts", "volunteer_contacts_phone_check");
    const sqlPattern = /~ '(.*)'::text/.exec(def)?.[1];
    expect(sqlPattern, def).toBe(PHONE_PATTERN.source);
    for (const phone of ["13800001111", "12800001111", "0532-88886666", "053288886666", "0532-888866", "1380000111"]) {
      const [r] = await sql<{ ok: boolean }>(`select $1 ~ '${sqlPattern}' ok`, [phone]);
      expect(isValidPhone(phone), phone).toBe(r.ok);
    }
  });

  it("hours: a record holds at most MAX_HOURS_PER_DAY in hundredths, and a person at most that much a day", async () => {
    const v = await newMember(OWN_TEAM);
    const day = pastDay();
    let activity = 0;
    const record = (hours: number) => (c: pg.Client) =>
      c.query("insert into service_records (activity_id, volunteer_id, team_id, service_date, hours) values ($1, $2, $3, $4, $5)",
        [activity, v, OWN_TEAM, day, hours]);
    const [, over, full, more] = await inRollback([
      async (c) => {
        activity = (await c.query("insert into service_activities (team_id, title, service_date) values ($1, '边界', $2) returning id", [OWN_TEAM, day])).rows[0].id;
      },
      record(MAX_HOURS_PER_DAY + 0.01),
      record(MAX_HOURS_PER_DAY),
      record(0.01),
    ]);
    expect(validServiceHours(MAX_HOURS_PER_DAY + 0.01)).toBe(false);
    expect(over, "a record over the limit is refused").not.toBeNull();
    const check = await constraintDef("service_records", "service_records_hours_check");
    expect(Number(/hours <= \(?(\d+(?:\.\d+)?)/.exec(check)?.[1]), check).toBe(MAX_HOURS_PER_DAY);
    expect(validServiceHours(MAX_HOURS_PER_DAY)).toBe(true);
    expect(full).toBeNull();
    expect(more?.hint ?? more?.message).toMatch(/service_records_daily_limit/);
    const [col] = await sql<{ scale: number }>(
      "select numeric_scale scale from information_schema.columns where table_schema = 'public' and table_name = 'service_records' and column_name = 'hours'");
    expect(col.scale).toBe(2);
    expect(validServiceHours(1.25)).toBe(true);
    expect(validServiceHours(1.255)).toBe(false);
  });

  it("redemption quantity: 1 to 99, as redeem_reward checks it", async () => {
    const v = await newMember(OWN_TEAM);
    const [reward] = await sql<{ id: string }>("select id from rewards where active order by id limit 1");
    const sb = await as("leader");
    for (const q of [0, 1, 99, 100]) {
      const { error } = await sb.rpc("redeem_reward", { p_volunteer_id: v, p_reward_id: Number(reward.id), p_quantity: q });
      // a person with no points: a quantity in range is refused for the points, not the quantity
      expect(error?.hint === "redeem_quantity", `quantity ${q}`).toBe(redemptionProblem(1e9, 1e9, 1, q) === "quantity");
    }
  });

  it("rating bands and commendation: the round's default bands and the certificate rule", async () => {
    const [col] = await sql<{ def: string }>(
      "select column_default def from information_schema.columns where table_schema = 'public' and table_name = 'rating_rounds' and column_name = 'star_bands'");
    expect(col.def).toBe(`'{${DEFAULT_BANDS.join(",")}}'::numeric[]`);
    const def = await constraintDef("ratings", "ratings_certificate");
    const threshold = Number(/star_level >= (\d+)/.exec(def)?.[1]);
    expect(commended(threshold)).toBe(true);
    expect(commended(threshold - 1)).toBe(false);
  });

  it("enumerations: statuses, categories, roles and posts are the database's", async () => {
    const same = (a: readonly string[], b: readonly string[]) => expect([...a].sort()).toEqual([...b].sort());
    same(await enumValues("service_status"), SERVICE_STATUSES);
    same(await enumValues("reward_category"), REWARD_CATEGORIES);
    same(await enumValues("member_role"), MEMBER_ROLES);
    same(await enumValues("community_post"), COMMUNITY_POSTS);
    same(await enumValues("app_role"), Object.keys(ROLE_LEVELS));
  });

  it("which level of unit each role is granted over: ROLE_LEVELS is what role_grants accepts", async () => {
    const levels = await enumValues("org_level");
    const [unit] = await sql<{ district: string; street: string; community: string; team: string }>(
      `select (select id from org_units where level = 'district' limit 1) district, (select id from org_units where level = 'street' limit 1) street,
              (select id from org_units where level = 'community' limit 1) community, (select id from org_units where level = 'team' limit 1) team`);
    const roles = Object.keys(ROLE_LEVELS) as AppRole[];
    const pairs = roles.flatMap((role) => levels.map((level) => ({ role, level: level as OrgLevel })));
    const results = await inRollback(pairs.map(({ role, level }) => (c: pg.Client) =>
      c.query("insert into role_grants (email, role, org_unit_id) values ($1, $2, $3)", [`probe-${role}-${level}@example.test`, role, unit[level as keyof typeof unit]])));
    pairs.forEach(({ role, level }, i) => {
      const refusedForLevel = results[i]?.hint === "role_grants_role_level";
      expect(!refusedForLevel, `${role} over ${level}: ${results[i]?.message ?? "accepted"}`).toBe(ROLE_LEVELS[role].includes(level));
    });
  });
});
