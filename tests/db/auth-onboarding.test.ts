// Staff onboarding the Supabase way, through the real local stack: an admin invites through the
// invite-staff edge function (Deno), the invitation lands in the local mailbox, its link signs the
// invitee in, they set a password and hold the grant. Public sign-up is off; unconfirmed accounts
// cannot sign in; a forgotten password is reset by an emailed link.
import { describe, expect, inject, it } from "vitest";
import { APP, account, latestMail, mailGap, mailsTo, openLink, request, sessionFrom, settings, signIn } from "./auth-helpers.ts";
import { DISTRICT, OUTSIDE_COMMUNITY, OWN_COMMUNITY, OWN_STREET, as, client, count, sql, unique } from "./helpers.ts";

async function invite(actor: "org" | "street" | "leader", body: Record<string, unknown>) {
  const { data, error } = await (await as(actor)).functions.invoke("invite-staff", { body });
  if (!error) return { status: 200, body: data as Record<string, unknown> };
  const res = (error as { context?: Response }).context;
  return { status: res?.status ?? 0, body: (res ? await res.json() : {}) as Record<string, unknown> };
}

describe("invitation through the invite-staff edge function", () => {
  it("an org admin invites; the invitee opens the mailed link, sets a password, signs in and holds the role", async () => {
    const email = `${unique("invitee")}@example.org`;
    const r = await invite("org", { email, role: "community_admin", org_unit_id: OWN_COMMUNITY, redirect_to: `${APP}/accept-invitation` });
    expect(r).toMatchObject({ status: 200, body: { invitation: "sent", account_exists: false } });

    const m = await latestMail(email);
    expect(m.Subject).toContain("邀请");
    expect(m.Text.indexOf("邀请")).toBeLessThan(m.Text.indexOf("invited")); // Chinese first, English below
    const landed = await openLink(m.link);
    expect(landed.status).toBe(303);
    expect(landed.base).toBe(`${APP}/accept-invitation`);
    expect(landed.fragment.get("type")).toBe("invite");

    const sb = await sessionFrom(landed.fragment);
    expect((await sb.auth.updateUser({ password: "first-password-1" })).error).toBeNull();
    const { sb: again, error } = await signIn(email, "first-password-1");
    expect(error).toBeNull();
    const { data: scope } = await again.rpc("my_scope");
    expect(scope).toMatchObject([{ role: "community_admin", org_unit_id: OWN_COMMUNITY }]);
  });

  it("the invitation email says who invited the person, to which role over which unit, and offers only the link", async () => {
    const email = `${unique("named")}@example.org`;
    await invite("org", { email, role: "community_admin", org_unit_id: OWN_COMMUNITY });
    const [{ display_name: inviter }] = await sql<{ display_name: string }>("select p.display_name from public.staff_profiles p join auth.users u on u.id = p.user_id where u.email = 'org@demo.local'");
    const [{ name: unit }] = await sql<{ name: string }>("select name from public.org_units where id = $1", [OWN_COMMUNITY]);
    expect(inviter).toBeTruthy();
    const m = await latestMail(email);
    expect(m.Text).toContain(`${inviter} 邀请您担任 ${unit} 的 社区管理员`);
    expect(m.Text).toContain(`${inviter} invited you to be community admin of ${unit}`);
    expect(m.HTML).toContain("社区管理员");
    // The app has no page to type a code into: the email shows none.
    expect(m.Text).not.toContain(m.code);
    expect(m.HTML).not.toContain(m.code);
    expect(m.Text).not.toMatch(/验证码|code/i);
  });

  it("a person reads the invitation in the mailbox's web page and clicks its link", async () => {
    const email = `${unique("reader")}@example.org`;
    await invite("org", { email, role: "finance", org_unit_id: OWN_STREET, redirect_to: `${APP}/accept-invitation` });
    const [summary] = await mailsTo(email);
    const list = await (await fetch(inject("mailboxUrl"))).text();
    expect(list).toContain(`/view/${summary.ID}`);
    expect(list).toContain(email);
    const page = await (await fetch(`${inject("mailboxUrl")}/view/${summary.ID}`)).text();
    const { link } = await latestMail(email);
    expect(page).toContain(`href="${link.replace(/&/g, "&amp;")}"`);
    expect(page).toContain("接受邀请");
  });

  it("an invitation link works once", async () => {
    const email = `${unique("once")}@example.org`;
    await invite("org", { email, role: "finance", org_unit_id: OWN_STREET, redirect_to: `${APP}/accept-invitation` });
    const { link } = await latestMail(email);
    expect((await openLink(link)).fragment.get("access_token")).toBeTruthy();
    const second = await openLink(link);
    expect(second.base).toBe(`${APP}/accept-invitation`);
    expect(second.fragment.get("access_token")).toBeNull();
    expect(second.fragment.get("error_code")).toBe("otp_expired");
  });

  it("an app page can accept the invitation with verifyOtp({ token_hash, type: 'invite' })", async () => {
    const email = `${unique("hash")}@example.org`;
    await invite("org", { email, role: "finance", org_unit_id: OWN_STREET });
    const tokenHash = new URL((await latestMail(email)).link).searchParams.get("token")!;
    const sb = client();
    const { data, error } = await sb.auth.verifyOtp({ token_hash: tokenHash, type: "invite" });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
    expect((await client().auth.verifyOtp({ token_hash: tokenHash, type: "invite" })).error?.code).toBe("otp_expired");
  });

  it("inviting again re-sends the invitation and only the newest link works", async () => {
    const email = `${unique("resend")}@example.org`;
    const body = { email, role: "community_admin", org_unit_id: OWN_COMMUNITY };
    expect((await invite("org", body)).body).toMatchObject({ invitation: "sent" });
    const first = await latestMail(email);
    await mailGap();
    expect((await invite("org", body)).body).toMatchObject({ invitation: "resent", already_granted: true });
    expect(await mailsTo(email)).toHaveLength(2);
    const second = await latestMail(email);
    expect(second.link).not.toBe(first.link);
    expect((await openLink(first.link)).fragment.get("error_code")).toBe("otp_expired");
    expect((await openLink(second.link)).fragment.get("type")).toBe("invite");
    expect(await count("select 1 from role_grants where email = $1 and revoked_at is null", [email])).toBe(1);
  });

  it("a street admin cannot invite an org admin, nor anyone outside its street, and no email is sent", async () => {
    const high = `${unique("high")}@example.org`;
    const outside = `${unique("outside")}@example.org`;
    const a = await invite("street", { email: high, role: "org_admin", org_unit_id: DISTRICT });
    const b = await invite("street", { email: outside, role: "community_admin", org_unit_id: OUTSIDE_COMMUNITY });
    expect(a).toMatchObject({ status: 403, body: { code: "grant_not_allowed" } });
    expect(b).toMatchObject({ status: 403, body: { code: "grant_not_allowed" } });
    expect(await mailsTo(high)).toEqual([]);
    expect(await mailsTo(outside)).toEqual([]);
    expect(await count("select 1 from auth.users where email in ($1, $2)", [high, outside])).toBe(0);
    expect(await count("select 1 from role_grants where email in ($1, $2)", [high, outside])).toBe(0);
  });

  it("an address whose account is confirmed is not invited again: the grant holds at once", async () => {
    const email = `${unique("known")}@example.org`;
    await account(email, "known-password-1", true);
    const r = await invite("org", { email, role: "finance", org_unit_id: OWN_STREET });
    expect(r.body).toMatchObject({ invitation: "not_needed", account_exists: true });
    expect(await mailsTo(email)).toEqual([]);
    const { sb } = await signIn(email, "known-password-1");
    expect((await sb.rpc("my_scope")).data).toMatchObject([{ role: "finance", org_unit_id: OWN_STREET }]);
  });

  it("the function refuses callers without a user session", async () => {
    const noAuth = await fetch(`${(client() as unknown as { functionsUrl: URL }).functionsUrl}/invite-staff`, { method: "POST", body: "{}" });
    expect(noAuth.status).toBe(401);
    const { error } = await client().functions.invoke("invite-staff", { body: { email: "x@example.org", role: "finance", org_unit_id: 1 } });
    expect((error as { context: Response }).context.status).toBe(401);
  });

  it("a redirect_to with user info (http://localhost:@outside/) is refused before anything is granted or sent", async () => {
    const email = `${unique("userinfo")}@example.org`;
    for (const redirect_to of ["http://localhost:@3627734734/steal", "http://127.0.0.1:5173@evil.test/", "javascript:alert(1)"]) {
      const r = await invite("org", { email, role: "finance", org_unit_id: OWN_STREET, redirect_to });
      expect(r).toMatchObject({ status: 400, body: { code: "invalid_request" } });
    }
    expect(await mailsTo(email)).toEqual([]);
    expect(await count("select 1 from role_grants where email = $1", [email])).toBe(0);
  });

  it("invalid input is a 400 with a code, never a 500", async () => {
    const r = await invite("org", { email: "not-an-address", role: "finance", org_unit_id: 1 });
    expect(r).toMatchObject({ status: 400, body: { code: "invalid_request" } });
    const s = await invite("org", { email: `${unique("lvl")}@example.org`, role: "team_leader", org_unit_id: OWN_STREET });
    expect(s.status).toBe(422);
    expect(s.body.code).toBe("role_grants_role_level");
  });
});

