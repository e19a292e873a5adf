// Idempotent writes: a retry after a lost answer sends the same request key and must not record,
// redeem, reverse or enrol twice; it gets the first call's result. Keys belong to the caller and
// cannot be read or written through the API.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  approvedHours, as, balanceOf, newMember, OWN_COMMUNITY, OWN_TEAM, pastDay, sql, unique,
} from "./helpers";

async function count(text: string, params: unknown[]): Promise<number> {
  return Number((await sql<{ n: string }>(`select count(*) n from (${text}) q`, params))[0].n);
}

describe("a request key makes a retried write happen once", () => {
  it("record_service twice with one key: one activity, one record per member, the same id", async () => {
    const people = [await newMember(OWN_TEAM), await newMember(OWN_TEAM)];
    const key = randomUUID();
    const sb = await as("leader");
    const args = { p_team_id: OWN_TEAM, p_service_date: pastDay(), p_title: "幂等", p_hours: 2, p_volunteer_ids: people, p_request_key: key };
    const first = await sb.rpc("record_service", args);
    const again = await sb.rpc("record_service", args);
    expect(first.error).toBeNull();
    expect(again.error).toBeNull();
    expect(again.data).toBe(first.data);
    expect(await count("select 1 from service_records where volunteer_id = any($1::uuid[])", [people])).toBe(2);
    // a new key is a new activity
    const other = await sb.rpc("record_service", { ...args, p_request_key: randomUUID() });
    expect(other.data).not.toBe(first.data);
  });

  it("the same key sent twice at the same moment still records once", async () => {
    const v = await newMember(OWN_TEAM);
    const key = randomUUID();
    const sb = await as("leader");
    const args = { p_team_id: OWN_TEAM, p_service_date: pastDay(), p_title: "并发幂等", p_hours: 1, p_volunteer_ids: [v], p_request_key: key };
    const results = await Promise.all(Array.from({ length: 6 }, () => sb.rpc("record_service", args)));
    expect(results.map((r) => r.error)).toEqual(Array(6).fill(null));
    expect(new Set(results.map((r) => r.data)).size).toBe(1);
    expect(await count("select 1 from service_records where volunteer_id = $1", [v])).toBe(1);
  });

  it("redeem_reward and reverse_redemption twice with one key: one ledger entry each, the same ids", async () => {
    const v = await newMember(OWN_TEAM);
    await approvedHours(v, OWN_TEAM, [5, 5]);
    const [reward] = await sql<{ id: string }>(
      "insert into rewards (category, name, points_cost, stock) values ('daily_goods', $1, 30, 5) returning id", [unique("幂等礼品")]);
    const sb = await as("leader");
    const redeem = { p_volunteer_id: v, p_reward_id: Number(reward.id), p_quantity: 1, p_request_key: randomUUID() };
    const a = await sb.rpc("redeem_reward", redeem);
    const b = await sb.rpc("redeem_reward", redeem);
    expect(a.error).toBeNull();
    expect(b.data).toBe(a.data);
    expect(await balanceOf(v)).toBe(70);
    const undo = { p_entry_id: a.data, p_reason: "误操作", p_request_key: randomUUID() };
    const c = await sb.rpc("reverse_redemption", undo);
    const d = await sb.rpc("reverse_redemption", undo);
    expect(c.error).toBeNull();
    expect(d.error).toBeNull();
    expect(d.data).toBe(c.data);
    expect(await balanceOf(v)).toBe(100);
    expect(await count("select 1 from points_ledger where volunteer_id = $1 and reward_id is not null", [v])).toBe(2);
  });

  it("reverse_service_record twice with one key returns the first reversal instead of an error", async () => {
    const v = await newMember(OWN_TEAM);
    const [id] = await approvedHours(v, OWN_TEAM, [3]);
    const sb = await as("street");
    const args = { p_record_id: id, p_reason: "重复登记", p_request_key: randomUUID() };
    const first = await sb.rpc("reverse_service_record", args);
    const again = await sb.rpc("reverse_service_record", args);
    expect(first.error).toBeNull();
    expect(again.error).toBeNull();
    expect(again.data).toBe(first.data);
    expect(await count("select 1 from service_records where reverses_id = $1", [id])).toBe(1);
  });

  it("enrol_new_volunteer twice with one key: one person, one membership, the same id", async () => {
    const sb = await as("leader");
    const name = unique("幂等新人");
    const args = {
      p_team_id: OWN_TEAM, p_volunteer: { name, gender: "female", home_community_id: OWN_COMMUNITY }, p_phone: "13812345678",
      p_request_key: randomUUID(),
    };
    const first = await sb.rpc("enrol_new_volunteer", args);
    const again = await sb.rpc("enrol_new_volunteer", args);
    expect(first.error).toBeNull();
    expect(again.data).toBe(first.data);
    expect(await count("select 1 from volunteers where name = $1", [name])).toBe(1);
    expect(await count("select 1 from team_memberships where volunteer_id = $1", [first.data])).toBe(1);
  });

  it("a key is the caller's own: another user's identical key is a separate request", async () => {
    const v = await newMember(OWN_TEAM);
    const key = randomUUID();
    const day = pastDay();
    const base = { p_team_id: OWN_TEAM, p_service_date: day, p_title: "各自", p_hours: 1, p_volunteer_ids: [v], p_request_key: key };
    const mine = await (await as("leader")).rpc("record_service", base);
    const theirs = await (await as("street")).rpc("record_service", base);
    expect(mine.error).toBeNull();
    expect(theirs.error).toBeNull();
    expect(theirs.data).not.toBe(mine.data);
  });

  it("a key used for one action is refused for another", async () => {
    const v = await newMember(OWN_TEAM);
    const key = randomUUID();
    const sb = await as("leader");
    expect((await sb.rpc("record_service", { p_team_id: OWN_TEAM, p_service_date: pastDay(), p_title: "一", p_hours: 1, p_volunteer_ids: [v], p_request_key: key })).error).toBeNull();
    const { error } = await sb.rpc("enrol_new_volunteer", {
      p_team_id: OWN_TEAM, p_volunteer: { name: unique("错键"), gender: "male", home_community_id: OWN_COMMUNITY }, p_request_key: key });
    expect(error?.hint).toBe("request_key_reused");
  });

  it("nobody reads or writes the stored keys through the API; calls without a key still work", async () => {
    for (const actor of ["anon", "leader", "org"] as const) {
      const sb = await as(actor);
      const { error } = await sb.schema("private" as never).from("request_keys").select("*");
      expect(error, actor).not.toBeNull();
    }
    const grants = await sql("select grantee, privilege_type from information_schema.role_table_grants where table_schema = 'private' and table_name = 'request_keys' and grantee in ('anon', 'authenticated', 'service_role')");
    expect(grants).toEqual([]);
    const v = await newMember(OWN_TEAM);
    const { error } = await (await as("leader")).rpc("record_service", { p_team_id: OWN_TEAM, p_service_date: pastDay(), p_title: "无键", p_hours: 1, p_volunteer_ids: [v] });
    expect(error).toBeNull();
  });
});

