// A rating round with its criteria, and a volunteer with the phone number, are each written by one RPC
// (create_rating_round, save_volunteer): as a user it works, as an attacker it is refused like the table
// writes it replaces, and a failure half-way leaves nothing half-written.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { activeMember, as, count, DISTRICT, newMember, OTHER_STREET, OWN_COMMUNITY, OWN_STREET, OWN_TEAM, OUTSIDE_COMMUNITY, sql, unique, volunteerOnlyIn } from "./helpers";

const CRITERIA = [{ name: "服务时长", max_score: 30 }, { name: "服务质量", max_score: 40 }, { name: "群众评价", max_score: 30 }];

describe("create_rating_round: a round and its criteria in one step", () => {
  it("an admin creates a round over a unit they manage, with the criteria in order", async () => {
    const name = unique("评星");
    const sb = await as("street");
    const { data, error } = await sb.rpc("create_rating_round", { p_name: ` ${name} `, p_year: 2026, p_org_unit_id: OWN_STREET, p_criteria: CRITERIA });
    expect(error).toBeNull();
    const rows = await sql<{ round: string; name: string; max_score: string; sort_order: number }>(
      "select r.name round, c.name, c.max_score, c.sort_order from rating_rounds r join rating_criteria c on c.round_id = r.id where r.id = $1 order by c.sort_order",
      [data]);
    expect(rows.map((r) => [r.round, r.name, Number(r.max_score), r.sort_order])).toEqual([
      [name, "服务时长", 30, 1], [name, "服务质量", 40, 2], [name, "群众评价", 30, 3]]);
  });

  it("a bad criterion refuses the whole round: no round without its criteria", async () => {
    const name = unique("半截");
    const sb = await as("org");
    const { error } = await sb.rpc("create_rating_round", {
      p_name: name, p_year: 2026, p_org_unit_id: DISTRICT, p_criteria: [...CRITERIA, { name: "零分", max_score: 0 }] });
    expect(error?.code).toBe("23514");
    expect(await count("select 1 from rating_rounds where name = $1", [name])).toBe(0);
  });

  it("a round without criteria is refused with a hint the UI maps", async () => {
    const name = unique("空");
    const { error } = await (await as("org")).rpc("create_rating_round", { p_name: name, p_year: 2026, p_org_unit_id: DISTRICT, p_criteria: [] });
    expect(error?.hint).toBe("rating_criteria_missing");
    expect(await count("select 1 from rating_rounds where name = $1", [name])).toBe(0);
  });

  it("refused outside one's scope, to a leader, to finance and to anon — and nothing is written", async () => {
    for (const [actor, unit] of [["street", OTHER_STREET], ["street", DISTRICT], ["leader", OWN_TEAM], ["finance", DISTRICT], ["anon", DISTRICT]] as const) {
      const name = unique("越权");
      const { error } = await (await as(actor)).rpc("create_rating_round", { p_name: name, p_year: 2026, p_org_unit_id: unit, p_criteria: CRITERIA });
      expect(error, `${actor} over ${unit}`).not.toBeNull();
      expect(await count("select 1 from rating_rounds where name = $1", [name])).toBe(0);
    }
  });

  it("a retried call with the same request key creates one round", async () => {
    const name = unique("幂等轮次");
    const sb = await as("org");
    const args = { p_name: name, p_year: 2026, p_org_unit_id: DISTRICT, p_criteria: CRITERIA, p_request_key: randomUUID() };
    const a = await sb.rpc("create_rating_round", args);
    const b = await sb.rpc("create_rating_round", args);
    expect(a.error).toBeNull();
    expect(b.data).toBe(a.data);
    expect(await count("select 1 from rating_criteria where round_id = $1", [a.data])).toBe(3);
  });
});

