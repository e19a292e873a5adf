// The attacker's side: widening one's own scope, forging who did what, choosing ids. Each attempt is
// made through supabase-js as the demo role would make it, must be refused, and must leave the database
// (and the attacker's reach) as it was. Where a trigger is the second layer behind the column grants,
// the same write is also tried as direct SQL, which has every privilege.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import {
  activeMember, as, count, DISTRICT, OTHER_COMMUNITY_SAME_STREET, OTHER_STREET, OTHER_TEAM_SAME_STREET, OUTSIDE_COMMUNITY,
  OUTSIDE_TEAM, OWN_COMMUNITY, OWN_STREET, OWN_TEAM, sql, unique, volunteerOnlyIn,
} from "./helpers";

const ORG_USER = "00000000-0000-4000-8000-000000000001";
const STREET_USER = "00000000-0000-4000-8000-000000000002";
const LEADER_USER = "00000000-0000-4000-8000-000000000003";

async function unit(id: number | string) {
  const [u] = await sql<{ path: string; district_id: string; street_id: string | null; community_id: string | null; parent_id: string | null; active_member_count: number }>(
    "select path::text, district_id, street_id, community_id, parent_id, active_member_count from org_units where id = $1", [id]);
  return u;
}

async function newTeam(parent: number): Promise<string> {
  return (await sql<{ id: string }>("insert into org_units (parent_id, level, name) values ($1, 'team', $2) returning id", [parent, unique("范围队")]))[0].id;
}

/** How many phone numbers the street admin can read: its reach over personal data. */
async function streetReach(): Promise<number> {
  const { count: n } = await (await as("street")).from("volunteer_contacts").select("volunteer_id", { count: "exact", head: true });
  return n ?? 0;
}

describe("the organisation tree cannot be rewritten to widen a scope", () => {
  it("a street admin cannot rewrite path, ancestor ids or the member count of a unit, even its own street", async () => {
    const team = await newTeam(OWN_COMMUNITY);
    const reach = await streetReach();
    const sb = await as("street");
    for (const [id, values] of [
      [OWN_STREET, { path: "1" }],
      [OWN_STREET, { district_id: OTHER_STREET }],
      [team, { path: `1.${OTHER_STREET}` }],
      [team, { street_id: OTHER_STREET }],
      [team, { community_id: OUTSIDE_COMMUNITY }],
      [team, { district_id: OWN_STREET }],
      [team, { active_member_count: 500 }],
      [team, { level: "community" }],
    ] as [number | string, Record<string, unknown>][]) {
      const before = await unit(id);
      const { error } = await sb.from("org_units").update(values).eq("id", id).select();
      expect(error?.code, JSON.stringify(values)).toBe("42501");
      expect(await unit(id)).toEqual(before);
    }
    expect(await streetReach()).toBe(reach);
    const { data: scope } = await sb.rpc("my_scope");
    expect(scope).toEqual([expect.objectContaining({ role: "street_admin", org_unit_id: OWN_STREET })]);
  });

  it("the tree's derived columns follow the parent whatever writes them (direct SQL included)", async () => {
    const team = await newTeam(OWN_COMMUNITY);
    await sql("update org_units set path = $2, street_id = $3, community_id = $4, district_id = $5 where id = $1",
      [team, `1.${OTHER_STREET}.${OUTSIDE_COMMUNITY}.${team}`, OTHER_STREET, OUTSIDE_COMMUNITY, OWN_STREET]);
    expect(await unit(team)).toMatchObject({ path: `${DISTRICT}.${OWN_STREET}.${OWN_COMMUNITY}.${team}`, street_id: String(OWN_STREET), community_id: String(OWN_COMMUNITY), district_id: String(DISTRICT) });
    await sql("update org_units set path = '1' where id = $1", [OWN_STREET]);
    expect((await unit(OWN_STREET)).path).toBe(`${DISTRICT}.${OWN_STREET}`);
  });

  it("a street admin cannot move a team to another street through any column", async () => {
    const team = await newTeam(OWN_COMMUNITY);
    const sb = await as("street");
    expect((await sb.from("org_units").update({ parent_id: OUTSIDE_COMMUNITY }).eq("id", team).select()).error?.code).toBe("42501");
    expect((await sb.from("org_units").update({ street_id: OTHER_STREET, community_id: OUTSIDE_COMMUNITY }).eq("id", team).select()).error?.code).toBe("42501");
    expect((await unit(team)).street_id).toBe(String(OWN_STREET));
  });

  it("ids are never chosen by the client: refused through the API, and a generated-always identity in SQL", async () => {
    const sb = await as("org");
    const [{ next }] = await sql<{ next: string }>("select max(id) + 1 as next from org_units");
    const { error } = await sb.from("org_units").insert({ id: Number(next), parent_id: OWN_COMMUNITY, level: "team", name: unique("选号") }).select();
    expect(["428C9", "42501"]).toContain(error?.code); // generated always (checked first), and no privilege on id
    expect(await count("select 1 from org_units where id = $1", [next])).toBe(0);
    await expect(sql("insert into org_units (id, parent_id, level, name) values ($1, $2, 'team', $3)", [next, OWN_COMMUNITY, unique("选号")]))
      .rejects.toThrow(/non-DEFAULT value into column "id"|generated always/i);
    // an ordinary insert right after still gets a fresh id (no duplicate key)
    const ok = await sb.from("org_units").insert({ parent_id: OWN_COMMUNITY, level: "team", name: unique("正常") }).select("id").single();
    expect(ok.error).toBeNull();
    const [{ n }] = await sql<{ n: string }>(
      `select count(*) as n from information_schema.columns
        where table_schema = 'public' and is_identity = 'YES' and identity_generation <> 'ALWAYS'`);
    expect(Number(n), "identity columns generated by default").toBe(0);
  });
});

