// The subset of the Supabase Auth (GoTrue) HTTP API that supabase-js uses, over the same
// auth.users / auth.refresh_tokens tables a hosted project has. Tokens are HS256 JWTs that
// PostgREST verifies with the shared secret. Behaviour follows GoTrue and the settings in
// supabase/config.toml (settings.ts): sign-up off, unconfirmed emails refused, invite / verify /
// recover with single-use hashed tokens mailed to the local mailbox, bcrypt cost 10, sign-in
// rate limits (429 over_request_rate_limit), capped and timed request bodies. Redirect targets are
// checked on the URL a browser parses (redirectTarget); only emails really sent spend email_sent;
// emailed codes are voided after otp_failures_per_email wrong guesses for one address.
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { jwtVerify, SignJWT } from "jose";
import type pg from "pg";
import { BodyError, readBody } from "./body.ts";
import type { StackConfig } from "./config.ts";
import { authEmail, type EmailKind } from "./emails.ts";
import type { Mailbox } from "./mailbox.ts";
import type { AuthSettings } from "./settings.ts";

const API_VERSION_HEADER = { "X-Supabase-Api-Version": "2024-01-01" };
/** bcrypt cost, as GoTrue (golang.org/x/crypto/bcrypt DefaultCost); bcrypt reads the first 72 bytes. */
export const BCRYPT_COST = 10;
const HASH = `extensions.crypt($2, extensions.gen_salt('bf', ${BCRYPT_COST}))`;
/** Bodies of /auth/v1 requests: GoTrue's requests are a few hundred bytes. */
export const AUTH_BODY_LIMIT = 64 * 1024;
export const AUTH_BODY_TIMEOUT_MS = 10_000;
/** user_metadata is copied into every access token: keep tokens small. */
export const USER_METADATA_LIMIT = 16 * 1024;
const WINDOW_MS = 5 * 60 * 1000;

interface UserRow {
  id: string;
  aud: string;
  role: string;
  email: string;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

export class AuthError extends Error {
  /** close: the rest of the request body was not read, so the connection must not be reused */
  constructor(readonly status: number, readonly code: string, message: string, readonly close = false) {
    super(message);
  }
}

const rateLimited = () => new AuthError(429, "over_request_rate_limit", "Request rate limit reached");

/** Sliding-window counters in memory, as GoTrue keeps its per-IP limiters. */
export class Limiter {
  private readonly hits = new Map<string, number[]>();

  count(key: string, windowMs: number): number {
    const now = Date.now();
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list.length;
  }

  /** Records one hit; false when the key already had `limit` hits in the window. */
  take(key: string, limit: number, windowMs: number): boolean {
    if (this.count(key, windowMs) >= limit) return false;
    this.add(key);
    return true;
  }

  add(key: string) {
    const list = this.hits.get(key) ?? [];
    list.push(Date.now());
    this.hits.set(key, list);
    if (this.hits.size > 100_000) this.prune();
  }

  clear(key: string) {
    this.hits.delete(key);
  }

