// The attacker's side of invitations: a pending grant (an email invited to a role) must go to the person
// who proves they own that address, never to whoever creates an account with it first. Accounts are made
// as Supabase Auth makes them: rows in auth.users (SQL fixtures) and the admin API through the gateway.
import { describe, expect, it } from "vitest";
import { as, OTHER_TEAM_SAME_STREET, OWN_COMMUNITY, service, sql, unique } from "./helpers";

async function account(email: string, confirmed: boolean, meta: Record<string, unknown> = {}): Promise<string> {
  const [u] = await sql<{ id: string }>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
             extensions.crypt('secret123', extensions.gen_salt('bf', 4)), case when $2 then now() end, $3, now(), now())
     returning id`,
    [email, confirmed, JSON.stringify(meta)],
  );
  return u.id;
}

async function grantOf(id: number | string): Promise<string | null> {
  return (await sql<{ user_id: string | null }>("select user_id from role_grants where id = $1", [id]))[0].user_id;
}

async function invite(email: string): Promise<number> {
  const { data, error } = await (await as("street")).from("role_grants")
    .insert({ email, role: "community_admin", org_unit_id: OWN_COMMUNITY }).select("id, user_id").single();
  expect(error).toBeNull();
  return data!.id as number;
}

describe("invitation takeover", () => {
  it("a stranger who creates an unconfirmed account with the invited email gets no grant; the confirmed owner does", async () => {
    const email = `${unique("invited")}@example.org`;
    const grant = await invite(email);
    const stranger = await account(email, false);
    expect(await grantOf(grant)).toBeNull();
    expect(await sql("select 1 from role_grants where user_id = $1", [stranger])).toEqual([]);
    // following the link in the email confirms the address (what Auth's /verify does)
    await sql("update auth.users set email_confirmed_at = now() where id = $1", [stranger]);
    expect(await grantOf(grant)).toBe(stranger);
  });

  it("a grant for an email whose account is not confirmed waits; it links when the account confirms", async () => {
    const email = `${unique("pending")}@example.org`;
    const user = await account(email, false);
    const grant = await invite(email);
    expect(await grantOf(grant)).toBeNull();
    await sql("update auth.users set last_sign_in_at = now(), raw_user_meta_data = '{\"x\":1}' where id = $1", [user]);
    expect(await grantOf(grant)).toBeNull();
    await sql("update auth.users set email_confirmed_at = now() where id = $1", [user]);
    expect(await grantOf(grant)).toBe(user);
  });

  it("a grant for a confirmed account links at once; an account created already confirmed (accepted invite) links on insert", async () => {
    const email = `${unique("confirmed")}@example.org`;
    const user = await account(email, true);
    expect(await grantOf(await invite(email))).toBe(user);
    const later = `${unique("later")}@example.org`;
    const grant = await invite(later);
    const invitee = await account(later, true);
    expect(await grantOf(grant)).toBe(invitee);
  });

  it("a confirmed account whose email changes to an invited address gets that invitation (the new address was proven)", async () => {
    const email = `${unique("changed")}@example.org`;
    const grant = await invite(email);
    const user = await account(`${unique("old")}@example.org`, true);
    expect(await grantOf(grant)).toBeNull();
    await sql("update auth.users set email = $2 where id = $1", [user, email]);
    expect(await grantOf(grant)).toBe(user);
    expect((await sql<{ email: string }>("select email from staff_profiles where user_id = $1", [user]))[0].email).toBe(email);
  });

  it("an unconfirmed account changing its email to an invited address gets nothing", async () => {
    const email = `${unique("sneak")}@example.org`;
    const grant = await invite(email);
    const user = await account(`${unique("sneaky")}@example.org`, false);
    await sql("update auth.users set email = $2 where id = $1", [user, email]);
    expect(await grantOf(grant)).toBeNull();
  });

  it("a revoked invitation is never linked", async () => {
    const email = `${unique("revoked")}@example.org`;
    const grant = await invite(email);
    await (await as("street")).from("role_grants").update({ revoked_at: new Date().toISOString() }).eq("id", grant).select();
    await account(email, true);
    expect(await grantOf(grant)).toBeNull();
  });

  it("a linked grant is never handed on: not to another account, not back to nobody, not by the linking either", async () => {
    const email = `${unique("mine")}@example.org`;
    const owner = await account(email, true);
    const [g] = await sql<{ id: string }>("insert into role_grants (email, role, org_unit_id) values ($1, 'team_leader', $2) returning id", [email, OTHER_TEAM_SAME_STREET]);
    expect(await grantOf(g.id)).toBe(owner);
    const other = await account(`${unique("other")}@example.org`, true);
    await expect(sql("update role_grants set user_id = $2 where id = $1", [g.id, other])).rejects.toThrow(/another account/);
    await expect(sql("update role_grants set user_id = null where id = $1", [g.id])).rejects.toThrow(/another account/);
    // an unlinked grant cannot be linked to an account of another email, confirmed or not
    const [waiting] = await sql<{ id: string }>("insert into role_grants (email, role, org_unit_id) values ($1, 'team_leader', $2) returning id", [`${unique("wait")}@example.org`, OTHER_TEAM_SAME_STREET]);
    await expect(sql("update role_grants set user_id = $2 where id = $1", [waiting.id, other])).rejects.toThrow(/another account/);
    expect(await grantOf(g.id)).toBe(owner);
    expect(await grantOf(waiting.id)).toBeNull();
  });
});

describe("the auth.users triggers never make Auth fail", () => {
  it("a display_name longer than 40 characters is cut to 40, not a 500", async () => {
    const email = `${unique("longname")}@example.org`;
    const { data, error } = await service().auth.admin.createUser({
      email, password: "secret123", email_confirm: true, user_metadata: { display_name: "长".repeat(60) },
    });
    expect(error).toBeNull();
    const [p] = await sql<{ display_name: string }>("select display_name from staff_profiles where user_id = $1", [data.user!.id]);
    expect(p.display_name).toBe("长".repeat(40));
  });

  it("an account without an email (phone sign-up) is created", async () => {
    const [u] = await sql<{ id: string }>(
      "insert into auth.users (id, phone, raw_user_meta_data, created_at, updated_at) values (gen_random_uuid(), $1, '{}', now(), now()) returning id",
      [`1390${Date.now() % 10_000_000}`]);
    expect(u.id).toBeTruthy();
  });
});
