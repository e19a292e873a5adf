// Migrations reach the local database the way they reach a hosted project: the real Supabase CLI,
// `supabase db push --db-url`, as the non-superuser postgres; and the CLI talks to nobody else.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ENV, cliDbUrl, migrationFiles, supabaseCli, supabaseCliPath } from "../migrate.ts";
import type { RunningStack } from "../stack.ts";
import { fixtureProject, removeTempDataDirs, startFixtureStack, tempDataDir } from "./helpers.ts";

let stack: RunningStack;
const dataDir = tempDataDir();

beforeAll(async () => {
  stack = await startFixtureStack(6, { dataDir });
}, 90000);

afterAll(async () => {
  await stack?.stop();
  removeTempDataDirs();
});

/** Rows of `supabase migration list`: [local, remote]. */
function listed(output: string): [string, string][] {
  return [...output.matchAll(/^\s*`?(\d*)`?\s*\|\s*`?(\d*)`?\s*\|/gm)].map((m) => [m[1], m[2]]);
}

const hasStrace = spawnSync("strace", ["-V"]).status === 0;

describe("migrations through the Supabase CLI", () => {
  it("applies the migrations with `supabase db push`, after which `supabase migration list` shows Local = Remote", async () => {
    expect(stack.migrations.applied).toEqual(["20260101000000_lists_and_notes.sql"]);
    expect(stack.migrations.cliMs).toBeGreaterThan(0);
    const r = await supabaseCli(["migration", "list", "--db-url", cliDbUrl(stack.config), "--workdir", fixtureProject], fixtureProject);
    expect(r.code).toBe(0);
    const versions = migrationFiles(path.join(fixtureProject, "supabase/migrations")).map((m) => m.version);
    expect(listed(r.output)).toEqual(versions.map((v) => [v, v]));
  });

  it("starts again without running the CLI when nothing is new", async () => {
    await stack.stop();
    stack = await startFixtureStack(6, { dataDir });
    expect(stack.migrations).toEqual({ applied: [], seeded: false, cliMs: 0 });
  }, 60000);

  it.skipIf(!hasStrace)("the CLI connects to nothing but the local database", () => {
    const trace = path.join(dataDir, "cli-connects.txt");
    const r = spawnSync(
      "strace",
      ["-f", "-qq", "-e", "trace=connect", "-o", trace, supabaseCliPath(), "db", "push", "--db-url", cliDbUrl(stack.config), "--yes", "--workdir", fixtureProject],
      { encoding: "utf8", cwd: fixtureProject, env: { ...process.env, ...CLI_ENV } },
    );
    expect(r.status).toBe(0);
    const connects = fs.readFileSync(trace, "utf8").split("\n").filter((l) => l.includes("connect("));
    expect(connects.length).toBeGreaterThan(0);
    const elsewhere = connects.filter((l) => !l.includes("AF_UNIX") && !l.includes('inet_addr("127.0.0.1")'));
    expect(elsewhere).toEqual([]);
  });
});
