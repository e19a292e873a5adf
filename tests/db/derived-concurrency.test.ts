// Trigger-kept figures stay equal to a full re-derivation after approvals, reversals, roster changes,
// moves of teams and communities, home changes and threshold changes run at the same time from many
// sessions; record_service bursts with overlapping members do not deadlock. Every comparison is over
// the whole database, not only this file's fixture, so a drift anywhere fails the test.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { DISTRICT, OWN_TEAM, sql, unique } from "./helpers";

const SESSIONS = 16;

async function session(asUser?: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: inject("dbUrl") });
  c.on("error", () => undefined);
  await c.connect();
  if (asUser) {
    await c.query("select set_config('request.jwt.claims', $1, false)", [JSON.stringify({ sub: asUser, role: "authenticated" })]);
    await c.query("set role authenticated");
  }
  return c;
}

async function userId(email: string): Promise<string> {
  const [u] = await sql<{ id: string }>("select id from auth.users where email = $1", [email]);
  return u.id;
}

function shuffle<T>(xs: T[], seed = 7): T[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

type Op = { name: string; admin?: boolean; text: string; params?: unknown[] };
const RETRYABLE = new Set(["40P01", "40001"]);

/** Runs the operations from SESSIONS sessions at once; a deadlock or serialization failure is retried once,
 *  as the app does. Returns the failures that remain. */
async function runConcurrently(ops: Op[], adminId: string): Promise<string[]> {
  const plain = await Promise.all(Array.from({ length: SESSIONS / 2 }, () => session()));
  const admins = await Promise.all(Array.from({ length: SESSIONS / 2 }, () => session(adminId)));
  const failures: string[] = [];
  let retried = 0;
  const queues = { admin: ops.filter((o) => o.admin), plain: ops.filter((o) => !o.admin) };
  const worker = async (c: pg.Client, admin: boolean) => {
    const mine = () => (admin ? queues.admin : queues.plain).shift();
    for (let op = mine(); op; op = mine()) {
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(op.text, op.params);
          break;
        } catch (e) {
          const code = (e as { code?: string }).code ?? "";
          if (RETRYABLE.has(code) && attempt === 0) {
            retried += 1;
            if (process.env.DEBUG_DEADLOCK) console.log(`retry ${op.name}: ${(e as { detail?: string }).detail} @ ${(e as { where?: string }).where}`);
            continue;
          }
          failures.push(`${op.name}: ${code} ${(e as Error).message}${process.env.DEBUG_DEADLOCK ? ` ${(e as { detail?: string }).detail} @ ${(e as { where?: string }).where}` : ""}`);
          break;
        }
      }
    }
  };
  try {
    await Promise.all([...plain.map((c) => worker(c, false)), ...admins.map((c) => worker(c, true))]);
  } finally {
    await Promise.all([...plain, ...admins].map((c) => c.end()));
  }
  if (retried) console.log(`${retried} of ${ops.length} operations were retried once after a deadlock or serialization failure`);
  return failures;
}