describe("grants cannot be widened or handed on", () => {
  it("a street admin cannot grant org_admin, nor any role over a unit outside its street", async () => {
    const sb = await as("street");
    const email = `${unique("wide")}@example.org`;
    for (const row of [
      { email, role: "org_admin", org_unit_id: DISTRICT },
      { email, role: "finance", org_unit_id: DISTRICT },
      { email, role: "street_admin", org_unit_id: OTHER_STREET },
      { email, role: "team_leader", org_unit_id: OUTSIDE_TEAM },
      { email: "street@demo.local", role: "org_admin", org_unit_id: DISTRICT },
    ]) {
      expect((await sb.from("role_grants").insert(row).select()).error?.code, JSON.stringify(row)).toBe("42501");
    }
    expect(await count("select 1 from role_grants where email = $1", [email])).toBe(0);
    expect(await count("select 1 from role_grants where email = 'street@demo.local' and role = 'org_admin'")).toBe(0);
  });

  it("a grant cannot be re-pointed to another account, through the API or in SQL", async () => {
    const email = `${unique("owner")}@example.org`;
    const [owner] = await sql<{ id: string }>(
      `insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data, created_at, updated_at)
       values (gen_random_uuid(), $1, now(), '{}', now(), now()) returning id`, [email]);
    const [grant] = await sql<{ id: string; user_id: string }>(
      "insert into role_grants (email, role, org_unit_id) values ($1, 'team_leader', $2) returning id, user_id", [email, OTHER_TEAM_SAME_STREET]);
    expect(grant.user_id).toBe(owner.id);
    for (const actor of ["street", "org", "leader"] as const) {
      const { error } = await (await as(actor)).from("role_grants").update({ user_id: STREET_USER }).eq("id", grant.id).select();
      expect(error?.code, actor).toBe("42501");
    }
    await expect(sql("update role_grants set user_id = $2 where id = $1", [grant.id, STREET_USER])).rejects.toThrow(/handed to another account/);
    await expect(sql("update role_grants set user_id = null where id = $1", [grant.id])).rejects.toThrow(/handed to another account/);
    expect((await sql<{ user_id: string }>("select user_id from role_grants where id = $1", [grant.id]))[0].user_id).toBe(owner.id);
  });

  it("a forged granter, grant time or revoker is refused; revoking records the caller and the time", async () => {
    const sb = await as("street");
    const email = `${unique("forge")}@example.org`;
    for (const forged of [{ granted_by: ORG_USER }, { granted_at: "2000-01-01T00:00:00Z" }, { user_id: STREET_USER }, { revoked_by: ORG_USER }]) {
      expect((await sb.from("role_grants").insert({ email, role: "team_leader", org_unit_id: OWN_TEAM, ...forged }).select()).error?.code).toBe("42501");
    }
    const { data: g } = await sb.from("role_grants").insert({ email, role: "team_leader", org_unit_id: OWN_TEAM }).select("id, granted_by").single();
    expect(g!.granted_by).toBe(STREET_USER);
    const { data: r } = await sb.from("role_grants").update({ revoked_at: "2000-01-01T00:00:00Z" }).eq("id", g!.id).select("revoked_at, revoked_by").single();
    expect(r!.revoked_by).toBe(STREET_USER);
    expect(new Date(r!.revoked_at as string).getFullYear()).toBeGreaterThan(2020);
  });
});