  private prune() {
    const now = Date.now();
    for (const [k, v] of this.hits) if (v.every((t) => now - t > 3600_000)) this.hits.delete(k);
  }
}

function userJson(u: UserRow) {
  return {
    id: u.id,
    aud: u.aud,
    role: u.role,
    email: u.email,
    email_confirmed_at: u.email_confirmed_at,
    phone: "",
    confirmed_at: u.email_confirmed_at,
    invited_at: u.invited_at ?? undefined,
    confirmation_sent_at: u.confirmation_sent_at ?? undefined,
    recovery_sent_at: u.recovery_sent_at ?? undefined,
    last_sign_in_at: u.last_sign_in_at,
    app_metadata: u.raw_app_meta_data ?? { provider: "email", providers: ["email"] },
    user_metadata: u.raw_user_meta_data ?? {},
    identities: [],
    created_at: u.created_at,
    updated_at: u.updated_at,
    is_anonymous: false,
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await readBody(req, { limitBytes: AUTH_BODY_LIMIT, timeoutMs: AUTH_BODY_TIMEOUT_MS });
  } catch (e) {
    if (e instanceof BodyError) throw new AuthError(e.status, e.code, e.message, true);
    throw e;
  }
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new AuthError(400, "bad_json", "Could not parse request body as JSON");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AuthError(400, "bad_json", "Request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, body: unknown, close = false) {
  res.writeHead(status, { "Content-Type": "application/json", ...API_VERSION_HEADER, ...(close ? { Connection: "close" } : {}) });
  res.end(body === undefined ? "" : JSON.stringify(body), () => {
    if (close) res.socket?.destroySoon?.();
  });
}

function emailOf(v: unknown): string {
  if (typeof v !== "string" || v.length > 255 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim())) {
    throw new AuthError(400, "validation_failed", "Unable to validate email address: invalid format");
  }
  return v.trim().toLowerCase();
}

function metadataOf(v: unknown): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== "object" || Array.isArray(v)) throw new AuthError(400, "validation_failed", "user metadata must be a JSON object");
  if (Buffer.byteLength(JSON.stringify(v)) > USER_METADATA_LIMIT) {
    throw new AuthError(422, "validation_failed", `user metadata is larger than ${USER_METADATA_LIMIT} bytes`);
  }
  return v as Record<string, unknown>;
}

/** GoTrue's token hash: hex sha224 of email + one-time code. The link carries it; the row stores it. */
function tokenHash(email: string, otp: string): string {
  return crypto.createHash("sha224").update(email + otp).digest("hex");
}

/** One entry of additional_redirect_urls, taken apart: scheme, exact host, port glob, path glob. */
interface RedirectPattern {
  protocol: string;
  hostname: string;
  port: RegExp;
  path: RegExp;
  /** the path pattern ends in `**`: any query and fragment may follow, as GoTrue's glob allows */
  open: boolean;
}

