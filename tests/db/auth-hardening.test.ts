// The local auth against password guessing and bad clients, as Supabase Auth (GoTrue) behaves:
// bcrypt cost 10, sign-in rate limits answering 429 over_request_rate_limit (per email for wrong
// passwords, per client address for all sign-ins), capped request bodies and metadata, refresh
// tokens that may be reused only briefly, redirects only to allow-listed origins as a browser parses
// them, emailed codes that cannot be guessed. Limits come from supabase/config.toml.
import { describe, expect, inject, it } from "vitest";
import { APP, account, latestMail, openLink, request, settings, signIn } from "./auth-helpers.ts";
import { USERS, client, service, sql, unique } from "./helpers.ts";

const signInBody = (email: string, password: string) => JSON.stringify({ email, password });
const TOKEN = "/auth/v1/token?grant_type=password";

describe("password storage", () => {
  it("passwords are bcrypt hashes of cost 10, for seeded, created and changed passwords", async () => {
    const email = `${unique("hash")}@example.org`;
    await account(email, "created-password-1", true);
    const { sb } = await signIn(email, "created-password-1");
    await sb.auth.updateUser({ password: "changed-password-2" });
    const rows = await sql<{ encrypted_password: string }>("select encrypted_password from auth.users where email in ($1, $2)", [USERS.org, email]);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.encrypted_password).toMatch(/^\$2[aby]\$10\$/);
  });

  it("a password longer than bcrypt's 72 bytes is refused; at sign-in only the first 72 bytes count", async () => {
    const email = `${unique("long")}@example.org`;
    const { error } = await service().auth.admin.createUser({ email, password: "密".repeat(25), email_confirm: true }); // 75 bytes
    expect(error).toMatchObject({ status: 400, code: "validation_failed" });
    const exact = "p".repeat(72);
    await account(email, exact, true);
    expect((await signIn(email, `${exact}-ignored-tail`)).error).toBeNull();
    expect((await signIn(email, "p".repeat(71))).error?.code).toBe("invalid_credentials");
  });
});

describe("sign-in rate limits", () => {
  it(`after ${settings.auth.rateLimit.signInFailuresPerEmail} wrong passwords an address answers 429, even to the right password`, async () => {
    const email = `${unique("guess")}@example.org`;
    await account(email, "right-password-1", true);
    const from = "127.0.0.2";
    for (let i = 0; i < settings.auth.rateLimit.signInFailuresPerEmail; i += 1) {
      const r = await request("POST", TOKEN, signInBody(email, `wrong-${i}`), { from });
      expect(r.json.code).toBe("invalid_credentials");
    }
    const blocked = await request("POST", TOKEN, signInBody(email, "right-password-1"), { from });
    expect(blocked).toMatchObject({ status: 429, json: { code: "over_request_rate_limit" } });
    // from another address too: the limit is the account's
    const elsewhere = await request("POST", TOKEN, signInBody(email, "right-password-1"), { from: "127.0.0.4" });
    expect(elsewhere.status).toBe(429);
    // other accounts are unaffected
    expect((await request("POST", TOKEN, signInBody(USERS.finance, "demo123456"), { from })).status).toBe(200);
  });

  it("supabase-js reports the limit as an AuthApiError with code over_request_rate_limit", async () => {
    const email = `${unique("sdk")}@example.org`;
    for (let i = 0; i < settings.auth.rateLimit.signInFailuresPerEmail; i += 1) await client().auth.signInWithPassword({ email, password: "wrong-one" });
    const { error } = await client().auth.signInWithPassword({ email, password: "wrong-one" });
    expect(error).toMatchObject({ status: 429, code: "over_request_rate_limit" });
  });

  it(`one client address gets ${settings.auth.rateLimit.signInSignUps} sign-in attempts per 5 minutes, then 429`, async () => {
    const from = "127.0.0.3";
    const limit = settings.auth.rateLimit.signInSignUps;
    let refused = 0;
    for (let i = 0; i < limit; i += 1) {
      // no password: refused before any hashing, yet counted like every sign-in attempt
      const r = await request("POST", TOKEN, signInBody(`${unique("ip")}@example.org`, ""), { from });
      if (r.status === 429) refused += 1;
    }
    expect(refused).toBe(0);
    const r = await request("POST", TOKEN, signInBody(USERS.finance, "demo123456"), { from });
    expect(r).toMatchObject({ status: 429, json: { code: "over_request_rate_limit" } });
    // the next address is not affected
    expect((await request("POST", TOKEN, signInBody(USERS.finance, "demo123456"), { from: "127.0.0.5" })).status).toBe(200);
  });
});