describe("invitations are bound to a proven address", () => {
  it("a stranger holding an unconfirmed account with the invited address gets nothing", async () => {
    const email = `${unique("taken")}@example.org`;
    const strangerPassword = "stranger-password-1";
    await account(email, strangerPassword, false); // e.g. registered while sign-up was open
    const r = await invite("org", { email, role: "community_admin", org_unit_id: OWN_COMMUNITY, redirect_to: `${APP}/accept-invitation` });
    expect(r.body).toMatchObject({ invitation: "sent" });
    // Until the address is proven, the grant is not linked and the stranger cannot sign in.
    expect(await count("select 1 from role_grants where email = $1 and user_id is not null", [email])).toBe(0);
    expect((await signIn(email, strangerPassword)).error?.code).toBe("email_not_confirmed");
    // The owner of the address accepts: the stranger's password no longer opens the account.
    const landed = await openLink((await latestMail(email)).link);
    const owner = await sessionFrom(landed.fragment);
    expect((await signIn(email, strangerPassword)).error?.code).toBe("invalid_credentials");
    expect((await owner.rpc("my_scope")).data).toMatchObject([{ role: "community_admin" }]);
  });
});

describe("public sign-up is off (config.toml enable_signup = false)", () => {
  it("sign-up is refused with signup_disabled and creates nothing", async () => {
    expect(settings.auth.enableSignup).toBe(false);
    const email = `${unique("signup")}@example.org`;
    const { error } = await client().auth.signUp({ email, password: "secret123" });
    expect(error).toMatchObject({ status: 422, code: "signup_disabled" });
    expect(await count("select 1 from auth.users where email = $1", [email])).toBe(0);
  });

  it("an unconfirmed account cannot sign in", async () => {
    const email = `${unique("unconfirmed")}@example.org`;
    await account(email, "secret-password-1", false);
    const { error } = await signIn(email, "secret-password-1");
    expect(error).toMatchObject({ status: 400, code: "email_not_confirmed" });
  });
});

