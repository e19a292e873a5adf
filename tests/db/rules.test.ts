// Rules the database enforces whatever client writes: rosters, tree shape, grants and invitations.
import { describe, expect, it } from "vitest";
import { account, latestMail, openLink, sessionFrom, signIn } from "./auth-helpers.ts";
import { activeMember, as, client, OTHER_STREET, OUTSIDE_COMMUNITY, OWN_COMMUNITY, OWN_STREET, OWN_TEAM, service, sql, unique } from "./helpers";

describe("roster rules", () => {
  it("a team has at most one active captain", async () => {
    const own = await activeMember(OWN_TEAM);
    const sb = await as("leader");
    const { error } = await sb.from("team_memberships").update({ role: "captain" }).eq("id", own.membership_id).select();
    expect(error?.code).toBe("23505");
    expect(error?.message).toContain("team_memberships_one_captain");
  });

  it("once the captain steps down, another member can become captain", async () => {
    const [captain] = await sql<{ id: string }>("select id from team_memberships where team_id = $1 and role = 'captain' and left_on is null", [OWN_TEAM]);
    const own = await activeMember(OWN_TEAM);
    const sb = await as("leader");
    expect((await sb.from("team_memberships").update({ role: "member" }).eq("id", captain.id).select()).error).toBeNull();
    expect((await sb.from("team_memberships").update({ role: "captain" }).eq("id", own.membership_id).select()).error).toBeNull();
  });

  it("one active membership per person per team", async () => {
    const own = await activeMember(OWN_TEAM);
    const { error } = await (await as("leader")).from("team_memberships").insert({ team_id: OWN_TEAM, volunteer_id: own.volunteer_id }).select();
    expect(error?.code).toBe("23505");
  });

  it("leaving before joining is refused", async () => {
    const own = await activeMember(OWN_TEAM);
    const { error } = await (await as("leader")).from("team_memberships").update({ left_on: "1990-01-01" }).eq("id", own.membership_id).select();
    expect(error?.code).toBe("23514");
  });

  it("a membership cannot be moved to another team", async () => {
    const own = await activeMember(OWN_TEAM);
    const { error } = await (await as("org")).from("team_memberships").update({ team_id: 1002 }).eq("id", own.membership_id).select();
    expect(error?.code).toBe("23514");
  });

  it("the team's member count follows its active roster", async () => {
    const [before] = await sql<{ n: number }>("select active_member_count as n from org_units where id = $1", [OWN_TEAM]);
    const own = await activeMember(OWN_TEAM);
    await (await as("leader")).from("team_memberships").update({ left_on: "2026-11-20" }).eq("id", own.membership_id).select();
    const [after] = await sql<{ n: number }>("select active_member_count as n from org_units where id = $1", [OWN_TEAM]);
    expect(after.n).toBe(before.n - 1);
    const [real] = await sql<{ n: string }>("select count(*) n from team_memberships where team_id = $1 and left_on is null", [OWN_TEAM]);
    expect(Number(real.n)).toBe(after.n);
  });
});

describe("organisation tree rules", () => {
  it("levels hang in order: a team cannot sit directly under a street", async () => {
    const { error } = await (await as("org")).from("org_units").insert({ parent_id: OWN_STREET, level: "team", name: unique("错") }).select();
    expect(error?.code).toBe("23514");
  });

  it("moving a community carries its teams into the new street", async () => {
    const sb = await as("org");
    const { data: c } = await sb.from("org_units").insert({ parent_id: OWN_STREET, level: "community", name: unique("迁") }).select().single();
    const { data: t } = await sb.from("org_units").insert({ parent_id: c!.id, level: "team", name: unique("迁队") }).select().single();
    expect(t!.street_id).toBe(OWN_STREET);
    const { error } = await sb.from("org_units").update({ parent_id: OTHER_STREET }).eq("id", c!.id).select();
    expect(error).toBeNull();
    const { data: moved } = await sb.from("org_units").select("street_id, path").eq("id", t!.id).single();
    expect(moved!.street_id).toBe(OTHER_STREET);
    expect(moved!.path).toBe(`1.${OTHER_STREET}.${c!.id}.${t!.id}`);
  });

  it("a duplicate name under the same parent is refused", async () => {
    const [existing] = await sql<{ name: string }>("select name from org_units where parent_id = $1 limit 1", [OUTSIDE_COMMUNITY]);
    const { error } = await (await as("org")).from("org_units").insert({ parent_id: OUTSIDE_COMMUNITY, level: "team", name: existing.name }).select();
    expect(error?.code).toBe("23505");
  });
});

describe("grants and invitations", () => {
  it("a role must fit the level of its unit", async () => {
    const { error } = await (await as("org")).from("role_grants").insert({ email: "x@example.org", role: "team_leader", org_unit_id: OWN_STREET }).select();
    expect(error?.code).toBe("23514");
  });

  it("an invited email gets its role once that person accepts the emailed invitation", async () => {
    const email = `${unique("new")}@example.org`;
    const org = await as("org");
    const { data: grant } = await org.from("role_grants").insert({ email, role: "community_admin", org_unit_id: OWN_COMMUNITY }).select().single();
    expect(grant!.user_id).toBeNull();
    expect((await service().auth.admin.inviteUserByEmail(email)).error).toBeNull();
    const sb = await sessionFrom((await openLink((await latestMail(email)).link)).fragment);
    const { data: scope } = await sb.rpc("my_scope");
    expect(scope).toMatchObject([{ role: "community_admin", org_unit_id: OWN_COMMUNITY }]);
    const { count } = await sb.from("team_memberships").select("id", { count: "exact", head: true });
    expect(count).toBeGreaterThan(0);
  });

  it("a grant for an existing account takes effect at once, and revoking removes access", async () => {
    const email = `${unique("exist")}@example.org`;
    await account(email, "secret123", true);
    const { sb } = await signIn(email, "secret123");
    expect((await sb.from("org_units").select("id")).data).toEqual([]);
    const org = await as("org");
    const { data: grant } = await org.from("role_grants").insert({ email, role: "finance", org_unit_id: OTHER_STREET }).select().single();
    expect(grant!.user_id).not.toBeNull();
    expect((await sb.from("org_units").select("id")).data!.length).toBeGreaterThan(0);
    await org.from("role_grants").update({ revoked_at: new Date().toISOString() }).eq("id", grant!.id).select();
    expect((await sb.from("org_units").select("id")).data).toEqual([]);
  });
});

describe("auth endpoints", () => {
  it("a wrong password is refused with invalid_credentials", async () => {
    const { error } = await client().auth.signInWithPassword({ email: "org@demo.local", password: "wrong-password" });
    expect(error?.code).toBe("invalid_credentials");
  });

  it("public sign-up is refused (staff join by invitation)", async () => {
    const { error } = await client().auth.signUp({ email: `${unique("self")}@example.org`, password: "secret123" });
    expect(error?.code).toBe("signup_disabled");
  });

  it("a refresh token cannot be replayed after the reuse interval", async () => {
    const sb = client();
    const { data } = await sb.auth.signInWithPassword({ email: "finance@demo.local", password: "demo123456" });
    const token = data.session!.refresh_token;
    const first = await client().auth.refreshSession({ refresh_token: token });
    expect(first.error).toBeNull();
    expect((await client().auth.refreshSession({ refresh_token: first.data.session!.refresh_token })).error).toBeNull();
    await sql("update auth.refresh_tokens set updated_at = now() - interval '1 hour' where token = $1", [token]);
    const replay = await client().auth.refreshSession({ refresh_token: token });
    expect(replay.error?.code).toBe("refresh_token_already_used");
  });
});