describe("one district day (Asia/Shanghai)", () => {
  it("at 20:00 UTC on 29 November the district already lives the 30th", async () => {
    const [r] = await sql<{ d: string }>("select private.district_day('2026-11-29 20:00:00+00')::text as d");
    expect(r.d).toBe("2026-11-30");
    const [m] = await sql<{ d: string }>("select private.district_day('2026-11-29 15:59:59+00')::text as d");
    expect(m.d).toBe("2026-11-29");
  });

  it("every date default and every function asks the one district day, never the server's current_date", async () => {
    const defaults = await sql<{ col: string; def: string }>(`
      select c.relname || '.' || a.attname as col, pg_get_expr(d.adbin, d.adrelid) as def
        from pg_attrdef d join pg_class c on c.oid = d.adrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
       where n.nspname = 'public' and format_type(a.atttypid, a.atttypmod) = 'date'`);
    expect(defaults.length).toBeGreaterThan(0);
    for (const d of defaults) expect(d.def, d.col).toBe("private.district_today()");
    const bodies = await sql<{ fn: string }>(`
      select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private')
         and (p.prosrc ilike '%current_date%' or p.prosrc ilike '%localtimestamp%'
              or (p.prosrc ilike '%Asia/Shanghai%' and p.proname <> 'district_day')
              or pg_get_function_arguments(p.oid) ilike '%current_date%')`);
    expect(bodies).toEqual([]);
    const [t] = await sql<{ same: boolean }>("select private.district_today() = private.district_day(now()) as same");
    expect(t.same).toBe(true);
  });

  it("a roster addition without a date joins on the district's today", async () => {
    const v = await newMember(OWN_TEAM);
    const [c] = await sql<{ community_id: string }>("select community_id from org_units where id = $1", [OWN_TEAM]);
    const [team] = await sql<{ id: string }>("insert into org_units (level, parent_id, name) values ('team', $1, $2) returning id", [c.community_id, unique("今日队")]);
    const [m] = await sql<{ ok: boolean }>(
      "insert into team_memberships (team_id, volunteer_id) values ($1, $2) returning joined_on = (now() at time zone 'Asia/Shanghai')::date as ok", [team.id, v]);
    expect(m.ok).toBe(true);
  });
});