describe("request bodies", () => {
  it("a body over the limit is refused with 413 and the server keeps answering", async () => {
    const huge = Buffer.alloc(1024 * 1024, "a");
    const r = await request("POST", TOKEN, huge, { from: "127.0.0.6" }).catch((e: NodeJS.ErrnoException) => ({ status: e.code, json: {} }));
    // The server answers 413 and closes; a client still sending may see the reset instead.
    expect([413, "ECONNRESET", "EPIPE"]).toContain(r.status);
    expect((await request("POST", TOKEN, signInBody(USERS.finance, "demo123456"), { from: "127.0.0.6" })).status).toBe(200);
  });

  it("a declared huge body is refused with 413 before it is read", async () => {
    const r = await request("POST", TOKEN, signInBody("a@example.org", "x".repeat(70 * 1024)), { from: "127.0.0.6" });
    expect(r).toMatchObject({ status: 413, json: { code: "request_too_large" } });
  });

  it("malformed JSON is a 400, never a 500", async () => {
    for (const body of ["{", "[1,2]", '"text"', "null", "\u0000"]) {
      const r = await request("POST", TOKEN, body, { from: "127.0.0.6" });
      expect(r).toMatchObject({ status: 400, json: { code: "bad_json" } });
    }
  });

  it("user metadata is capped at 16 KB, so an access token cannot balloon", async () => {
    const { sb } = await signIn(USERS.leader, "demo123456");
    const { error } = await sb.auth.updateUser({ data: { blob: "x".repeat(17 * 1024) } });
    expect(error).toMatchObject({ status: 422, code: "validation_failed" });
    const [u] = await sql<{ n: number }>("select length(raw_user_meta_data::text) as n from auth.users where email = $1", [USERS.leader]);
    expect(u.n).toBeLessThan(1024);
  });

  it("a display name over 40 characters never makes the auth answer 500", async () => {
    const key = inject("serviceKey");
    const body = JSON.stringify({ email: `${unique("dn")}@example.org`, password: "secret-123", user_metadata: { display_name: "长".repeat(41) } });
    const r = await request("POST", "/auth/v1/admin/users", body, { headers: { apikey: key, authorization: `Bearer ${key}` } });
    // refused by the profile's check (422 validation_failed) or accepted with the name cut to 40
    expect(r.status).toBeLessThan(500);
    if (r.status !== 200) expect(r.json.code).toBe("validation_failed");
  });
});

describe("refresh tokens", () => {
  it(`a used refresh token answers within ${settings.auth.refreshTokenReuseInterval} s with the session's current token`, async () => {
    const { data } = await client().auth.signInWithPassword({ email: USERS.finance, password: "demo123456" });
    const token = data.session!.refresh_token;
    const first = await client().auth.refreshSession({ refresh_token: token });
    const second = await client().auth.refreshSession({ refresh_token: token });
    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(second.data.session!.refresh_token).toBe(first.data.session!.refresh_token);
  });

  it("an old refresh token replayed after the reuse interval revokes the whole session", async () => {
    const { data } = await client().auth.signInWithPassword({ email: USERS.finance, password: "demo123456" });
    const stolen = data.session!.refresh_token;
    const second = await client().auth.refreshSession({ refresh_token: stolen });
    const third = await client().auth.refreshSession({ refresh_token: second.data.session!.refresh_token });
    expect(third.error).toBeNull();
    // as if the interval had passed (no sleeping in tests)
    await sql("update auth.refresh_tokens set updated_at = now() - make_interval(secs => $2 + 1) where token = $1", [stolen, settings.auth.refreshTokenReuseInterval]);
    const replay = await client().auth.refreshSession({ refresh_token: stolen });
    expect(replay.error).toMatchObject({ code: "refresh_token_already_used" });
    const owner = await client().auth.refreshSession({ refresh_token: third.data.session!.refresh_token });
    expect(owner.error).not.toBeNull();
  });
});