describe("a leader's volunteers stay in the team's street", () => {
  const person = (home: number) => ({ name: unique("外"), gender: "male", birth_year: 1950, home_community_id: home });

  it("a leader cannot create a volunteer living in another street, directly or by enrolment", async () => {
    const sb = await as("leader");
    const direct = person(OUTSIDE_COMMUNITY);
    expect((await sb.from("volunteers").insert(direct).select()).error?.code).toBe("42501");
    const enrolled = person(OUTSIDE_COMMUNITY);
    const { error } = await sb.rpc("enrol_new_volunteer", { p_team_id: OWN_TEAM, p_volunteer: enrolled });
    expect(error?.code).toBe("42501");
    expect(await count("select 1 from volunteers where name = any($1)", [[direct.name, enrolled.name]])).toBe(0);
  });

  it("a leader enrols people living anywhere in the team's street (the team's street is the leader's home scope)", async () => {
    const sb = await as("leader");
    const p = person(OTHER_COMMUNITY_SAME_STREET);
    const { data: id, error } = await sb.rpc("enrol_new_volunteer", { p_team_id: OWN_TEAM, p_volunteer: p });
    expect(error).toBeNull();
    const [v] = await sql<{ created_by: string; home_street_id: string }>("select created_by, home_street_id from volunteers where id = $1", [id]);
    expect(v).toEqual({ created_by: LEADER_USER, home_street_id: String(OWN_STREET) });
  });

  it("a leader cannot move a member's home to another street; inside the street it can", async () => {
    const member = await activeMember(OWN_TEAM);
    const sb = await as("leader");
    const [before] = await sql<{ home_community_id: string }>("select home_community_id from volunteers where id = $1", [member.volunteer_id]);
    const moved = await sb.from("volunteers").update({ home_community_id: OUTSIDE_COMMUNITY }).eq("id", member.volunteer_id).select();
    expect(moved.error?.code).toBe("42501");
    expect(moved.error?.hint).toBe("volunteers_home_scope");
    expect((await sql<{ home_community_id: string }>("select home_community_id from volunteers where id = $1", [member.volunteer_id]))[0]).toEqual(before);
    const inside = await sb.from("volunteers").update({ home_community_id: OTHER_COMMUNITY_SAME_STREET }).eq("id", member.volunteer_id).select("home_street_id");
    expect(inside.error).toBeNull();
    expect(inside.data).toEqual([{ home_street_id: OWN_STREET }]);
    await sql("update volunteers set home_community_id = $2 where id = $1", [member.volunteer_id, before.home_community_id]);
  });
});