describe("password recovery", () => {
  it("a recovery link signs in for a new password; the old one stops working", async () => {
    const email = `${unique("forgot")}@example.org`;
    await account(email, "old-password-1", true);
    const { error } = await client().auth.resetPasswordForEmail(email, { redirectTo: `${APP}/reset-password` });
    expect(error).toBeNull();
    const m = await latestMail(email);
    expect(m.Subject).toContain("重置");
    const landed = await openLink(m.link);
    expect(landed.base).toBe(`${APP}/reset-password`);
    expect(landed.fragment.get("type")).toBe("recovery"); // supabase-js emits PASSWORD_RECOVERY for it
    const sb = await sessionFrom(landed.fragment);
    expect((await sb.auth.updateUser({ password: "new-password-2" })).error).toBeNull();
    expect((await signIn(email, "old-password-1")).error?.code).toBe("invalid_credentials");
    expect((await signIn(email, "new-password-2")).error).toBeNull();
  });

  it("the emailed code works with verifyOtp, once", async () => {
    const email = `${unique("otp")}@example.org`;
    await account(email, "old-password-1", true);
    await client().auth.resetPasswordForEmail(email);
    const { code } = await latestMail(email);
    const sb = client();
    const first = await sb.auth.verifyOtp({ email, token: code, type: "recovery" });
    expect(first.error).toBeNull();
    expect(first.data.session?.user.email).toBe(email);
    const second = await client().auth.verifyOtp({ email, token: code, type: "recovery" });
    expect(second.error).toMatchObject({ status: 403, code: "otp_expired" });
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const email = `${unique("nobody")}@example.org`;
    const { data, error } = await client().auth.resetPasswordForEmail(email);
    expect(error).toBeNull();
    expect(data).toEqual({});
    expect(await mailsTo(email)).toEqual([]);
  });

  it("an expired recovery link is refused with otp_expired", async () => {
    const email = `${unique("late")}@example.org`;
    await account(email, "old-password-1", true);
    await client().auth.resetPasswordForEmail(email, { redirectTo: `${APP}/reset-password` });
    const { link } = await latestMail(email);
    await sql("update auth.users set recovery_sent_at = now() - make_interval(secs => $2 + 1) where email = $1", [email, settings.auth.otpExpiry]);
    const landed = await openLink(link);
    expect(landed.base).toBe(`${APP}/reset-password`);
    expect(landed.fragment.get("error_code")).toBe("otp_expired");
    expect(landed.fragment.get("access_token")).toBeNull();
  });

  it("a link never redirects to an origin outside the allow-list", async () => {
    const email = `${unique("redir")}@example.org`;
    await account(email, "old-password-1", true);
    await client().auth.resetPasswordForEmail(email, { redirectTo: "https://evil.example/steal" });
    const landed = await openLink((await latestMail(email)).link);
    expect(landed.base.startsWith(settings.auth.siteUrl)).toBe(true);
  });

  it("verify needs no apikey (it is opened from an email) but the other auth routes do", async () => {
    const r = await request("POST", "/auth/v1/recover", JSON.stringify({ email: "x@example.org" }), { headers: { apikey: "" } });
    expect(r.status).toBe(401);
  });
});