/** Each derived figure next to its re-derivation from the base rows: the rows that differ. */
const DRIFT: Record<string, string> = {
  active_member_count: `
    select u.id, u.active_member_count, (select count(*) from team_memberships m where m.team_id = u.id and m.left_on is null) as expected
      from org_units u
     where u.active_member_count <> (select count(*) from team_memberships m where m.team_id = u.id and m.left_on is null)`,
  "volunteers.home_street_id": `
    select v.id, v.home_street_id, c.street_id as expected
      from volunteers v join org_units c on c.id = v.home_community_id
     where v.home_street_id is distinct from c.street_id`,
  volunteer_service_totals: `
    with r as (select volunteer_id, sum(hours) as hours, sum(sign(hours))::int as records,
                      max(service_date) filter (where kind = 'service') as last_on
                 from service_records where status = 'approved' group by volunteer_id),
         e as (select v.id, coalesce(r.hours, 0) as hours, coalesce(r.records, 0) as records, r.last_on,
                      star_level_for(coalesce(r.hours, 0)) as star_level, v.home_community_id, c.street_id as home_street_id,
                      v.status <> 'withdrawn' as counted
                 from volunteers v join org_units c on c.id = v.home_community_id left join r on r.volunteer_id = v.id)
    select e.id, t.* from e full join volunteer_service_totals t on t.volunteer_id = e.id
     where (e.hours, e.records, e.last_on, e.star_level, e.home_community_id, e.home_street_id, e.counted)
           is distinct from
           (t.approved_hours, t.approved_records, t.last_service_on, t.star_level, t.home_community_id, t.home_street_id, t.counted)`,
  "star_awards queue": `
    select t.volunteer_id, t.star_level from volunteer_service_totals t
     where t.star_level > 0
       and not exists (select 1 from star_awards a where a.volunteer_id = t.volunteer_id and a.level = t.star_level)`,
  service_monthly_totals: `
    with e as (select team_id, date_trunc('month', service_date)::date as month, sum(hours) as hours, sum(sign(hours))::int as records
                 from service_records where status = 'approved' group by 1, 2)
    select * from e full join service_monthly_totals m using (team_id, month)
     where (coalesce(e.hours, 0), coalesce(e.records, 0)) <> (coalesce(m.hours, 0), coalesce(m.records, 0))`,
  service_monthly_street_totals: `
    with e as (select t.street_id, date_trunc('month', r.service_date)::date as month, sum(r.hours) as hours,
                      sum(sign(r.hours))::int as records
                 from service_records r join org_units t on t.id = r.team_id where r.status = 'approved' group by 1, 2)
    select * from e full join service_monthly_street_totals m using (street_id, month)
     where (coalesce(e.hours, 0), coalesce(e.records, 0)) <> (coalesce(m.hours, 0), coalesce(m.records, 0))`,
  // the rule (one for triggers and rebuild): points count for the community recorded on the entry
  points_monthly_totals: `
    with e as (select l.community_id, date_trunc('month', l.created_at at time zone 'Asia/Shanghai')::date as month,
                      coalesce(sum(l.points) filter (where l.entry_type in ('earn', 'earn_reversal')), 0) as issued,
                      coalesce(-sum(l.points) filter (where l.entry_type in ('redeem', 'redeem_reversal')), 0) as redeemed
                 from points_ledger l group by 1, 2)
    select * from e full join points_monthly_totals m using (community_id, month)
     where (coalesce(e.issued, 0), coalesce(e.redeemed, 0)) <> (coalesce(m.issued, 0), coalesce(m.redeemed, 0))`,
  "ledger entries for approved service": `
    select r.id from service_records r
     where r.status = 'approved' and r.kind = 'service' and not exists (select 1 from points_ledger l where l.service_record_id = r.id)`,
};

async function drift(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [name, q] of Object.entries(DRIFT)) {
    try {
      const rows = await sql(`${q} limit 5`);
      if (rows.length) out[name] = rows;
    } catch (e) {
      out[name] = [(e as Error).message];
    }
  }
  return out;
}

let fixture: {
  streets: number[]; communities: number[]; teams: number[]; people: string[]; newcomers: string[];
  pending: number[]; approved: number[];
};

beforeAll(async () => {
  const unit = async (level: string, parent: number, name: string) =>
    Number((await sql<{ id: string }>("insert into org_units (level, parent_id, name) values ($1, $2, $3) returning id", [level, parent, unique(name)]))[0].id);
  const sA = await unit("street", DISTRICT, "并发街道A");
  const sB = await unit("street", DISTRICT, "并发街道B");
  const cA1 = await unit("community", sA, "并发社区A1");
  const cA2 = await unit("community", sA, "并发社区A2");
  const cB1 = await unit("community", sB, "并发社区B1");
  const t1 = await unit("team", cA1, "并发队1");
  const t2 = await unit("team", cA1, "并发队2");
  const t3 = await unit("team", cA2, "并发队3");
  const homes = [cA1, cA2, cB1];
  const teams = [t1, t2, t3];
  const people: string[] = [];
  for (let i = 0; i < 30; i++) {
    const [v] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) values ($1, 'male', $2) returning id",
      [unique("并发"), homes[i % 3]]);
    await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [teams[i % 3], v.id]);
    people.push(v.id);
  }
  const newcomers: string[] = [];
  for (let i = 0; i < 20; i++) {
    const [v] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) values ($1, 'female', $2) returning id",
      [unique("新人"), cA2]);
    newcomers.push(v.id);
  }
  // Eight pending records a person on distinct days across 2021–2022 (12–14 h each, so approvals cross
  // the 100 h star), and two approved records, the first thirty of which will be reversed.
  const pending: number[] = [];
  const approved: number[] = [];
  for (let i = 0; i < people.length; i++) {
    const team = teams[i % 3];
    for (let k = 0; k < 10; k++) {
      const day = `${2021 + (k % 2)}-${String(1 + ((k * 5 + i) % 12)).padStart(2, "0")}-${String(1 + ((i + k) % 27)).padStart(2, "0")}`;
      const [a] = await sql<{ id: string }>("insert into service_activities (team_id, title, service_date) values ($1, '并发活动', $2) returning id", [team, day]);
      const status = k < 2 ? "approved" : "pending";
      const [r] = await sql<{ id: string }>(
        `insert into service_records (activity_id, volunteer_id, team_id, service_date, hours, status, reviewed_at)
         values ($1, $2, $3, $4, $5, $6::service_status, case when $6::text = 'approved' then now() end) returning id`,
        [a.id, people[i], team, day, 12 + (k % 3), status]);
      (status === "approved" ? approved : pending).push(Number(r.id));
    }
  }
  fixture = { streets: [sA, sB], communities: [cA1, cA2, cB1], teams, people, newcomers, pending, approved };
});