describe("admins move homes only inside their own scope", () => {
  it("a street admin cannot push a person of its roster out to another street", async () => {
    const [v] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) values ($1, 'female', $2) returning id", [unique("推"), OWN_COMMUNITY]);
    await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [OTHER_TEAM_SAME_STREET, v.id]);
    const { error } = await (await as("street")).from("volunteers").update({ home_community_id: OUTSIDE_COMMUNITY }).eq("id", v.id).select();
    expect(error?.code).toBe("42501");
    expect((await sql<{ home_street_id: string }>("select home_street_id from volunteers where id = $1", [v.id]))[0].home_street_id).toBe(String(OWN_STREET));
  });

  it("a street admin cannot pull a person living in another street into its own (they serve on its roster)", async () => {
    const [v] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) values ($1, 'female', $2) returning id", [unique("拉"), OUTSIDE_COMMUNITY]);
    await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [OTHER_TEAM_SAME_STREET, v.id]);
    const sb = await as("street");
    const { error } = await sb.from("volunteers").update({ home_community_id: OWN_COMMUNITY }).eq("id", v.id).select();
    expect(error?.code).toBe("42501");
    expect((await sql<{ home_street_id: string }>("select home_street_id from volunteers where id = $1", [v.id]))[0].home_street_id).toBe(String(OTHER_STREET));
    // details of a person on its roster stay editable
    expect((await sb.from("volunteers").update({ note: "街道备注" }).eq("id", v.id).select()).data).toHaveLength(1);
  });

  it("the organisation department moves a home between streets", async () => {
    const v = await volunteerOnlyIn(OTHER_STREET, OWN_STREET);
    const [before] = await sql<{ home_community_id: string }>("select home_community_id from volunteers where id = $1", [v]);
    const { data, error } = await (await as("org")).from("volunteers").update({ home_community_id: OWN_COMMUNITY }).eq("id", v).select("home_street_id");
    expect(error).toBeNull();
    expect(data).toEqual([{ home_street_id: OWN_STREET }]);
    await sql("update volunteers set home_community_id = $2 where id = $1", [v, before.home_community_id]);
  });
});

describe("creators and recorders are never client-chosen", () => {
  it("forged created_by / recorded_by / granted_by on insert are refused; the caller is recorded instead", async () => {
    const leader = await as("leader");
    const street = await as("street");
    const forged = [
      [leader, "volunteers", { name: unique("伪"), gender: "male", home_community_id: OWN_COMMUNITY, created_by: ORG_USER }],
      [street, "team_memberships", { team_id: OWN_TEAM, volunteer_id: (await activeMember(OTHER_TEAM_SAME_STREET)).volunteer_id, created_by: ORG_USER }],
      [leader, "service_activities", { team_id: OWN_TEAM, title: unique("伪"), service_date: "2021-06-01", recorded_by: ORG_USER }],
      [street, "rating_rounds", { name: unique("伪轮"), year: 2031, org_unit_id: OWN_STREET, created_by: ORG_USER }],
      [street, "role_grants", { email: `${unique("f")}@example.org`, role: "team_leader", org_unit_id: OWN_TEAM, granted_by: ORG_USER }],
    ] as const;
    for (const [sb, table, row] of forged) {
      const { error } = await sb.from(table).insert(row as Record<string, unknown>).select();
      expect(error?.code, table).toBe("42501");
    }
    expect(await count("select 1 from rating_rounds where created_by = $1 and year = 2031", [ORG_USER])).toBe(0);
    const name = unique("轮");
    const { error } = await street.from("rating_rounds").insert({ name, year: 2031, org_unit_id: OWN_STREET }).select();
    expect(error).toBeNull();
    expect((await sql<{ created_by: string }>("select created_by from rating_rounds where name = $1", [name]))[0].created_by).toBe(STREET_USER);
  });

  it("the creator of a row stays whoever created it, even for direct SQL updates", async () => {
    const [v] = await sql<{ id: string; created_by: string | null }>("insert into volunteers (name, gender, home_community_id, created_by) values ($1, 'male', $2, $3) returning id, created_by", [unique("原"), OWN_COMMUNITY, STREET_USER]);
    await sql("update volunteers set created_by = $2, created_at = '2000-01-01' where id = $1", [v.id, ORG_USER]);
    const [after] = await sql<{ created_by: string; y: number }>("select created_by, extract(year from created_at)::int as y from volunteers where id = $1", [v.id]);
    expect(after.created_by).toBe(STREET_USER);
    expect(after.y).toBeGreaterThan(2020);
  });
});

