// Starts the whole local backend: PostgreSQL → platform SQL + migrations (+ seed) through the Supabase
// CLI → PostgREST → gateway with auth. While it runs it watches its children: a child that dies is
// reported loudly and restarted; when restarting fails (or keeps failing), the stack stops and says so
// instead of answering 502 forever.
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import pg from "pg";
import { Auth } from "./auth.ts";
import { dbUrl, loadConfig, type StackConfig } from "./config.ts";
import { FunctionsRuntime } from "./functions.ts";
import { authRoute, createGateway, functionsRoute, restRoute, storageRoute, verifyRoute } from "./gateway.ts";
import { Mailbox } from "./mailbox.ts";
import { migrate, type MigrateResult } from "./migrate.ts";
import { Postgres, resolveDataDir } from "./postgres.ts";
import { PostgREST } from "./postgrest.ts";
import { nodeOwner, postgrestOwner, stopFromPidFile, writePidFile } from "./processes.ts";
import { loadSettings } from "./settings.ts";
import { StorageServer } from "./storage.ts";

export interface RunningStack {
  config: StackConfig;
  apiUrl: string;
  /** As the project's owner `postgres` (not a superuser, as on hosted). */
  dbUrl: string;
  /** As the bootstrap superuser `supabase_admin`: for tooling that must bypass ownership (bulk loads). */
  superuserDbUrl: string;
  dataDir: string;
  /** the local mailbox (web page and Mailpit-shaped API) */
  mailboxUrl: string;
  /** edge functions found in supabase/functions */
  functions: string[];
  /** What a person should know about this start: data moved aside, data kept elsewhere… */
  notices: string[];
  migrations: MigrateResult;
  startedInMs: number;
  stop(): Promise<void>;
}

export interface StackEvents {
  /** A child died and restarting it failed (or it died too often). Default: print, stop, exit 1. */
  onFatal?: (error: Error) => void;
}

const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60000;

export async function startStack(overrides: Partial<StackConfig> = {}, events: StackEvents = {}): Promise<RunningStack> {
  const t0 = performance.now();
  const c = loadConfig(overrides);
  const { dir: dataDir, note } = resolveDataDir(c);
  const stackPid = path.join(dataDir, "stack.pid");
  await stopFromPidFile(stackPid, nodeOwner);
  writePidFile(stackPid, process.pid);

  // Each part that starts registers how to stop it: a start that fails half-way (a port in use, a bad
  // migration) stops what already runs instead of leaving postgres or PostgREST behind.
  const started: (() => Promise<unknown>)[] = [];
  const postgres = new Postgres(c, dataDir);
  const rest = new PostgREST(c, path.join(dataDir, "postgrest.pid"));
  const pool = new pg.Pool({ connectionString: dbUrl(c), max: 5 });
  pool.on("error", () => undefined); // idle clients get 57P01 when postgres shuts down
  const settings = loadSettings(path.join(c.projectDir, "supabase/config.toml"));
  const mailbox = new Mailbox(dataDir);
  const functions = new FunctionsRuntime(c, settings.functions, [], path.join(c.projectDir, "supabase/functions"));
  const auth = new Auth(c, pool, settings.auth, mailbox);
  const storage = settings.storage.enabled ? new StorageServer(c, settings.storage, dataDir) : undefined;
  const server: http.Server = createGateway(c, [
    restRoute(c), verifyRoute(auth), authRoute(auth), functionsRoute(functions), ...(storage ? [storageRoute(storage)] : []),
  ]);
  let migrations: MigrateResult;
  let mailboxPort: number;
  try {
    started.push(() => postgres.stop());
    await postgres.start();
    migrations = await migrate(c);
    started.push(() => rest.stop());
    await rest.start();
    started.push(() => pool.end());
    // 54324 beside the default 54321, and as far from the API port as that for stacks on other ports.
    mailboxPort = await mailbox.listen(c.mailboxPort ?? settings.mailboxPort + (c.apiPort - 54321));
    started.push(() => mailbox.close(), () => functions.stop(), async () => storage?.close());
    await new Promise<void>((resolve, reject) => {
      server.once("error", (e: NodeJS.ErrnoException) =>
        reject(e.code === "EADDRINUSE" ? new Error(`port ${c.apiPort} is in use: is another stack running? (set SUPABASE_API_PORT)`) : e),
      );
      server.listen(c.apiPort, "127.0.0.1", () => resolve());
    });
  } catch (e) {
    for (const undo of started.reverse()) await undo().catch(() => undefined);
    fs.rmSync(stackPid, { force: true });
    throw e;
  }

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await functions.stop();
    await storage?.close();
    await mailbox.close();
    await pool.end().catch(() => undefined);
    await rest.stop();
    await postgres.stop();
    fs.rmSync(stackPid, { force: true });
  };

  const fatal =
    events.onFatal ??
    ((e: Error) => {
      console.error(`\n  ✖ local Supabase stopped: ${e.message}\n`);
      process.exit(1);
    });
  // Restarts a dead child (then afterRestart: PostgREST follows a restarted PostgreSQL); gives up (fatal)
  // after MAX_RESTARTS deaths within RESTART_WINDOW_MS.
  const supervise = (name: string, child: { start(): Promise<void>; onUnexpectedExit?: (reason: string) => void },
                     afterRestart: () => Promise<void> = async () => undefined) => {
    const deaths: number[] = [];
    child.onUnexpectedExit = (reason) => {
      if (stopped) return;
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && now - deaths[0] > RESTART_WINDOW_MS) deaths.shift();
      console.error(`\n  ✖ ${name} died unexpectedly (${reason.split("\n")[0]}); restarting it…`);
      if (deaths.length > MAX_RESTARTS) {
        void stop().finally(() => fatal(new Error(`${name} died ${deaths.length} times within a minute; last: ${reason}`)));
        return;
      }
      child.start().then(afterRestart).then(
        () => console.error(`  ✔ ${name} restarted`),
        (e: Error) => {
          if (stopped) return;   // the stack was being stopped meanwhile: not a failure to restart
          void stop().finally(() => fatal(new Error(`${name} died and could not be restarted: ${e.message}`)));
        },
      );
    };
  };
  supervise("PostgreSQL", postgres, () => rest.restart());
  supervise("PostgREST", rest);

  return {
    config: c,
    apiUrl: `http://127.0.0.1:${c.apiPort}`,
    dbUrl: dbUrl(c),
    superuserDbUrl: dbUrl(c, "supabase_admin"),
    dataDir,
    mailboxUrl: `http://127.0.0.1:${mailboxPort}`,
    functions: functions.list(),
    notices: [...(note ? [`Data is kept in ${note}`] : []), ...postgres.notices],
    migrations,
    startedInMs: performance.now() - t0,
    stop,
  };
}

/** Drops all local data (used by `npm run db:reset` and by tests wanting a fresh database). */
export async function resetData(overrides: Partial<StackConfig> = {}): Promise<void> {
  const c = loadConfig(overrides);
  const { dir: dataDir } = resolveDataDir(c);
  await stopFromPidFile(path.join(dataDir, "stack.pid"), nodeOwner);
  await stopFromPidFile(path.join(dataDir, "postgrest.pid"), postgrestOwner);
  await new Postgres(c, dataDir).destroy();
}
