// Brings the database to the project's migrations, the way a hosted project gets them:
//   1. the platform SQL (what hosted Supabase already has), as the superuser `supabase_admin`;
//   2. when a migration is not yet recorded, or the seed not yet applied, the real Supabase CLI:
//      `supabase db push --db-url … --yes [--include-seed]` as the non-superuser `postgres`, exactly
//      as it would push to a hosted project. One way to migrate, here and there.
// A restart with nothing new does not start the CLI (a few hundred ms saved on every warm start).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { dbUrl, projectRoot, type StackConfig } from "./config.ts";

const platformSql = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "platform.sql"), "utf8");

export interface MigrateResult {
  applied: string[];
  seeded: boolean;
  /** Time spent in `supabase db push` (0 when nothing was pending). */
  cliMs: number;
}

export function migrationFiles(dir: string): { version: string; name: string; file: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const m = /^(\d+)_(.+)\.sql$/.exec(f)!;
      return { version: m[1], name: m[2], file: path.join(dir, f) };
    });
}

/** The Supabase CLI's switches for telemetry (PostHog) and the new-version check: without them it
 *  resolves and calls hosts on the internet even for `--db-url` commands; with them it talks to the
 *  database given by --db-url and nothing else. */
export const CLI_ENV = { SUPABASE_TELEMETRY_DISABLED: "1", SUPABASE_NO_UPDATE_NOTIFIER: "1", DO_NOT_TRACK: "1", NO_COLOR: "1" };

export function supabaseCliPath(): string {
  const bin = path.join(projectRoot, "node_modules/.bin/supabase");
  if (!fs.existsSync(bin)) throw new Error("Supabase CLI missing: run `npm ci` (devDependency `supabase`)");
  return bin;
}

/** Runs the Supabase CLI from node_modules (its temp files land in <cwd>/supabase/.temp, git-ignored). */
export function supabaseCli(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  const bin = supabaseCliPath();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: { ...process.env, ...CLI_ENV }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The connection string the CLI gets (our server has no SSL). */
export function cliDbUrl(c: StackConfig): string {
  return `${dbUrl(c)}?sslmode=disable`;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function migrate(c: StackConfig): Promise<MigrateResult> {
  const migrationsDir = path.join(c.projectDir, "supabase/migrations");
  const { done, seeded } = await withClient(dbUrl(c, "supabase_admin"), async (admin) => {
    await admin.query(platformSql);
    const pw = admin.escapeLiteral(c.dbPassword);
    await admin.query(`alter role postgres password ${pw}; alter role authenticator password ${pw}; alter role supabase_storage_admin password ${pw}`);
    const has = async (t: string) => (await admin.query("select to_regclass($1) as t", [t])).rows[0].t !== null;
    const done = (await has("supabase_migrations.schema_migrations"))
      ? new Set((await admin.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).rows.map((r) => r.version))
      : new Set<string>();
    const seeded = (await has("supabase_migrations.seed_files"))
      ? Number((await admin.query("select count(*) as n from supabase_migrations.seed_files")).rows[0].n) > 0
      : false;
    return { done, seeded };
  });
  const pending = migrationFiles(migrationsDir).filter((m) => !done.has(m.version));
  const seedNow = c.withSeed && !seeded;
  let cliMs = 0;
  if (pending.length > 0 || seedNow) {
    const t0 = performance.now();
    // --include-all: a branch merged locally may bring migrations older than the last one applied here
    // (hosted CI pushes in order and needs no such flag).
    const args = ["db", "push", "--db-url", cliDbUrl(c), "--yes", "--include-all", "--workdir", c.projectDir];
    if (seedNow) args.push("--include-seed");
    const r = await supabaseCli(args, c.projectDir);
    cliMs = performance.now() - t0;
    if (r.code !== 0) {
      throw new Error(`supabase db push failed:\n${r.output.trim()}\n(local data that no longer matches the migrations: \`npm run db:reset\` rebuilds it)`);
    }
  }
  return { applied: pending.map((m) => path.basename(m.file)), seeded: seedNow, cliMs };
}
