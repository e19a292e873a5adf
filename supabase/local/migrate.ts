// Applies the platform SQL (local only), then every migration not yet recorded, in order, each in
// its own transaction, recorded in supabase_migrations.schema_migrations exactly as `supabase db push`
// records them; then the seed, once.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { StackConfig } from "./config.ts";

const platformSql = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "platform.sql"), "utf8");

export interface MigrateResult {
  applied: string[];
  seeded: boolean;
}

export function migrationFiles(dir: string): { version: string; name: string; file: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const m = /^(\d+)_(.+)\.sql$/.exec(f)!;
      return { version: m[1], name: m[2], file: path.join(dir, f) };
    });
}

export async function migrate(c: StackConfig, connectionString: string): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query(platformSql);
    await client.query(
      "create table if not exists supabase_migrations.seed_files (path text primary key, hash text not null)",
    );
    const done = new Set(
      (await client.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).rows.map((r) => r.version),
    );
    const applied: string[] = [];
    for (const m of migrationFiles(c.migrationsDir)) {
      if (done.has(m.version)) continue;
      const sql = fs.readFileSync(m.file, "utf8");
      await client.query("begin");
      try {
        await client.query(sql);
        await client.query(
          "insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)",
          [m.version, m.name, [sql]],
        );
        await client.query("commit");
      } catch (e) {
        await client.query("rollback");
        throw new Error(`migration ${path.basename(m.file)} failed: ${(e as Error).message}`);
      }
      applied.push(path.basename(m.file));
    }
    let seeded = false;
    if (c.withSeed && fs.existsSync(c.seedFile)) {
      const seen = await client.query("select 1 from supabase_migrations.seed_files where path = 'supabase/seed.sql'");
      if (seen.rowCount === 0) {
        const sql = fs.readFileSync(c.seedFile, "utf8");
        await client.query("begin");
        try {
          await client.query(sql);
          await client.query("insert into supabase_migrations.seed_files (path, hash) values ('supabase/seed.sql', $1)", [
            crypto.createHash("sha256").update(sql).digest("hex"),
          ]);
          await client.query("commit");
        } catch (e) {
          await client.query("rollback");
          throw new Error(`seed failed: ${(e as Error).message}`);
        }
        seeded = true;
      }
    }
    await client.query("notify pgrst, 'reload schema'");
    return { applied, seeded };
  } finally {
    await client.end();
  }
}