describe("reference data keeps its scope", () => {
  it("a street admin cannot move a role model to another street, nor file it under a community", async () => {
    const [rm] = await sql<{ id: string }>("insert into role_models (name, title, street_id) values ('测试', $1, $2) returning id", [unique("称号"), OWN_STREET]);
    const sb = await as("street");
    expect((await sb.from("role_models").update({ street_id: OTHER_STREET }).eq("id", rm.id).select()).error?.code).toBe("42501");
    const community = await sb.from("role_models").update({ street_id: OWN_COMMUNITY }).eq("id", rm.id).select();
    expect(community.error?.hint).toBe("role_models_street");
    expect((await sql<{ street_id: string }>("select street_id from role_models where id = $1", [rm.id]))[0].street_id).toBe(String(OWN_STREET));
    // the organisation department may move it
    expect((await (await as("org")).from("role_models").update({ street_id: OTHER_STREET }).eq("id", rm.id).select()).error).toBeNull();
  });

  it("a project's unit and level are fixed after creation, and a street admin cannot file a district project", async () => {
    const sb = await as("street");
    const bad = await sb.from("projects").insert({ name: unique("冒充区级"), level: "district", org_unit_id: OWN_STREET }).select();
    expect(bad.error?.hint).toBe("projects_level_unit");
    const { data: p } = await sb.from("projects").insert({ name: unique("街道项目"), level: "street", org_unit_id: OWN_STREET }).select("id").single();
    for (const values of [{ org_unit_id: OWN_COMMUNITY }, { org_unit_id: DISTRICT }, { level: "district" }]) {
      expect((await sb.from("projects").update(values).eq("id", p!.id).select()).error?.code, JSON.stringify(values)).toBe("42501");
    }
    expect((await sql<{ org_unit_id: string; level: string }>("select org_unit_id, level from projects where id = $1", [p!.id]))[0])
      .toEqual({ org_unit_id: String(OWN_STREET), level: "street" });
  });

  it("a rating round keeps its organisation", async () => {
    const sb = await as("street");
    const { data: r } = await sb.from("rating_rounds").insert({ name: unique("轮次"), year: 2030, org_unit_id: OWN_STREET }).select("id").single();
    expect((await sb.from("rating_rounds").update({ org_unit_id: OWN_COMMUNITY }).eq("id", r!.id).select()).error?.code).toBe("42501");
  });

  it("a points rule in force is not rewritten (past passbook entries keep their explanation)", async () => {
    const org = await as("org");
    const [rule] = await sql<{ id: string; points_per_hour: string }>("select id, points_per_hour from points_rules where effective_from <= current_date order by effective_from limit 1");
    const { error } = await org.from("points_rules").update({ points_per_hour: 100 }).eq("id", rule.id).select();
    expect(error?.hint).toBe("points_rule_in_force");
    expect((await sql<{ points_per_hour: string }>("select points_per_hour from points_rules where id = $1", [rule.id]))[0]).toEqual({ points_per_hour: rule.points_per_hour });
  });

  it("a user's profile email is not theirs to change (it mirrors the sign-in address)", async () => {
    const sb = await as("leader");
    expect((await sb.from("staff_profiles").update({ email: "org@demo.local" }).eq("user_id", LEADER_USER).select()).error?.code).toBe("42501");
    expect((await sql<{ email: string }>("select email from staff_profiles where user_id = $1", [LEADER_USER]))[0].email).toBe("leader@demo.local");
  });
});

