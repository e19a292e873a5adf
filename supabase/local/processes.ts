// Small process helpers shared by the stack's parts.
import fs from "node:fs";

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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

/** Stops the process a pid file names (left over from a killed run) and removes the file. */
export async function stopFromPidFile(file: string, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!fs.existsSync(file)) return;
  const pid = Number(fs.readFileSync(file, "utf8").split("\n")[0]);
  if (pid > 0 && isAlive(pid)) {
    process.kill(pid, signal);
    if (!(await waitExit(pid))) process.kill(pid, "SIGKILL");
    await waitExit(pid, 2000);
  }
  fs.rmSync(file, { force: true });
}