afterAll(async () => {
  await sql("update star_levels set min_hours = 100 where level = 1");
});

describe("derived figures under concurrency", () => {
  it("equal their re-derivation after approvals, reversals, roster changes, moves and threshold changes at once", async () => {
    const { streets: [sA, sB], communities: [cA1, cA2, cB1], teams: [t1, t2, t3], people, newcomers, pending, approved } = fixture;
    const admin = await userId("org@demo.local");
    const ops: Op[] = [
      ...pending.map((id) => ({ name: "approve", text: "update service_records set status = 'approved' where id = $1", params: [id] })),
      ...approved.slice(0, 30).map((id) => ({ name: "reverse", admin: true, text: "select reverse_service_record($1, '并发更正')", params: [id] })),
      ...newcomers.map((v) => ({ name: "roster add", text: "insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", params: [t3, v] })),
      ...people.filter((_, i) => i % 3 === 1).slice(0, 6).map((v) => ({
        name: "roster leave", text: "update team_memberships set left_on = '2026-11-01' where team_id = $1 and volunteer_id = $2 and left_on is null", params: [t2, v] })),
      ...Array.from({ length: 12 }, (_, i) => ({
        name: "team move", text: "update org_units set parent_id = case when parent_id = $2 then $3 else $2 end where id = $1",
        params: [i % 2 ? t1 : t2, cA1, cB1] })),
      ...Array.from({ length: 8 }, () => ({
        name: "community move", text: "update org_units set parent_id = case when parent_id = $2 then $3 else $2 end where id = $1", params: [cA2, sA, sB] })),
      ...people.slice(0, 12).map((v, i) => ({
        name: "home change", text: "update volunteers set home_community_id = $2 where id = $1", params: [v, [cB1, cA2, cA1][i % 3]] })),
      ...Array.from({ length: 6 }, (_, i) => ({
        name: "threshold", text: "update star_levels set min_hours = $1 where level = 1", params: [i % 2 ? 100 : 95] })),
    ];
    const failures = await runConcurrently(shuffle(ops), admin);
    await sql("update star_levels set min_hours = 100 where level = 1");
    expect(failures).toEqual([]);
    expect(await drift()).toEqual({});
  });

  it("the rebuild function re-derives exactly what the triggers keep", async () => {
    const c = await session();
    try {
      await c.query("begin");
      const snapshot = async () => {
        const r = await c.query(`select
          (select jsonb_agg(t order by volunteer_id) from (select volunteer_id, approved_hours, approved_records, star_level, last_service_on, home_community_id, home_street_id, counted from volunteer_service_totals) t) as totals,
          (select jsonb_agg(t order by team_id, month) from (select * from service_monthly_totals where hours <> 0 or records <> 0) t) as teams,
          (select jsonb_agg(t order by street_id, month) from (select * from service_monthly_street_totals where hours <> 0 or records <> 0) t) as streets,
          (select jsonb_agg(t order by community_id, month) from (select * from points_monthly_totals where issued <> 0 or redeemed <> 0) t) as points,
          (select count(*) from star_awards) as awards, (select count(*) from points_ledger) as ledger`);
        return r.rows[0];
      };
      const before = await snapshot();
      await c.query("select private.rebuild_service_effects()");
      const after = await snapshot();
      for (const k of Object.keys(before)) expect(after[k], k).toEqual(before[k]);
    } finally {
      await c.query("rollback");
      await c.end();
    }
  });

  it("a team and its community moved at once keep the street totals of every approval", async () => {
    // the review's case: approving while the team changes street; repeated, so that the interleavings vary
    const { communities: [cA1, , cB1], teams: [t1], people } = fixture;
    const v = people[0];
    const records: number[] = [];
    for (let k = 0; k < 24; k++) {
      const day = `2023-${String(1 + (k % 12)).padStart(2, "0")}-${String(1 + Math.floor(k / 12)).padStart(2, "0")}`;
      const [a] = await sql<{ id: string }>("insert into service_activities (team_id, title, service_date) values ($1, '搬迁活动', $2) returning id", [t1, day]);
      const [r] = await sql<{ id: string }>("insert into service_records (activity_id, volunteer_id, team_id, service_date, hours) values ($1, $2, $3, $4, 1) returning id",
        [a.id, v, t1, day]);
      records.push(Number(r.id));
    }
    const ops: Op[] = shuffle([
      ...records.map((id) => ({ name: "approve", text: "update service_records set status = 'approved' where id = $1", params: [id] })),
      ...Array.from({ length: 24 }, () => ({
        name: "team move", text: "update org_units set parent_id = case when parent_id = $2 then $3 else $2 end where id = $1", params: [t1, cA1, cB1] })),
    ], 11);
    expect(await runConcurrently(ops, await userId("org@demo.local"))).toEqual([]);
    expect(await drift()).toEqual({});
  });
});

