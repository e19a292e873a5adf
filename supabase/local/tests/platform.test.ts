// The database is set up as on a hosted Supabase project: `postgres` is not a superuser but owns what
// the migrations create, the auth schema is Supabase's, and the API's roles carry hosted's timeouts.
import { SignJWT } from "jose";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStack } from "../stack.ts";
import { removeTempDataDirs, startFixtureStack } from "./helpers.ts";

let stack: RunningStack;
let db: pg.Client;

async function rpc(fn: string, args: object, token: string) {
  const r = await fetch(`${stack.apiUrl}/rest/v1/rpc/${fn}`, {
    method: "POST",
    headers: { apikey: stack.config.anonKey, Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(args),
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}

async function userToken(): Promise<string> {
  return new SignJWT({ role: "authenticated", aud: "authenticated", sub: "00000000-0000-4000-8000-00000000abcd" })
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(stack.config.jwtSecret));
}

async function refused(sql: string): Promise<string | undefined> {
  try {
    await db.query(sql);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

beforeAll(async () => {
  stack = await startFixtureStack(1);
  db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
}, 90000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
  removeTempDataDirs();
});

describe("hosted parity of the local database", () => {
  it("postgres is not a superuser, bypasses RLS, and owns the tables the migrations created", async () => {
    const { rows: [me] } = await db.query("select rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = current_user");
    expect(me).toEqual({ rolsuper: false, rolbypassrls: true, rolcreaterole: true });
    const { rows: [t] } = await db.query("select tableowner from pg_tables where schemaname = 'public' and tablename = 'notes'");
    expect(t.tableowner).toBe("postgres");
    const { rows: [su] } = await db.query("select count(*)::int as n from pg_roles where rolsuper");
    expect(su.n).toBe(1); // supabase_admin alone
    expect(await refused("set session_replication_role = replica")).toBe("42501");
  });

  it("postgres may reference and trigger on auth.users but not change Supabase's auth schema", async () => {
    await db.query("begin");
    try {
      await db.query("create table public.profile_probe (id uuid primary key references auth.users (id) on delete cascade)");
      await db.query("create function public.probe_trigger() returns trigger language plpgsql as $$ begin return new; end $$");
      await db.query("create trigger probe after insert on auth.users for each row execute function public.probe_trigger()");
    } finally {
      await db.query("rollback");
    }
    expect(await refused("alter table auth.users add column probe int")).toBe("42501");
    expect(await refused("create table auth.probe (id int)")).toBe("42501");
    expect(await refused("drop table auth.refresh_tokens")).toBe("42501");
  });

  it("the API's roles carry hosted's statement and lock timeouts", async () => {
    const anon = await rpc("session_settings", {}, stack.config.anonKey);
    expect(anon.body).toEqual({ role: "anon", statement_timeout: "3s", lock_timeout: "8s" });
    const user = await rpc("session_settings", {}, await userToken());
    expect(user.body).toEqual({ role: "authenticated", statement_timeout: "8s", lock_timeout: "8s" });
  });

  it("an anonymous request running past 3 seconds is cancelled", async () => {
    const r = await rpc("nap", { seconds: 4 }, stack.config.anonKey);
    expect(r.body?.code).toBe("57014");
  }, 20000);
});
