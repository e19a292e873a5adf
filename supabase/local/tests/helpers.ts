// Shared by the local stack's tests: a stack of the fixture project on its own ports and data folder,
// and raw HTTP for what no well-behaved client sends.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { portsFrom, type StackConfig } from "../config.ts";
import { startStack, type RunningStack, type StackEvents } from "../stack.ts";

export const fixtureProject = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixture");

/** Ports for one stack: TEST_LOCAL_PORT_BASE (default 26500) + 12 × slot; slots 0–7 stay within base..base+99. */
export function ports(slot: number) {
  return portsFrom(Number(process.env.TEST_LOCAL_PORT_BASE ?? 26500) + 12 * slot);
}

const made: string[] = [];

export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-local-test-"));
  fs.chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
}

/** Removes the data folders tempDataDir() made (call after the stacks using them stopped). */
export function removeTempDataDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export async function startFixtureStack(slot: number, overrides: Partial<StackConfig> = {}, events: StackEvents = {}): Promise<RunningStack> {
  process.env.SUPABASE_DB_FAST = "1";
  return startStack(
    {
    dataDir: tempDataDir(),
    ...ports(slot),
    projectDir: fixtureProject,
    withSeed: false,
    quiet: true,
    ...overrides,
    },
    { onFatal: (e) => console.error(e), ...events },
  );
}

export interface RawAnswer {
  status: number;
  text: string;
}

/** Writes `raw` on a fresh socket and reads until the server closes it (or `waitMs` passes). */
export function rawRequest(port: number, raw: string | Buffer, waitMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    const timer = setTimeout(done, waitMs);
    socket.on("data", (d) => {
      text += d.toString();
    });
    socket.on("end", done);
    socket.on("close", done);
    socket.on("error", (e) => (text ? done() : reject(e)));
    socket.write(raw);
  });
}