describe("redirects after an emailed link", () => {
  /** Where GET /verify sends the browser for this redirect_to (a wrong token: the error lands there too). */
  async function landing(redirectTo: string): Promise<string> {
    const r = await fetch(`${inject("apiUrl")}/auth/v1/verify?type=recovery&token=wrong&redirect_to=${encodeURIComponent(redirectTo)}`, { redirect: "manual" });
    expect(r.status).toBe(303);
    return (r.headers.get("location") ?? "").split("#")[0];
  }

  it("a recovery link with redirect_to http://localhost:@<outside IP>/ sends the session to site_url, not outside", async () => {
    const email = `${unique("takeover")}@example.org`;
    await account(email, "old-password-1", true);
    const evil = "http://localhost:@3627734734/steal"; // a browser reads `localhost:` as user info: host 216.58.214.206
    const r = await request("POST", `/auth/v1/recover?redirect_to=${encodeURIComponent(evil)}`, JSON.stringify({ email }), { from: "127.0.0.8" });
    expect(r.status).toBe(200);
    const landed = await openLink((await latestMail(email)).link);
    expect(landed.fragment.get("access_token")).toBeTruthy();
    const to = new URL(landed.base);
    expect([to.origin, to.username, to.pathname]).toEqual([new URL(settings.auth.siteUrl).origin, "", "/"]);
  });

  it("tricky redirect_to forms fall back to site_url: user info, @, backslashes, IPv6, look-alike hosts, //, encodings, javascript:", async () => {
    const refused = [
      "http://localhost:@3627734734/steal",
      "http://localhost:@evil.test/steal",
      "http://localhost:5173@evil.test/",
      "http://localhost:5173:x@evil.test/",
      "http://127.0.0.1:5173:pass@evil.test/",
      "http://evil@127.0.0.1:5173/", // user info even on site_url's host
      "http://localhost%3A5173@evil.test/",
      "http://localhost:5173%40evil.test/",
      "http://localhost.evil.test:5173/",
      "http://localhost%2eevil.test:5173/",
      "http://127.0.0.1.nip.io:5173/",
      "http://[::1]:5173/",
      "http://[::ffff:d83a:d6ce]:5173/",
      "//evil.test/steal",
      "/\\evil.test/steal",
      "javascript:alert(1)//http://localhost:5173/",
      "data:text/html,<script>alert(1)</script>",
      "ftp://localhost:5173/",
      "http://evil.test#@localhost:5173/",
      "http://evil.test?@localhost:5173/",
      "not a url",
    ];
    for (const target of refused) expect([target, await landing(target)]).toEqual([target, settings.auth.siteUrl]);
  });

  it("allow-listed targets still work, in the form a browser reads them", async () => {
    expect(await landing(`${APP}/reset-password`)).toBe(`${APP}/reset-password`);
    expect(await landing("http://localhost:4173/accept-invitation?from=mail")).toBe("http://localhost:4173/accept-invitation?from=mail");
    expect(await landing("HTTP://LOCALHOST:4173/a")).toBe("http://localhost:4173/a");
    // a backslash is a path separator for a browser: the host stays localhost
    const backslash = new URL(await landing("http://localhost:5173\\@evil.test/"));
    expect([backslash.hostname, backslash.username]).toEqual(["localhost", ""]);
    // no port where the pattern has `:*` is not admitted
    expect(await landing("http://localhost/x")).toBe(settings.auth.siteUrl);
  });
});

describe("emailed codes cannot be guessed", () => {
  const n = settings.auth.rateLimit.otpFailuresPerEmail;

  it(`after ${n} wrong codes for one address its pending code is void, even the right one; a new email works`, async () => {
    const email = `${unique("otpguess")}@example.org`;
    await account(email, "old-password-1", true);
    expect((await request("POST", "/auth/v1/recover", JSON.stringify({ email }), { from: "127.0.0.9" })).status).toBe(200);
    const { code, link } = await latestMail(email);
    const wrong = (i: number) => String((Number(code) + 1 + i) % 10 ** settings.auth.otpLength).padStart(settings.auth.otpLength, "0");
    for (let i = 0; i < n; i += 1) {
      const r = await request("POST", "/auth/v1/verify", JSON.stringify({ type: "recovery", email, token: wrong(i) }), { from: "127.0.0.9" });
      expect(r).toMatchObject({ status: 403, json: { code: "otp_expired" } });
    }
    const right = await request("POST", "/auth/v1/verify", JSON.stringify({ type: "recovery", email, token: code }), { from: "127.0.0.10" });
    expect(right).toMatchObject({ status: 403, json: { code: "otp_expired" } });
    expect((await openLink(link)).fragment.get("error_code")).toBe("otp_expired");
    // the owner asks again and the new code works
    await new Promise((r) => setTimeout(r, settings.auth.maxFrequency * 1000 + 100));
    await request("POST", "/auth/v1/recover", JSON.stringify({ email }), { from: "127.0.0.9" });
    let fresh = await latestMail(email);
    for (let i = 0; fresh.code === code && i < 50; i += 1) {
      await new Promise((r) => setTimeout(r, 100)); // the recovery email is sent after the answer
      fresh = await latestMail(email);
    }
    const again = await request("POST", "/auth/v1/verify", JSON.stringify({ type: "recovery", email, token: fresh.code }), { from: "127.0.0.9" });
    expect(again.status).toBe(200);
  });

  it("an invitation code is voided the same way", async () => {
    const email = `${unique("invguess")}@example.org`;
    const key = inject("serviceKey");
    const invited = await request("POST", "/auth/v1/invite", JSON.stringify({ email }), { headers: { apikey: key, authorization: `Bearer ${key}` } });
    expect(invited.status).toBe(200);
    const { code } = await latestMail(email);
    for (let i = 0; i < n; i += 1) {
      const token = String(100000 + i) === code ? "999999" : String(100000 + i);
      await request("POST", "/auth/v1/verify", JSON.stringify({ type: "invite", email, token }), { from: "127.0.0.11" });
    }
    const right = await request("POST", "/auth/v1/verify", JSON.stringify({ type: "invite", email, token: code }), { from: "127.0.0.11" });
    expect(right).toMatchObject({ status: 403, json: { code: "otp_expired" } });
    const [u] = await sql<{ confirmation_token: string; email_confirmed_at: Date | null }>(
      "select confirmation_token, email_confirmed_at from auth.users where email = $1",
      [email],
    );
    expect(u).toEqual({ confirmation_token: "", email_confirmed_at: null });
  });
});
