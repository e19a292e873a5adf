// Inserts, updates and deletes, tried by each role inside and outside its scope. RLS refuses an
// insert with 42501 and hides rows from update/delete (200, zero rows): both are asserted.
import { describe, expect, it } from "vitest";
import { errorKey } from "../../src/domain/errors";
import {
  activeMember, as, DISTRICT, OTHER_STREET, OTHER_TEAM_SAME_STREET, OUTSIDE_COMMUNITY, OUTSIDE_TEAM, OWN_COMMUNITY,
  OWN_STREET, OWN_TEAM, sql, unique, volunteerOnlyIn, type Actor,
} from "./helpers";

async function insert(actor: Actor, table: string, row: Record<string, unknown>) {
  const sb = await as(actor);
  return sb.from(table).insert(row).select();
}

async function updateRows(actor: Actor, table: string, match: Record<string, unknown>, values: Record<string, unknown>): Promise<number> {
  const sb = await as(actor);
  const { data, error } = await sb.from(table).update(values).match(match).select();
  expect(error).toBeNull();
  return data!.length;
}

async function deleteRows(actor: Actor, table: string, match: Record<string, unknown>): Promise<number> {
  const sb = await as(actor);
  const { data, error } = await sb.from(table).delete().match(match).select();
  expect(error).toBeNull();
  return data!.length;
}

async function newTeam(parent: number): Promise<number> {
  const [r] = await sql<{ id: string }>("insert into org_units (parent_id, level, name) values ($1, 'team', $2) returning id", [parent, unique("测试队")]);
  return Number(r.id);
}

describe("org_units writes", () => {
  it("anon, a team leader and finance cannot create units", async () => {
    for (const a of ["anon", "leader", "finance"] as const) {
      const { error } = await insert(a, "org_units", { parent_id: OWN_COMMUNITY, level: "team", name: unique("队") });
      expect(error?.code, a).toBe("42501");
    }
  });

  it("a street admin creates a team inside its street, not outside", async () => {
    const ok = await insert("street", "org_units", { parent_id: OWN_COMMUNITY, level: "team", name: unique("新队") });
    expect(ok.error).toBeNull();
    expect(ok.data![0]).toMatchObject({ street_id: OWN_STREET, community_id: OWN_COMMUNITY });
    const refused = await insert("street", "org_units", { parent_id: OUTSIDE_COMMUNITY, level: "team", name: unique("新队") });
    expect(refused.error?.code).toBe("42501");
  });

  it("the organisation department creates a community in any street", async () => {
    const { error } = await insert("org", "org_units", { parent_id: OTHER_STREET, level: "community", name: unique("社区") });
    expect(error).toBeNull();
  });

  it("updates outside one's scope change no row", async () => {
    expect(await updateRows("street", "org_units", { id: OTHER_TEAM_SAME_STREET }, { description: "街道修改" })).toBe(1);
    expect(await updateRows("street", "org_units", { id: OUTSIDE_TEAM }, { description: "越权" })).toBe(0);
    // the root of one's own scope is visible to the update but the new row fails the check
    const own = await (await as("street")).from("org_units").update({ name: "改自己的街道" }).eq("id", OWN_STREET).select();
    expect(own.error?.code).toBe("42501");
    expect(await updateRows("leader", "org_units", { id: OWN_TEAM }, { name: "队长改名" })).toBe(0);
    expect(await updateRows("finance", "org_units", { id: OWN_TEAM }, { name: "财务改名" })).toBe(0);
    const [r] = await sql<{ description: string | null }>("select description from org_units where id = $1", [OUTSIDE_TEAM]);
    expect(r.description).not.toBe("越权");
  });

  it("a street admin cannot move its team into another street", async () => {
    const team = await newTeam(OWN_COMMUNITY);
    const { error } = await (await as("street")).from("org_units").update({ parent_id: OUTSIDE_COMMUNITY }).eq("id", team).select();
    expect(error?.code).toBe("42501");
    const [r] = await sql<{ street_id: string }>("select street_id from org_units where id = $1", [team]);
    expect(Number(r.street_id)).toBe(OWN_STREET);
  });

  it("deletes: an empty unit inside the scope goes; outside nothing happens; a unit with children is refused", async () => {
    const mine = await newTeam(OWN_COMMUNITY);
    const outside = await newTeam(OUTSIDE_COMMUNITY);
    expect(await deleteRows("leader", "org_units", { id: mine })).toBe(0);
    expect(await deleteRows("street", "org_units", { id: outside })).toBe(0);
    expect(await deleteRows("street", "org_units", { id: mine })).toBe(1);
    const sb = await as("org");
    const { error } = await sb.from("org_units").delete().eq("id", OTHER_STREET).select();
    // PostgreSQL 17 reports a RESTRICT foreign key as 23503 "still referenced", 18 as 23001: the user reads one message
    expect(errorKey(error)).toBe("errors.inUse");
  });
});

