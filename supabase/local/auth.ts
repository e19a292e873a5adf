// The subset of the Supabase Auth (GoTrue) HTTP API that supabase-js uses, over the same
// auth.users / auth.refresh_tokens tables a hosted project has. Tokens are HS256 JWTs that
// PostgREST verifies with the shared secret.
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { jwtVerify, SignJWT } from "jose";
import type pg from "pg";
import type { StackConfig } from "./config.ts";

const ACCESS_TTL_S = 3600;
const API_VERSION_HEADER = { "X-Supabase-Api-Version": "2024-01-01" };

interface UserRow {
  id: string;
  aud: string;
  role: string;
  email: string;
  email_confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

class AuthError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
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
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AuthError(400, "bad_json", "Could not parse request body as JSON");
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json", ...API_VERSION_HEADER });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

export class Auth {
  private readonly key: Uint8Array;

  constructor(private readonly c: StackConfig, private readonly pool: pg.Pool) {
    this.key = new TextEncoder().encode(c.jwtSecret);
  }

  async verify(token: string) {
    const { payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"] });
    return payload;
  }

  private async accessToken(u: UserRow, sessionId: string): Promise<string> {
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
      amr: [{ method: "password", timestamp: now }],
      session_id: sessionId,
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(`http://127.0.0.1:${this.c.apiPort}/auth/v1`)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TTL_S)
      .sign(this.key);
  }

  private async session(u: UserRow, sessionId: string, parent: string | null) {
    const refresh = crypto.randomBytes(24).toString("base64url");
    await this.pool.query(
      `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id)
       values ($1, $2, false, now(), now(), $3, $4)`,
      [refresh, u.id, parent, sessionId],
    );
    const now = Math.floor(Date.now() / 1000);
    return {
      access_token: await this.accessToken(u, sessionId),
      token_type: "bearer",
      expires_in: ACCESS_TTL_S,
      expires_at: now + ACCESS_TTL_S,
      refresh_token: refresh,
      user: userJson(u),
    };
  }

  private async userById(id: string): Promise<UserRow> {
    const r = await this.pool.query<UserRow>("select * from auth.users where id = $1 and deleted_at is null", [id]);
    if (!r.rows[0]) throw new AuthError(403, "user_not_found", "User from sub claim in JWT does not exist");
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

  private async createUser(email: unknown, password: unknown, userMeta: unknown, confirm: boolean): Promise<UserRow> {
    if (typeof email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(email)) {
      throw new AuthError(400, "validation_failed", "Unable to validate email address: invalid format");
    }
    if (typeof password !== "string" || password.length < 6) {
      throw new AuthError(422, "weak_password", "Password should be at least 6 characters.");
    }
    try {
      const r = await this.pool.query<UserRow>(
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
           raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
         values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', lower($1),
           extensions.crypt($2, extensions.gen_salt('bf')), case when $4 then now() end,
           '{"provider":"email","providers":["email"]}', $3, now(), now())
         returning *`,
        [email, password, JSON.stringify(userMeta ?? {}), confirm],
      );
      return r.rows[0];
    } catch (e) {
      if ((e as { code?: string }).code === "23505") {
        throw new AuthError(422, "email_exists", "A user with this email address has already been registered");
      }
      throw e;
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse, subpath: string, query: URLSearchParams): Promise<void> {
    try {
      const method = req.method ?? "GET";
      if (subpath === "/health" || subpath === "/settings") {
        return send(res, 200, { external: { email: true }, disable_signup: false, mailer_autoconfirm: true });
      }
      if (subpath === "/token" && method === "POST") {
        const body = await readJson(req);
        const grant = query.get("grant_type");
        if (grant === "password") {
          const r = await this.pool.query<UserRow>(
            `update auth.users set last_sign_in_at = now()
             where lower(email) = lower($1) and deleted_at is null
               and encrypted_password = extensions.crypt($2, encrypted_password)
             returning *`,
            [String(body.email ?? ""), String(body.password ?? "")],
          );
          if (!r.rows[0]) throw new AuthError(400, "invalid_credentials", "Invalid login credentials");
          return send(res, 200, await this.session(r.rows[0], crypto.randomUUID(), null));
        }
        if (grant === "refresh_token") {
          const r = await this.pool.query<{ user_id: string; session_id: string; token: string }>(
            `update auth.refresh_tokens set revoked = true, updated_at = now()
             where token = $1 and not revoked returning user_id, session_id, token`,
            [String(body.refresh_token ?? "")],
          );
          const row = r.rows[0];
          if (!row) throw new AuthError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
          return send(res, 200, await this.session(await this.userById(row.user_id), row.session_id, row.token));
        }
        throw new AuthError(400, "unsupported_grant_type", "unsupported_grant_type");
      }
      if (subpath === "/user" && method === "GET") {
        const { user } = await this.bearerUser(req);
        return send(res, 200, userJson(user));
      }
      if (subpath === "/user" && method === "PUT") {
        const { user } = await this.bearerUser(req);
        const body = await readJson(req);
        if (body.password !== undefined) {
          if (typeof body.password !== "string" || body.password.length < 6) {
            throw new AuthError(422, "weak_password", "Password should be at least 6 characters.");
          }
          await this.pool.query(
            "update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf')), updated_at = now() where id = $1",
            [user.id, body.password],
          );
        }
        if (body.data !== undefined) {
          await this.pool.query(
            "update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, '{}') || $2::jsonb, updated_at = now() where id = $1",
            [user.id, JSON.stringify(body.data)],
          );
        }
        return send(res, 200, userJson(await this.userById(user.id)));
      }
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
        const body = await readJson(req);
        const user = await this.createUser(body.email, body.password, body.data, true);
        return send(res, 200, await this.session(user, crypto.randomUUID(), null));
      }
      if (subpath === "/admin/users" && method === "POST") {
        await this.requireServiceRole(req);
        const body = await readJson(req);
        const user = await this.createUser(body.email, body.password ?? crypto.randomUUID(), body.user_metadata, body.email_confirm === true);
        return send(res, 200, userJson(user));
      }
      throw new AuthError(404, "not_found", `${method} /auth/v1${subpath} is not supported by the local auth`);
    } catch (e) {
      if (e instanceof AuthError) return send(res, e.status, { code: e.code, message: e.message, msg: e.message });
      console.error("[auth]", e);
      return send(res, 500, { code: "unexpected_failure", message: "Unexpected failure" });
    }
  }
}