describe("save_volunteer: a person and the phone number in one step", () => {
  it("an admin creates a person with a phone; the id is the database's", async () => {
    const name = unique("新人");
    const { data, error } = await (await as("street")).rpc("save_volunteer", {
      p_volunteer: { name, gender: "female", birth_year: 1955, home_community_id: OWN_COMMUNITY, skills: ["书法"] }, p_phone: " 13800001111 " });
    expect(error).toBeNull();
    const [row] = await sql<{ name: string; phone: string; status: string; skills: string[] }>(
      "select v.name, c.phone, v.status, v.skills from volunteers v join volunteer_contacts c on c.volunteer_id = v.id where v.id = $1", [data]);
    expect(row).toEqual({ name, phone: "13800001111", status: "active", skills: ["书法"] });
  });

  it("a refused phone number refuses the whole create: no person saved without it", async () => {
    const name = unique("无号");
    const { error } = await (await as("street")).rpc("save_volunteer", {
      p_volunteer: { name, gender: "male", home_community_id: OWN_COMMUNITY }, p_phone: "12345" });
    expect(error?.message).toMatch(/volunteer_contacts_phone_check/);
    expect(await count("select 1 from volunteers where name = $1", [name])).toBe(0);
  });

  it("an update changes only the named columns and the phone; clearing the phone deletes it", async () => {
    // a person of its own: clearing a seeded member's phone broke rls-write.test.ts when it ran later
    const id = await newMember(OWN_TEAM);
    const [before] = await sql<{ skills: string[]; birth_year: number }>("select skills, birth_year from volunteers where id = $1", [id]);
    const sb = await as("leader");
    const note = unique("备注");
    expect((await sb.rpc("save_volunteer", { p_id: id, p_volunteer: { note }, p_phone: "0532-88886666" })).error).toBeNull();
    const [after] = await sql<{ note: string; skills: string[]; birth_year: number; phone: string }>(
      "select v.note, v.skills, v.birth_year, c.phone from volunteers v left join volunteer_contacts c on c.volunteer_id = v.id where v.id = $1", [id]);
    expect(after).toEqual({ note, skills: before.skills, birth_year: before.birth_year, phone: "0532-88886666" });
    expect((await sb.rpc("save_volunteer", { p_id: id, p_volunteer: {}, p_phone: "" })).error).toBeNull();
    expect(await count("select 1 from volunteer_contacts where volunteer_id = $1", [id])).toBe(0);
  });

  it("a refused phone on an update leaves the person unchanged", async () => {
    const { volunteer_id: id } = await activeMember(OWN_TEAM);
    const [before] = await sql<{ note: string | null }>("select note from volunteers where id = $1", [id]);
    const { error } = await (await as("street")).rpc("save_volunteer", { p_id: id, p_volunteer: { note: unique("不该保存") }, p_phone: "abc" });
    expect(error).not.toBeNull();
    expect((await sql<{ note: string | null }>("select note from volunteers where id = $1", [id]))[0].note).toBe(before.note);
  });

  it("refused outside one's scope (42501) and nothing changes; anon and finance write nothing", async () => {
    const outsider = await volunteerOnlyIn(OTHER_STREET, OWN_STREET);
    const [before] = await sql<{ note: string | null; phone: string | null }>(
      "select v.note, c.phone from volunteers v left join volunteer_contacts c on c.volunteer_id = v.id where v.id = $1", [outsider]);
    for (const actor of ["street", "leader", "finance", "anon"] as const) {
      const { error } = await (await as(actor)).rpc("save_volunteer", { p_id: outsider, p_volunteer: { note: "越权" }, p_phone: "13900000000" });
      expect(error, actor).not.toBeNull();
    }
    const [after] = await sql("select v.note, c.phone from volunteers v left join volunteer_contacts c on c.volunteer_id = v.id where v.id = $1", [outsider]);
    expect(after).toEqual(before);
    const name = unique("外街");
    const created = await (await as("street")).rpc("save_volunteer", { p_volunteer: { name, gender: "male", home_community_id: OUTSIDE_COMMUNITY } });
    expect(created.error).not.toBeNull();
    expect(await count("select 1 from volunteers where name = $1", [name])).toBe(0);
  });

  it("columns outside the grant cannot be written through it (home street, id are derived)", async () => {
    const { volunteer_id: id } = await activeMember(OWN_TEAM);
    const [before] = await sql<{ home_street_id: string }>("select home_street_id from volunteers where id = $1", [id]);
    const r = await (await as("street")).rpc("save_volunteer", { p_id: id, p_volunteer: { home_street_id: OTHER_STREET, id: randomUUID() } });
    expect(r.data).toBe(id);
    expect((await sql<{ home_street_id: string }>("select home_street_id from volunteers where id = $1", [id]))[0].home_street_id).toBe(before.home_street_id);
  });

  it("a retried create with the same request key creates one person", async () => {
    const name = unique("幂等新人");
    const sb = await as("org");
    const args = { p_volunteer: { name, gender: "female", home_community_id: OWN_COMMUNITY }, p_phone: "13700002222", p_request_key: randomUUID() };
    const a = await sb.rpc("save_volunteer", args);
    const b = await sb.rpc("save_volunteer", args);
    expect(a.error).toBeNull();
    expect(b.data).toBe(a.data);
    expect(await count("select 1 from volunteers where name = $1", [name])).toBe(1);
  });
});