describe("volunteers writes", () => {
  const person = (home: number) => ({ name: unique("测"), gender: "female", birth_year: 1955, home_community_id: home });

  it("anon and finance cannot add volunteers", async () => {
    for (const a of ["anon", "finance"] as const) expect((await insert(a, "volunteers", person(OWN_COMMUNITY))).error?.code, a).toBe("42501");
  });

  it("a street admin adds people living in its street only", async () => {
    expect((await insert("street", "volunteers", person(OWN_COMMUNITY))).error).toBeNull();
    expect((await insert("street", "volunteers", person(OUTSIDE_COMMUNITY))).error?.code).toBe("42501");
  });

  it("updates: a leader edits the team's active members only; finance edits no one", async () => {
    const own = await activeMember(OWN_TEAM);
    const other = await activeMember(OUTSIDE_TEAM);
    expect(await updateRows("leader", "volunteers", { id: own.volunteer_id }, { note: "队长备注" })).toBe(1);
    expect(await updateRows("leader", "volunteers", { id: other.volunteer_id }, { note: "越权" })).toBe(0);
    expect(await updateRows("finance", "volunteers", { id: own.volunteer_id }, { note: "财务" })).toBe(0);
    const outsider = await volunteerOnlyIn(OTHER_STREET, OWN_STREET);
    expect(await updateRows("street", "volunteers", { id: outsider }, { note: "越权" })).toBe(0);
    expect(await updateRows("org", "volunteers", { id: outsider }, { note: "组织部备注" })).toBe(1);
  });

  it("deletes: only admins of the person's home scope remove a record", async () => {
    const sb = await as("street");
    const { data } = await sb.from("volunteers").insert(person(OWN_COMMUNITY)).select("id");
    const id = data![0].id as string;
    expect(await deleteRows("leader", "volunteers", { id })).toBe(0);
    expect(await deleteRows("finance", "volunteers", { id })).toBe(0);
    expect(await deleteRows("street", "volunteers", { id })).toBe(1);
  });
});

describe("volunteer_contacts writes", () => {
  it("a leader changes the phone of an own member but not of another team's member; finance of no one", async () => {
    const own = await activeMember(OWN_TEAM);
    const other = await activeMember(OUTSIDE_TEAM);
    expect(await updateRows("leader", "volunteer_contacts", { volunteer_id: own.volunteer_id }, { phone: "13900000001" })).toBe(1);
    expect(await updateRows("leader", "volunteer_contacts", { volunteer_id: other.volunteer_id }, { phone: "13900000002" })).toBe(0);
    expect(await updateRows("finance", "volunteer_contacts", { volunteer_id: own.volunteer_id }, { phone: "13900000003" })).toBe(0);
    expect(await deleteRows("finance", "volunteer_contacts", { volunteer_id: own.volunteer_id })).toBe(0);
    const [r] = await sql<{ phone: string }>("select phone from volunteer_contacts where volunteer_id = $1", [other.volunteer_id]);
    expect(r.phone).not.toBe("13900000002");
  });

  it("the database refuses a malformed phone number", async () => {
    const own = await activeMember(OWN_TEAM);
    const sb = await as("leader");
    const { error } = await sb.from("volunteer_contacts").update({ phone: "12345" }).eq("volunteer_id", own.volunteer_id).select();
    expect(error?.code).toBe("23514");
  });
});