describe("anon reaches no function", () => {
  it("every RPC of the app is refused before it runs when not signed in", async () => {
    const anon = await as("anon");
    for (const [fn, args] of [
      ["my_scope", {}],
      ["enrol_new_volunteer", { p_team_id: OWN_TEAM, p_volunteer: { name: "匿名", gender: "male", home_community_id: OWN_COMMUNITY } }],
      ["record_service", { p_team_id: OWN_TEAM, p_service_date: "2021-01-01", p_title: "x", p_hours: 1, p_volunteer_ids: [] }],
      ["adjust_reward_stock", { p_reward_id: 1, p_delta: 100 }],
      ["redeem_reward", { p_volunteer_id: ORG_USER, p_reward_id: 1 }],
      ["dashboard_kpis", { p_from: "2025-01-01", p_to: "2025-12-31" }],
      ["star_level_for", { p_hours: 100 }],
    ] as [string, Record<string, unknown>][]) {
      const { error } = await anon.rpc(fn, args);
      expect(error?.code, fn).toBe("42501");
      expect(error?.message, fn).toMatch(/permission denied for function/);
    }
    expect(await count("select 1 from volunteers where name = '匿名'")).toBe(0);
  });
});

/** Runs one statement as PostgREST would (role authenticated, the caller's JWT claims) after granting
 *  something that must never be granted, and rolls it all back: the triggers are the second layer. */
async function withMistakenGrant<T extends pg.QueryResultRow>(grant: string, sub: string, text: string, params: unknown[]): Promise<T[]> {
  const c = new pg.Client({ connectionString: inject("dbUrl") });
  c.on("error", () => undefined);
  await c.connect();
  try {
    await c.query("begin");
    await c.query(grant);
    await c.query("set local role authenticated");
    await c.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub, role: "authenticated" })]);
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.query("rollback").catch(() => undefined);
    await c.end();
  }
}

describe("defence in depth: a mistaken grant still cannot widen a scope or forge a creator", () => {
  it("path, ancestor ids and the member count are re-derived even when the columns were granted", async () => {
    const team = await newTeam(OWN_COMMUNITY);
    const [row] = await withMistakenGrant<{ path: string; street_id: string; community_id: string; active_member_count: number }>(
      "grant update (path, street_id, community_id, district_id, active_member_count) on public.org_units to authenticated", STREET_USER,
      "update public.org_units set path = '1', street_id = $2, community_id = $3, active_member_count = 999 where id = $1 returning path::text, street_id, community_id, active_member_count",
      [team, OTHER_STREET, OUTSIDE_COMMUNITY]);
    expect(row).toEqual({ path: `${DISTRICT}.${OWN_STREET}.${OWN_COMMUNITY}.${team}`, street_id: String(OWN_STREET), community_id: String(OWN_COMMUNITY), active_member_count: 0 });
  });

  it("created_by is the caller even when the column was granted", async () => {
    const [row] = await withMistakenGrant<{ created_by: string }>(
      "grant insert (created_by) on public.volunteers to authenticated", LEADER_USER,
      "insert into public.volunteers (name, gender, home_community_id, created_by) values ($1, 'male', $2, $3) returning created_by",
      [unique("深"), OWN_COMMUNITY, ORG_USER]);
    expect(row.created_by).toBe(LEADER_USER);
  });

  it("a grant is not re-pointed even when user_id was granted", async () => {
    const [g] = await sql<{ id: string }>("select id from role_grants where email = 'leader@demo.local' and revoked_at is null");
    await expect(withMistakenGrant("grant update (user_id) on public.role_grants to authenticated", ORG_USER,
      "update public.role_grants set user_id = $2 where id = $1", [g.id, ORG_USER])).rejects.toThrow(/another account/);
  });
});
