// Starts the whole local backend: PostgreSQL → migrations (+ seed) → PostgREST → gateway with auth.
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import pg from "pg";
import { Auth } from "./auth.ts";
import { dbUrl, loadConfig, type StackConfig } from "./config.ts";
import { FunctionsRuntime } from "./functions.ts";
import { createGateway } from "./gateway.ts";
import { Mailbox } from "./mailbox.ts";
import { migrate, type MigrateResult } from "./migrate.ts";
import { Postgres, resolveDataDir } from "./postgres.ts";
import { PostgREST } from "./postgrest.ts";
import { stopFromPidFile } from "./processes.ts";
import { loadSettings } from "./settings.ts";

export interface RunningStack {
  config: StackConfig;
  apiUrl: string;
  dbUrl: string;
  dataDir: string;
  /** the local mailbox (web page and Mailpit-shaped API) */
  mailboxUrl: string;
  functions: string[];
  migrations: MigrateResult;
  startedInMs: number;
  stop(): Promise<void>;
}

export async function startStack(overrides: Partial<StackConfig> = {}): Promise<RunningStack> {
  const t0 = performance.now();
  const c = loadConfig(overrides);
  const dataDir = resolveDataDir(c);
  fs.mkdirSync(dataDir, { recursive: true });
  const stackPid = path.join(dataDir, "stack.pid");
  if (fs.existsSync(stackPid) && Number(fs.readFileSync(stackPid, "utf8")) !== process.pid) {
    await stopFromPidFile(stackPid);
  }
  fs.writeFileSync(stackPid, String(process.pid));

  const postgres = new Postgres(c, dataDir);
  await postgres.start();
  let migrations: MigrateResult;
  try {
    migrations = await migrate(c, dbUrl(c));
  } catch (e) {
    await postgres.stop();
    throw e;
  }
  const rest = new PostgREST(c, path.join(dataDir, "postgrest.pid"));
  await rest.start();

  const pool = new pg.Pool({ connectionString: dbUrl(c), max: 5 });
  pool.on("error", () => undefined); // idle clients get 57P01 when postgres shuts down
  const settings = loadSettings();
  const mailbox = new Mailbox(dataDir);
  // 54324 beside the default 54321, and as far from the API port as that for stacks on other ports.
  const mailboxPort = await mailbox.listen(
    c.mailboxPort ?? Number(process.env.SUPABASE_MAILBOX_PORT ?? settings.mailboxPort + (c.apiPort - 54321)),
  );
  const functions = new FunctionsRuntime(c, settings.functions);
  const server: http.Server = createGateway(c, new Auth(c, pool, settings.auth, mailbox), functions);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(e.code === "EADDRINUSE" ? new Error(`port ${c.apiPort} is in use: is another stack running? (set SUPABASE_API_PORT)`) : e),
    );
    server.listen(c.apiPort, "127.0.0.1", () => resolve());
  });

  let stopped = false;
  return {
    config: c,
    apiUrl: `http://127.0.0.1:${c.apiPort}`,
    dbUrl: dbUrl(c),
    dataDir,
    mailboxUrl: `http://127.0.0.1:${mailboxPort}`,
    functions: functions.list(),
    migrations,
    startedInMs: performance.now() - t0,
    async stop() {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await functions.stop();
      await mailbox.close();
      await pool.end().catch(() => undefined);
      await rest.stop();
      await postgres.stop();
      fs.rmSync(stackPid, { force: true });
    },
  };
}

/** Drops all local data (used by `npm run db:reset` and by tests wanting a fresh database). */
export async function resetData(overrides: Partial<StackConfig> = {}): Promise<void> {
  const c = loadConfig(overrides);
  const dataDir = resolveDataDir(c);
  await stopFromPidFile(path.join(dataDir, "stack.pid"));
  await stopFromPidFile(path.join(dataDir, "postgrest.pid"));
  await new Postgres(c, dataDir).destroy();
}