describe("team_memberships writes", () => {
  it("a leader enrols a new person into the own team, with phone, in one transaction", async () => {
    const sb = await as("leader");
    const name = unique("新");
    const { data: id, error } = await sb.rpc("enrol_new_volunteer", {
      p_team_id: OWN_TEAM, p_volunteer: { name, gender: "male", birth_year: 1950, home_community_id: OWN_COMMUNITY }, p_role: "member", p_phone: "13812345678",
    });
    expect(error).toBeNull();
    const { data: roster } = await sb.from("team_memberships").select("role, volunteers(name, volunteer_contacts(phone))").eq("volunteer_id", id);
    expect(roster).toEqual([{ role: "member", volunteers: { name, volunteer_contacts: { phone: "13812345678" } } }]);
  });

  it("enrolling into another team is refused and leaves no stray volunteer behind", async () => {
    const sb = await as("leader");
    const name = unique("越");
    const { error } = await sb.rpc("enrol_new_volunteer", {
      p_team_id: OTHER_TEAM_SAME_STREET, p_volunteer: { name, gender: "male", home_community_id: OWN_COMMUNITY },
    });
    expect(error?.code).toBe("42501");
    expect(await sql("select 1 from volunteers where name = $1", [name])).toEqual([]);
  });

  it("a bad phone number rolls the whole enrolment back", async () => {
    const sb = await as("leader");
    const name = unique("坏");
    const { error } = await sb.rpc("enrol_new_volunteer", {
      p_team_id: OWN_TEAM, p_volunteer: { name, gender: "male", home_community_id: OWN_COMMUNITY }, p_phone: "abc",
    });
    expect(error?.code).toBe("23514");
    expect(await sql("select 1 from volunteers where name = $1", [name])).toEqual([]);
  });

  it("inserts outside one's scope are refused", async () => {
    const own = await activeMember(OWN_TEAM);
    for (const [actor, team] of [["anon", OWN_TEAM], ["finance", OWN_TEAM], ["leader", OTHER_TEAM_SAME_STREET], ["street", OUTSIDE_TEAM]] as const) {
      const { error } = await insert(actor, "team_memberships", { team_id: team, volunteer_id: own.volunteer_id });
      expect(error?.code, `${actor} → ${team}`).toBe("42501");
    }
    const { error } = await insert("street", "team_memberships", { team_id: OTHER_TEAM_SAME_STREET, volunteer_id: own.volunteer_id });
    expect(error).toBeNull();
  });

  it("a leader cannot add someone it cannot see (no guessing ids into the roster)", async () => {
    const stranger = await activeMember(OUTSIDE_TEAM);
    const { error } = await insert("leader", "team_memberships", { team_id: OWN_TEAM, volunteer_id: stranger.volunteer_id });
    expect(error?.code).toBe("42501");
  });

  it("updates: a leader changes roles and records leaving in the own team only", async () => {
    const own = await activeMember(OWN_TEAM);
    const other = await activeMember(OTHER_TEAM_SAME_STREET);
    expect(await updateRows("leader", "team_memberships", { id: own.membership_id }, { role: "liaison" })).toBe(1);
    expect(await updateRows("leader", "team_memberships", { id: other.membership_id }, { role: "liaison" })).toBe(0);
    expect(await updateRows("finance", "team_memberships", { id: own.membership_id }, { role: "member" })).toBe(0);
    expect(await updateRows("leader", "team_memberships", { id: own.membership_id }, { left_on: "2026-11-01", left_reason: "搬家" })).toBe(1);
    const [r] = await sql("select left_on is not null as left from team_memberships where id = $1", [own.membership_id]);
    expect(r).toEqual({ left: true });
  });

  it("deletes: leaders keep history (nothing deleted); admins may remove a mistaken row", async () => {
    const sb = await as("street");
    const { data: id } = await (await as("leader")).rpc("enrol_new_volunteer", {
      p_team_id: OWN_TEAM, p_volunteer: { name: unique("误"), gender: "female", home_community_id: OWN_COMMUNITY },
    });
    const [m] = await sql<{ id: string }>("select id from team_memberships where volunteer_id = $1", [id]);
    expect(await deleteRows("leader", "team_memberships", { id: m.id })).toBe(0);
    expect(await deleteRows("finance", "team_memberships", { id: m.id })).toBe(0);
    const { data } = await sb.from("team_memberships").delete().eq("id", m.id).select();
    expect(data).toHaveLength(1);
  });
});

