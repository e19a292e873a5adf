// Small process helpers shared by the stack's parts. PIDs wrap within minutes on a busy machine, so a
// pid file left by a killed run is trusted only when /proc/<pid>/cmdline still names the process we
// started (and, for our own pid files, its start time matches): otherwise it is removed, never signalled.
import fs from "node:fs";

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The argv of a running process, or undefined when it is gone (or /proc is unavailable). */
export function commandLine(pid: number): string[] | undefined {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return raw.split("\0").filter((a) => a !== "");
  } catch {
    return undefined;
  }
}

/** The kernel's start time of a process (clock ticks since boot), field 22 of /proc/<pid>/stat. */
export function startTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Writes "pid\nstart time" so that a later run can tell this process from one that reused its PID. */
export function writePidFile(file: string, pid: number): void {
  fs.writeFileSync(file, `${pid}\n${startTime(pid) ?? ""}\n`);
}

export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 20000): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() - start > timeoutMs) throw new Error(`${what} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function waitExit(pid: number, timeoutMs = 10000): Promise<boolean> {
  const start = Date.now();
  while (isAlive(pid)) {
    if (Date.now() - start > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Says whether argv belongs to the process a pid file should name. */
export type Owner = (argv: string[]) => boolean;

/** Stops the process a pid file names (left over from a killed run) and removes the file — but only
 *  when that process is still ours: `owner` accepts its command line and, when the file recorded a
 *  start time (line 2, as writePidFile does), the start time is the same. */
export async function stopFromPidFile(file: string, owner: Owner, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!fs.existsSync(file)) return;
  const [first, second] = fs.readFileSync(file, "utf8").split("\n");
  const pid = Number(first);
  const recordedStart = /^\d+$/.test(second ?? "") ? second : undefined;
  const argv = pid > 0 && pid !== process.pid ? commandLine(pid) : undefined;
  const ours = argv !== undefined && owner(argv) && (recordedStart === undefined || recordedStart === startTime(pid));
  if (ours) {
    try {
      process.kill(pid, signal);
      if (!(await waitExit(pid))) process.kill(pid, "SIGKILL");
    } catch {
      // it exited meanwhile
    }
    await waitExit(pid, 2000);
  }
  fs.rmSync(file, { force: true });
}

const base = (p: string | undefined) => (p ?? "").split("/").pop() ?? "";

/** A PostgreSQL server (postmaster) started on this data directory. */
export const postgresOwner = (pgdata: string): Owner => (argv) => base(argv[0]) === "postgres" && argv.includes(pgdata);
/** A PostgREST server. */
export const postgrestOwner: Owner = (argv) => base(argv[0]) === "postgrest";
/** A Node process (the stack runs inside node, started by tsx, vitest, scripts…). */
export const nodeOwner: Owner = (argv) => /^node(js)?(\d+)?$/.test(base(argv[0]));