describe("kept figures that the review found wrong", () => {
  it("twenty roster additions at the same moment count twenty active members", async () => {
    const [c] = await sql<{ community_id: string }>("select community_id from org_units where id = $1", [OWN_TEAM]);
    const [t] = await sql<{ id: string }>("insert into org_units (level, parent_id, name) values ('team', $1, $2) returning id", [c.community_id, unique("名册队")]);
    const people: string[] = [];
    for (let i = 0; i < 20; i++) {
      people.push((await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) values ($1, 'male', $2) returning id", [unique("名册"), c.community_id]))[0].id);
    }
    const clients = await Promise.all(people.map(() => session()));
    try {
      await Promise.all(clients.map((s) => s.query("begin")));
      await Promise.all(clients.map(async (s, i) => {
        await s.query("insert into team_memberships (team_id, volunteer_id) values ($1, $2)", [t.id, people[i]]);
        await s.query("commit");
      }));
    } finally {
      await Promise.all(clients.map((s) => s.end()));
    }
    const [u] = await sql<{ active_member_count: number }>("select active_member_count from org_units where id = $1", [t.id]);
    expect(u.active_member_count).toBe(20);
  });

  it("lowering a star threshold queues the people who now reach it", async () => {
    const { teams: [t1] } = fixture;
    // a fresh person just under one star: 97 h
    const [p] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) select $1, 'female', community_id from org_units where id = $2 returning id", [unique("门槛"), t1]);
    await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [t1, p.id]);
    for (const [day, hours] of [["2020-02-03", 24], ["2020-02-04", 24], ["2020-02-05", 24], ["2020-02-06", 24], ["2020-02-07", 1]] as const) {
      const [a] = await sql<{ id: string }>("insert into service_activities (team_id, title, service_date) values ($1, '门槛', $2) returning id", [t1, day]);
      await sql("insert into service_records (activity_id, volunteer_id, team_id, service_date, hours, status, reviewed_at) values ($1, $2, $3, $4, $5, 'approved', now())",
        [a.id, p.id, t1, day, hours]);
    }
    expect(Number((await sql<{ n: string }>("select count(*) n from star_awards where volunteer_id = $1", [p.id]))[0].n)).toBe(0);
    try {
      await sql("update star_levels set min_hours = 96.5 where level = 1");
      const awards = await sql<{ level: number; status: string }>("select level, status from star_awards where volunteer_id = $1", [p.id]);
      expect(awards).toEqual([{ level: 1, status: "queued" }]);
    } finally {
      await sql("update star_levels set min_hours = 100 where level = 1");
    }
  });
});