describe("role_grants writes", () => {
  it("only an admin of a scope grants roles inside it", async () => {
    const email = `${unique("u")}@example.org`;
    expect((await insert("org", "role_grants", { email, role: "street_admin", org_unit_id: OTHER_STREET })).error).toBeNull();
    expect((await insert("street", "role_grants", { email, role: "team_leader", org_unit_id: OTHER_TEAM_SAME_STREET })).error).toBeNull();
    expect((await insert("street", "role_grants", { email, role: "street_admin", org_unit_id: OTHER_STREET })).error?.code).toBe("42501");
    expect((await insert("street", "role_grants", { email, role: "org_admin", org_unit_id: DISTRICT })).error?.code).toBe("42501");
    for (const a of ["anon", "leader", "finance"] as const) {
      expect((await insert(a, "role_grants", { email, role: "team_leader", org_unit_id: OWN_TEAM })).error?.code, a).toBe("42501");
    }
  });

  it("a leader cannot promote itself", async () => {
    const { error } = await insert("leader", "role_grants", { email: "leader@demo.local", role: "street_admin", org_unit_id: OWN_STREET });
    expect(error?.code).toBe("42501");
  });

  it("revoking: inside the scope works once; outside changes nothing; nobody deletes grants", async () => {
    const email = `${unique("r")}@example.org`;
    const [inside] = await sql<{ id: string }>("insert into role_grants (email, role, org_unit_id) values ($1, 'team_leader', $2) returning id", [email, OTHER_TEAM_SAME_STREET]);
    const [outside] = await sql<{ id: string }>("insert into role_grants (email, role, org_unit_id) values ($1, 'team_leader', $2) returning id", [email, OUTSIDE_TEAM]);
    const now = new Date().toISOString();
    expect(await updateRows("street", "role_grants", { id: outside.id }, { revoked_at: now })).toBe(0);
    expect(await updateRows("leader", "role_grants", { id: inside.id }, { revoked_at: now })).toBe(0);
    expect(await updateRows("street", "role_grants", { id: inside.id }, { revoked_at: now })).toBe(1);
    // no delete privilege, and no column but revoked_at is writable (column grants)
    const del = await (await as("org")).from("role_grants").delete().eq("id", outside.id).select();
    expect(del.error?.code).toBe("42501");
    const sb = await as("org");
    const { error } = await sb.from("role_grants").update({ role: "finance" }).eq("id", outside.id).select();
    expect(error?.code).toBe("42501");
    const [still] = await sql<{ role: string; revoked_at: string | null }>("select role, revoked_at from role_grants where id = $1", [outside.id]);
    expect(still).toEqual({ role: "team_leader", revoked_at: null });
  });
});

describe("reference lists", () => {
  it("only the organisation department edits talent categories", async () => {
    expect((await insert("street", "talent_categories", { name: unique("类") })).error?.code).toBe("42501");
    expect((await insert("org", "talent_categories", { name: unique("类") })).error).toBeNull();
    expect(await updateRows("finance", "talent_categories", { id: 1 }, { description: "x" })).toBe(0);
  });

  it("staff profiles: users edit their own name only", async () => {
    expect(await updateRows("leader", "staff_profiles", { email: "leader@demo.local" }, { display_name: "张队长" })).toBe(1);
    expect(await updateRows("org", "staff_profiles", { email: "leader@demo.local" }, { display_name: "改别人" })).toBe(0);
  });
});