/** Path globs as GoTrue reads them: `*` stops at `.` and `/`, `**` does not. */
function pathGlob(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i += 1) {
    const ch = glob[i];
    if (ch === "*" && glob[i + 1] === "*") {
      re += ".*";
      i += 1;
    } else if (ch === "*") re += "[^./]*";
    else if (ch === "?") re += "[^./]";
    else re += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** Parses `http://localhost:*\/**`-style patterns. The host must be literal (no wildcard): a glob over
 *  the raw text let `http://localhost:@evil/` through, since a browser reads `localhost:` as user info. */
export function redirectPattern(pattern: string): RedirectPattern {
  const m = /^(https?):\/\/([^/:?#@\\\s*]+|\[[0-9a-fA-F:.]+\])(?::([0-9*]+))?(\/[^?#\s]*)?$/.exec(pattern);
  if (!m) {
    throw new Error(
      `supabase/config.toml: additional_redirect_urls entry ${JSON.stringify(pattern)} is not supported by the local auth ` +
        "(scheme://exact-host[:port or *][/path with * or **])",
    );
  }
  const hostname = new URL(`${m[1]}://${m[2]}/`).hostname; // lower case, IP forms normalised as a browser does
  const defaultPort = m[1] === "https" ? "443" : "80";
  const literal = m[3] === undefined || m[3] === defaultPort ? "" : m[3];
  const port = new RegExp(`^${literal.replace(/\*/g, "\\d*")}$`);
  const path = m[4] ?? "/";
  return { protocol: `${m[1]}:`, hostname, port, path: pathGlob(path), open: path.endsWith("**") };
}

/** Whether a parsed URL is one the pattern admits (compares the parts a browser will use). */
function patternAdmits(p: RedirectPattern, u: URL): boolean {
  if (u.protocol !== p.protocol || u.hostname !== p.hostname) return false;
  if (!p.port.test(u.port) || (p.port.source !== "^$" && u.port === "")) return false;
  if (!p.path.test(u.pathname)) return false;
  return p.open || (u.search === "" && u.hash === "");
}

type VerifyType = "invite" | "recovery" | "signup" | "email" | "magiclink" | "email_change";

export class Auth {
  private readonly key: Uint8Array;
  private readonly limiter = new Limiter();
  private readonly allow: RedirectPattern[];
  private dummyHash?: Promise<string>;

  constructor(
    private readonly c: StackConfig,
    private readonly pool: pg.Pool,
    private readonly s: AuthSettings,
    private readonly mailbox?: Mailbox,
  ) {
    this.key = new TextEncoder().encode(c.jwtSecret);
    this.allow = s.additionalRedirectUrls.map(redirectPattern);
  }

  get externalUrl() {
    return `http://127.0.0.1:${this.c.apiPort}`;
  }

  async verify(token: string) {
    const { payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"] });
    return payload;
  }

  /** The one place a redirect target is chosen (invite, recover, sign-up, verify): the URL as a browser
   *  parses it (WHATWG), never with user info, http(s) only, on site_url's host (as GoTrue) or admitted
   *  by an allow-list pattern part by part (scheme, exact host, port, path). Answers the URL's own
   *  serialisation, so what was checked is what the browser gets; anything else falls back to site_url. */
  redirectTarget(requested: string | null | undefined): string {
    if (!requested) return this.s.siteUrl;
    let u: URL;
    let site: URL;
    try {
      u = new URL(requested);
      site = new URL(this.s.siteUrl);
    } catch {
      return this.s.siteUrl; // not an absolute URL (e.g. `//evil.test`)
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") return this.s.siteUrl;
    if (u.username !== "" || u.password !== "") return this.s.siteUrl;
    if (u.hostname === site.hostname || this.allow.some((p) => patternAdmits(p, u))) return u.href;
    return this.s.siteUrl;
  }

  private async accessToken(u: UserRow, sessionId: string, method: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      aud: "authenticated",
      sub: u.id,
      email: u.email,
      phone: "",
      app_metadata: u.raw_app_meta_data ?? {},
      user_metadata: u.raw_user_meta_data ?? {},
      role: "authenticated",
      aal: "aal1",
      amr: [{ method, timestamp: now }],
      session_id: sessionId,
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(`${this.externalUrl}/auth/v1`)
      .setIssuedAt(now)
      .setExpirationTime(now + this.s.jwtExpiry)
      .sign(this.key);
  }

  private async session(u: UserRow, sessionId: string, parent: string | null, method = "password", reuse?: string) {
    let refresh = reuse;
    if (!refresh) {
      refresh = crypto.randomBytes(24).toString("base64url");
      await this.pool.query(
        `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id)
         values ($1, $2, false, now(), now(), $3, $4)`,
        [refresh, u.id, parent, sessionId],
      );
    }
    const now = Math.floor(Date.now() / 1000);
    return {
      access_token: await this.accessToken(u, sessionId, method),
      token_type: "bearer",
      expires_in: this.s.jwtExpiry,
      expires_at: now + this.s.jwtExpiry,
      refresh_token: refresh,
      user: userJson(u),
    };
  }

  private async userById(id: string): Promise<UserRow> {
    const r = await this.pool.query<UserRow>("select * from auth.users where id = $1 and deleted_at is null", [id]);
    if (!r.rows[0]) throw new AuthError(403, "user_not_found", "User from sub claim in JWT does not exist");
    return r.rows[0];
  }

  /** The live account of an address (already lower-cased), if any. */
  private async userByEmail(email: string): Promise<UserRow | undefined> {
    const r = await this.pool.query<UserRow>("select * from auth.users where lower(email) = $1 and deleted_at is null", [email]);
    return r.rows[0];
  }

  private async bearerUser(req: IncomingMessage) {
    const token = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    let claims;
    try {
      claims = await this.verify(token);
    } catch {
      throw new AuthError(403, "bad_jwt", "invalid JWT: unable to parse or verify signature");
    }
    if (claims.role !== "authenticated" || typeof claims.sub !== "string") {
      throw new AuthError(403, "bad_jwt", "invalid claim: missing sub claim");
    }
    return { user: await this.userById(claims.sub), sessionId: String(claims.session_id ?? "") };
  }

  private async requireServiceRole(req: IncomingMessage) {
    const token = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    const claims = await this.verify(token).catch(() => undefined);
    if (claims?.role !== "service_role") throw new AuthError(403, "not_admin", "User not allowed");
  }

  private password(v: unknown): string {
    if (typeof v !== "string" || [...v].length < this.s.minimumPasswordLength) {
      throw new AuthError(422, "weak_password", `Password should be at least ${this.s.minimumPasswordLength} characters.`);
    }
    if (v.includes("\u0000")) throw new AuthError(422, "weak_password", "Password contains a NUL character.");
    // bcrypt reads 72 bytes: GoTrue refuses longer passwords rather than silently ignoring the rest.
    if (Buffer.byteLength(v) > 72) throw new AuthError(400, "validation_failed", "Password cannot be longer than 72 characters");
    return v;
  }

  private async createUser(email: string, password: string | null, userMeta: Record<string, unknown>, confirm: boolean): Promise<UserRow> {
    try {
      const r = await this.pool.query<UserRow>(
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
           raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token)
         values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
           case when $2::text is null then '' else ${HASH} end, case when $4 then now() end,
           '{"provider":"email","providers":["email"]}', $3, now(), now(), '', '')
         returning *`,
        [email, password, JSON.stringify(userMeta), confirm],
      );
      return r.rows[0];
    } catch (e) {
      if ((e as { code?: string }).code === "23505") {
        throw new AuthError(422, "email_exists", "A user with this email address has already been registered");
      }
      throw e;
    }
  }

  /** At most one email per address per max_frequency (counted for every address, existing or not). */
  private emailFrequency(email: string) {
    const gap = Math.max(1, this.s.maxFrequency) * 1000;
    if (!this.limiter.take(`mailto:${email}`, 1, gap)) {
      throw new AuthError(429, "over_email_send_rate_limit", `For security purposes, you can only request this after ${Math.ceil(gap / 1000)} seconds.`);
    }
  }

  /** email_sent per hour in all: takes one email from the budget; false when it is spent.
   *  Called only right before an email is really sent, so requests that send nothing cost nothing. */
  private emailBudget(): boolean {
    return this.limiter.take("mail:all", this.s.rateLimit.emailSent, 3600_000);
  }

  private emailAllowed(email: string) {
    this.emailFrequency(email);
    if (!this.emailBudget()) throw new AuthError(429, "over_email_send_rate_limit", "Email rate limit exceeded");
  }

  /** Makes a one-time code, stores its hash in the row and mails the link. */
  private async mailLink(u: UserRow, kind: EmailKind, redirectTo: string) {
    const otp = String(crypto.randomInt(0, 10 ** this.s.otpLength)).padStart(this.s.otpLength, "0");
    const hash = tokenHash(u.email, otp);
    if (kind === "recovery") {
      await this.pool.query("update auth.users set recovery_token = $2, recovery_sent_at = now() where id = $1", [u.id, hash]);
    } else if (kind === "invite") {
      await this.pool.query("update auth.users set confirmation_token = $2, invited_at = now(), confirmation_sent_at = now() where id = $1", [u.id, hash]);
    } else {
      await this.pool.query("update auth.users set confirmation_token = $2, confirmation_sent_at = now() where id = $1", [u.id, hash]);
    }
    const link = `${this.externalUrl}/auth/v1/verify?token=${hash}&type=${kind}&redirect_to=${encodeURIComponent(redirectTo)}`;
    const valid = kind === "invite" ? this.s.inviteExpiry : this.s.otpExpiry;
    this.limiter.clear(`otpfail:${u.email.toLowerCase()}`);
    this.mailbox?.deliver(authEmail(kind, u.email, link, otp, valid, u.raw_user_meta_data));
  }

  /** Consumes a one-time token (single use, expiring) and returns the user, or throws otp_expired. */
  private async consume(type: VerifyType, hash: string, email?: string): Promise<UserRow> {
    const recovery = type === "recovery" || type === "magiclink"; // GoTrue keeps magic links in recovery_token
    const column = recovery ? "recovery_token" : "confirmation_token";
    const sentAt = recovery ? "recovery_sent_at" : type === "invite" ? "coalesce(invited_at, confirmation_sent_at)" : "confirmation_sent_at";
    const ttl = type === "invite" ? this.s.inviteExpiry : this.s.otpExpiry;
    // A recovery link also proves the address, as in GoTrue. An account that was unconfirmed until
    // now loses any password set before the address was proven (someone who registered a stranger's
    // address first must not sign in once the real owner accepts): the owner sets one next.
    const clearPassword = type === "invite" || type === "recovery";
    const r = await this.pool.query<UserRow>(
      `update auth.users set ${column} = '', email_confirmed_at = coalesce(email_confirmed_at, now()),
              encrypted_password = case when email_confirmed_at is null and $4 then '' else encrypted_password end,
              last_sign_in_at = now(), updated_at = now()
        where ${column} = $1 and ${column} <> '' and deleted_at is null
          and ${sentAt} > now() - make_interval(secs => $2)
          and ($3::text is null or lower(email) = $3)
        returning *`,
      [hash, ttl, email ?? null, clearPassword],
    );
    if (!r.rows[0]) throw new AuthError(403, "otp_expired", "Email link is invalid or has expired");
    return r.rows[0];
  }

  private verifyTypeOf(v: unknown): VerifyType {
    const t = String(v ?? "");
    if (["invite", "recovery", "signup", "email", "magiclink"].includes(t)) return t as VerifyType;
    throw new AuthError(400, "validation_failed", `Verify requires a verification type (${t || "none"} is not supported here)`);
  }

  private clientIp(req: IncomingMessage): string {
    return req.socket.remoteAddress ?? "unknown";
  }

  private async signIn(req: IncomingMessage, body: Record<string, unknown>) {
    if (!this.limiter.take(`signin:${this.clientIp(req)}`, this.s.rateLimit.signInSignUps, WINDOW_MS)) throw rateLimited();
    const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
    const password = typeof body.password === "string" ? body.password : "";
    if (!email || !password || password.includes("\u0000")) throw new AuthError(400, "invalid_credentials", "Invalid login credentials");
    const failures = `fail:${email}`;
    if (this.limiter.count(failures, WINDOW_MS) >= this.s.rateLimit.signInFailuresPerEmail) throw rateLimited();
    this.dummyHash ??= this.pool
      .query<{ h: string }>(`select extensions.crypt('no such user', extensions.gen_salt('bf', ${BCRYPT_COST})) as h`)
      .then((r) => r.rows[0].h);
    // The same bcrypt work whether or not the address exists (no timing oracle for accounts).
    const r = await this.pool.query<UserRow & { attempt: string }>(
      `select u.*, extensions.crypt($2, coalesce(nullif(u.encrypted_password, ''), $3)) as attempt
         from (select 1) one left join auth.users u on lower(u.email) = $1 and u.deleted_at is null`,
      [email, password, await this.dummyHash],
    );
    const u = r.rows[0];
    if (!u?.id || !u.encrypted_password || u.attempt !== u.encrypted_password) {
      this.limiter.add(failures);
      throw new AuthError(400, "invalid_credentials", "Invalid login credentials");
    }
    if (this.s.enableConfirmations && !u.email_confirmed_at) {
      throw new AuthError(400, "email_not_confirmed", "Email not confirmed");
    }
    this.limiter.clear(failures);
    const signed = await this.pool.query<UserRow>("update auth.users set last_sign_in_at = now() where id = $1 returning *", [u.id]);
    return this.session(signed.rows[0], crypto.randomUUID(), null, "password");
  }

  /** Refresh-token rotation as GoTrue: a used token that is the parent of the session's current
   *  token answers with that token (the client lost the answer); another used token answers within
   *  the reuse interval; presented later, it revokes the whole session (a stolen token). */
  private async refresh(req: IncomingMessage, body: Record<string, unknown>) {
    if (!this.limiter.take(`refresh:${this.clientIp(req)}`, this.s.rateLimit.tokenRefresh, WINDOW_MS)) throw rateLimited();
    const token = String(body.refresh_token ?? "");
    const rotated = await this.pool.query<{ user_id: string; session_id: string; token: string }>(
      `update auth.refresh_tokens set revoked = true, updated_at = now()
        where token = $1 and not revoked returning user_id, session_id, token`,
      [token],
    );
    const row = rotated.rows[0];
    if (row) return this.session(await this.userById(row.user_id), row.session_id, row.token, "password");
    const used = await this.pool.query<{ user_id: string; session_id: string; recent: boolean; active: string | null; active_parent: string | null }>(
      `select t.user_id, t.session_id, t.updated_at > now() - make_interval(secs => $2) as recent, a.token as active, a.parent as active_parent
         from auth.refresh_tokens t
         left join lateral (select token, parent from auth.refresh_tokens
                             where session_id = t.session_id and not revoked order by id desc limit 1) a on true
        where t.token = $1`,
      [token, this.s.refreshTokenReuseInterval],
    );
    const old = used.rows[0];
    if (!old) throw new AuthError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
    if (old.active && old.active_parent === token) {
      return this.session(await this.userById(old.user_id), old.session_id, null, "password", old.active);
    }
    if (old.recent && old.active) return this.session(await this.userById(old.user_id), old.session_id, token, "password");
    await this.pool.query("update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1", [old.session_id]);
    throw new AuthError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
  }

  private async invite(req: IncomingMessage, query: URLSearchParams) {
    await this.requireServiceRole(req);
    const body = await readJson(req);
    const email = emailOf(body.email);
    const meta = metadataOf(body.data);
    const redirect = this.redirectTarget(query.get("redirect_to") ?? (body.redirect_to as string | undefined));
    let user = await this.userByEmail(email);
    if (user?.email_confirmed_at) {
      throw new AuthError(422, "email_exists", "A user with this email address has already been registered");
    }
    this.emailAllowed(email);
    if (!user) user = await this.createUser(email, null, meta, false);
    else if (Object.keys(meta).length) {
      user = (await this.pool.query<UserRow>("update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1 returning *", [user.id, JSON.stringify(meta)])).rows[0];
    }
    await this.mailLink(user, "invite", redirect);
    return userJson(await this.userById(user.id));
  }

  /** Answers 200 {} as soon as the request is accepted, before looking the address up: an existing
   *  account and an unknown address take the same steps before the answer (no timing oracle); the
   *  lookup and the email follow in the background. Only a really sent email spends email_sent; when
   *  the budget is spent the answer stays 200 (no enumeration), nothing is sent and the log says so. */
  private async recover(req: IncomingMessage, query: URLSearchParams) {
    if (!this.limiter.take(`recover:${this.clientIp(req)}`, this.s.rateLimit.recoverPerClient, WINDOW_MS)) throw rateLimited();
    const body = await readJson(req);
    const email = emailOf(body.email);
    const redirect = this.redirectTarget(query.get("redirect_to") ?? (body.redirect_to as string | undefined));
    // Counted for every address, existing or not, so the answer never tells whether an account exists.
    this.emailFrequency(email);
    return () => this.sendRecovery(email, redirect);
  }

  private async sendRecovery(email: string, redirect: string) {
    try {
      const user = await this.userByEmail(email);
      if (!user) return;
      if (!this.emailBudget()) {
        console.warn(`[auth] email_sent budget (${this.s.rateLimit.emailSent}/hour) spent: recovery email to ${email} not sent`);
        return;
      }
      await this.mailLink(user, "recovery", redirect);
    } catch (e) {
      console.error("[auth] recovery email failed", e);
    }
  }

  private async verifyLink(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    const redirect = this.redirectTarget(query.get("redirect_to"));
    const base = redirect.split("#")[0];
    const fail = (code: string, description: string, error = "access_denied") => {
      const f = new URLSearchParams({ error, error_code: code, error_description: description, sb: "" });
      res.writeHead(303, { Location: `${base}#${f}`, ...API_VERSION_HEADER });
      res.end();
    };
    if (!this.limiter.take(`verify:${this.clientIp(req)}`, this.s.rateLimit.tokenVerifications, WINDOW_MS)) {
      return fail("over_request_rate_limit", "Request rate limit reached", "server_error");
    }
    let type: VerifyType;
    try {
      type = this.verifyTypeOf(query.get("type"));
    } catch {
      return fail("validation_failed", "Verify requires a verification type", "invalid_request");
    }
    const hash = query.get("token") ?? "";
    let user: UserRow;
    try {
      user = await this.consume(type, hash);
    } catch (e) {
      if (e instanceof AuthError) return fail(e.code, e.message);
      throw e;
    }
    const s = await this.session(user, crypto.randomUUID(), null, type === "recovery" ? "recovery" : type === "invite" ? "invite" : "otp");
    const f = new URLSearchParams({
      access_token: s.access_token,
      expires_at: String(s.expires_at),
      expires_in: String(s.expires_in),
      refresh_token: s.refresh_token,
      token_type: "bearer",
      type,
    });
    res.writeHead(303, { Location: `${base}#${f}`, ...API_VERSION_HEADER });
    res.end();
  }

  private async verifyPost(req: IncomingMessage) {
    if (!this.limiter.take(`verify:${this.clientIp(req)}`, this.s.rateLimit.tokenVerifications, WINDOW_MS)) throw rateLimited();
    const body = await readJson(req);
    const type = this.verifyTypeOf(body.type);
    let user: UserRow;
    try {
      if (typeof body.token_hash === "string" && body.token_hash) {
        user = await this.consume(type, body.token_hash);
      } else {
        const email = emailOf(body.email);
        user = await this.consumeCode(type, email, String(body.token ?? ""));
      }
    } catch (e) {
      if (e instanceof AuthError && e.code === "otp_expired") throw new AuthError(403, "otp_expired", "Token has expired or is invalid");
      throw e;
    }
    return this.session(user, crypto.randomUUID(), null, type === "recovery" ? "recovery" : "otp");
  }

  /** A typed one-time code (6 digits) for one address. After otp_failures_per_email wrong codes
   *  the address's pending codes are voided: guessing stops there, the owner asks for a new email. */
  private async consumeCode(type: VerifyType, email: string, code: string): Promise<UserRow> {
    const failures = `otpfail:${email}`;
    try {
      const user = await this.consume(type, tokenHash(email, code), email);
      this.limiter.clear(failures);
      return user;
    } catch (e) {
      if (!(e instanceof AuthError) || e.code !== "otp_expired") throw e;
      this.limiter.add(failures);
      if (this.limiter.count(failures, Math.max(this.s.otpExpiry, this.s.inviteExpiry) * 1000) >= this.s.rateLimit.otpFailuresPerEmail) {
        await this.pool.query(
          "update auth.users set confirmation_token = '', recovery_token = '', updated_at = now() where lower(email) = $1 and deleted_at is null",
          [email],
        );
        this.limiter.clear(failures);
        console.warn(`[auth] ${this.s.rateLimit.otpFailuresPerEmail} wrong codes for ${email}: its pending email codes are void`);
      }
      throw e;
    }
  }

  private async updateUser(req: IncomingMessage) {
    const { user } = await this.bearerUser(req);
    const body = await readJson(req);
    if (body.password !== undefined) {
      const password = this.password(body.password);
      await this.pool.query(`update auth.users set encrypted_password = ${HASH}, updated_at = now() where id = $1`, [user.id, password]);
    }
    if (body.data !== undefined) {
      const merged = { ...(user.raw_user_meta_data ?? {}), ...metadataOf(body.data) };
      metadataOf(merged);
      await this.pool.query("update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1", [user.id, JSON.stringify(merged)]);
    }
    if (body.email !== undefined && emailOf(body.email) !== user.email) {
      throw new AuthError(422, "email_change_not_supported", "Changing the sign-in email is not supported by the local auth");
    }
    return userJson(await this.userById(user.id));
  }

  private settingsJson() {
    return {
      external: { email: true, phone: false },
      disable_signup: !this.s.enableSignup,
      mailer_autoconfirm: !this.s.enableConfirmations,
      phone_autoconfirm: false,
      sms_provider: "",
      saml_enabled: false,
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, subpath: string, query: URLSearchParams): Promise<void> {
    try {
      const method = req.method ?? "GET";
      if (subpath === "/health") return send(res, 200, { version: "local", name: "GoTrue", description: "local subset" });
      if (subpath === "/settings") return send(res, 200, this.settingsJson());
      if (subpath === "/token" && method === "POST") {
        const body = await readJson(req);
        const grant = query.get("grant_type");
        if (grant === "password") return send(res, 200, await this.signIn(req, body));
        if (grant === "refresh_token") return send(res, 200, await this.refresh(req, body));
        throw new AuthError(400, "unsupported_grant_type", "unsupported_grant_type");
      }
      if (subpath === "/user" && method === "GET") {
        const { user } = await this.bearerUser(req);
        return send(res, 200, userJson(user));
      }
      if (subpath === "/user" && method === "PUT") return send(res, 200, await this.updateUser(req));
      if (subpath === "/logout" && method === "POST") {
        const { user, sessionId } = await this.bearerUser(req);
        const scope = query.get("scope") ?? "global";
        if (scope === "global" || !sessionId) {
          await this.pool.query("update auth.refresh_tokens set revoked = true where user_id = $1", [user.id]);
        } else {
          await this.pool.query("update auth.refresh_tokens set revoked = true where session_id = $1", [sessionId]);
        }
        res.writeHead(204, API_VERSION_HEADER);
        return void res.end();
      }
      if (subpath === "/signup" && method === "POST") {
        if (!this.limiter.take(`signin:${this.clientIp(req)}`, this.s.rateLimit.signInSignUps, WINDOW_MS)) throw rateLimited();
        const body = await readJson(req);
        if (!this.s.enableSignup) throw new AuthError(422, "signup_disabled", "Signups not allowed for this instance");
        const email = emailOf(body.email);
        const user = await this.createUser(email, this.password(body.password), metadataOf(body.data), !this.s.enableConfirmations);
        if (this.s.enableConfirmations) {
          this.emailAllowed(email);
          await this.mailLink(user, "signup", this.redirectTarget(query.get("redirect_to")));
          return send(res, 200, userJson(await this.userById(user.id)));
        }
        return send(res, 200, await this.session(user, crypto.randomUUID(), null));
      }
      if (subpath === "/invite" && method === "POST") return send(res, 200, await this.invite(req, query));
      if (subpath === "/recover" && method === "POST") {
        const deliver = await this.recover(req, query);
        send(res, 200, {});
        return void deliver();
      }
      if (subpath === "/verify" && method === "GET") return await this.verifyLink(req, res, query);
      if (subpath === "/verify" && method === "POST") return send(res, 200, await this.verifyPost(req));
      if (subpath === "/admin/users" && method === "POST") {
        await this.requireServiceRole(req);
        const body = await readJson(req);
        const password = body.password === undefined ? null : this.password(body.password);
        const user = await this.createUser(emailOf(body.email), password, metadataOf(body.user_metadata), body.email_confirm === true);
        return send(res, 200, userJson(user));
      }
      const adminUser = /^\/admin\/users\/([0-9a-f-]{36})$/.exec(subpath);
      if (adminUser && (method === "GET" || method === "DELETE")) {
        await this.requireServiceRole(req);
        const user = await this.userById(adminUser[1]).catch(() => {
          throw new AuthError(404, "user_not_found", "User not found");
        });
        if (method === "DELETE") await this.pool.query("delete from auth.users where id = $1", [user.id]);
        return send(res, 200, userJson(user));
      }
      throw new AuthError(404, "not_found", `${method} /auth/v1${subpath} is not supported by the local auth`);
    } catch (e) {
      if (res.headersSent) return void res.end();
      if (e instanceof AuthError) return send(res, e.status, { code: e.code, message: e.message, msg: e.message }, e.close);
      const code = (e as { code?: string }).code ?? "";
      // Data the database refuses (a check, a too-long value, bad text) is the caller's mistake, not a 500.
      if (/^(22|23)/.test(code)) {
        return send(res, 422, { code: "validation_failed", message: (e as Error).message, msg: (e as Error).message });
      }
      console.error("[auth]", e);
      return send(res, 500, { code: "unexpected_failure", message: "Unexpected failure" });
    }
  }
}