describe("residents and past points", () => {
  it("moving a community to another street moves its residents' street in the person and the totals", async () => {
    const unit = async (level: string, parent: number) =>
      Number((await sql<{ id: string }>("insert into org_units (level, parent_id, name) values ($1, $2, $3) returning id", [level, parent, unique("迁移")]))[0].id);
    const from = await unit("street", DISTRICT);
    const to = await unit("street", DISTRICT);
    const community = await unit("community", from);
    const people = await Promise.all(Array.from({ length: 3 }, async () =>
      (await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) values ($1, 'male', $2) returning id", [unique("居民"), community]))[0].id));
    await sql("update org_units set parent_id = $2 where id = $1", [community, to]);
    const rows = await sql<{ v: string; t: string }>(
      "select v.home_street_id as v, t.home_street_id as t from volunteers v join volunteer_service_totals t on t.volunteer_id = v.id where v.id = any($1::uuid[])", [people]);
    expect(rows).toEqual(people.map(() => ({ v: String(to), t: String(to) })));
  });

  it("points stay with the community that earned them, for the triggers and the rebuild alike", async () => {
    const { communities: [cA1, , cB1], teams: [t1] } = fixture;
    const [p] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) values ($1, 'female', $2) returning id", [unique("搬家"), cA1]);
    await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [t1, p.id]);
    const [a] = await sql<{ id: string }>("insert into service_activities (team_id, title, service_date) values ($1, '搬家前', '2020-05-05') returning id", [t1]);
    await sql("insert into service_records (activity_id, volunteer_id, team_id, service_date, hours, status, reviewed_at) values ($1, $2, $3, '2020-05-05', 3, 'approved', now())",
      [a.id, p.id, t1]);
    await sql("update volunteers set home_community_id = $2 where id = $1", [p.id, cB1]);
    const entries = await sql<{ community_id: string }>("select community_id from points_ledger where volunteer_id = $1", [p.id]);
    expect(entries).toEqual([{ community_id: String(cA1) }]);
    expect(await drift()).toEqual({});
    await sql("select private.rebuild_service_effects()");
    expect(await drift()).toEqual({});
  });
});

describe("record_service under bursts", () => {
  it("overlapping members in any order never deadlock: every call is recorded", async () => {
    const leader = await userId("leader@demo.local");
    const members: string[] = [];
    for (let i = 0; i < 60; i++) {
      const [v] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) select $1, 'male', community_id from org_units where id = $2 returning id",
        [unique("突发"), OWN_TEAM]);
      await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [OWN_TEAM, v.id]);
      members.push(v.id);
    }
    const clients = await Promise.all(Array.from({ length: 24 }, () => session(leader)));
    const errors: string[] = [];
    try {
      await Promise.all(clients.map(async (c, i) => {
        for (let round = 0; round < 4; round++) {
          const people = shuffle(members, i * 31 + round + 1).slice(0, 40);
          try {
            await c.query("select record_service($1::bigint, ('2024-03-0' || $2)::date, '突发记录', 0.25, $3::uuid[])", [OWN_TEAM, String(1 + (round % 4)), people]);
          } catch (e) {
            errors.push(`${(e as { code?: string }).code} ${(e as Error).message}`);
          }
        }
      }));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    expect(errors).toEqual([]);
    expect(Number((await sql<{ n: string }>("select count(*) n from service_records where volunteer_id = any($1::uuid[])", [members]))[0].n)).toBe(24 * 4 * 40);
  });

  it("a deadlock with another transaction is retried inside the call, which then succeeds", async () => {
    const leader = await userId("leader@demo.local");
    const people: string[] = [];
    for (let i = 0; i < 2; i++) {
      const [v] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) select $1, 'male', community_id from org_units where id = $2 returning id",
        [unique("死锁"), OWN_TEAM]);
      await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [OWN_TEAM, v.id]);
      people.push(v.id);
    }
    const day = "2024-05-05";
    const keys = await sql<{ v: string; k: string }>("select v, private.person_day_lock_key(v, $2)::text as k from unnest($1::uuid[]) v order by 2", [people, day]);
    const [first, second] = keys.map((r) => r.k);
    const other = await session();
    const caller = await session(leader);
    try {
      // another transaction holds the second person-day; record_service takes the first and waits for it;
      // then the other transaction asks for the first: a cycle, which PostgreSQL breaks in record_service
      await other.query("begin");
      await other.query("select pg_advisory_xact_lock($1::bigint)", [second]);
      const call = caller.query("select record_service($1::bigint, $2::date, '死锁重试', 1, $3::uuid[]) as id", [OWN_TEAM, day, people]);
      await new Promise((r) => setTimeout(r, 300));
      await other.query("select pg_advisory_xact_lock($1::bigint)", [first]);
      await other.query("commit");
      const { rows } = await call;
      expect(Number(rows[0].id)).toBeGreaterThan(0);
    } finally {
      await other.end();
      await caller.end();
    }
    expect(Number((await sql<{ n: string }>("select count(*) n from service_records where volunteer_id = any($1::uuid[])", [people]))[0].n)).toBe(2);
  });
});
