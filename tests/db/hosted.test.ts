// The database these tests run against was migrated the way a hosted project is: by the real Supabase
// CLI (`supabase db push --db-url`, see supabase/local/migrate.ts) as a `postgres` that is not a
// superuser, with hosted's role timeouts. So every test in tests/db is also the hosted-like test.
import path from "node:path";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../supabase/local/config.ts";
import { migrationFiles, supabaseCli } from "../../supabase/local/migrate.ts";
import { sql } from "./helpers.ts";

describe("a database set up like a hosted Supabase project", () => {
  it("shows every migration in `supabase migration list` with Local = Remote", async () => {
    const r = await supabaseCli(["migration", "list", "--db-url", `${inject("dbUrl")}?sslmode=disable`, "--workdir", projectRoot], projectRoot);
    expect(r.code).toBe(0);
    const rows = [...r.output.matchAll(/^\s*`?(\d*)`?\s*\|\s*`?(\d*)`?\s*\|/gm)].map((m) => [m[1], m[2]]);
    const versions = migrationFiles(path.join(projectRoot, "supabase/migrations")).map((m) => m.version);
    expect(rows).toEqual(versions.map((v) => [v, v]));
  });

  it("was migrated by a postgres that is not a superuser and owns every table in public", async () => {
    const [me] = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>(
      "select rolsuper, rolbypassrls from pg_roles where rolname = current_user");
    expect(me).toEqual({ rolsuper: false, rolbypassrls: true });
    const owners = await sql<{ owner: string }>(
      "select distinct pg_get_userbyid(relowner) as owner from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'v', 'm')");
    expect(owners).toEqual([{ owner: "postgres" }]);
  });

  it("gives the API's roles hosted's statement and lock timeouts", async () => {
    const rows = await sql<{ role: string; setting: string }>(
      `select r.rolname as role, s as setting from pg_db_role_setting d join pg_roles r on r.oid = d.setrole,
              unnest(d.setconfig) s where s like '%timeout%' order by 1, 2`);
    expect(rows).toEqual([
      { role: "anon", setting: "statement_timeout=3s" },
      { role: "authenticated", setting: "statement_timeout=8s" },
      { role: "authenticator", setting: "lock_timeout=8s" },
    ]);
  });
});
