// The local Edge Functions runtime (supabase/local/functions.ts) as `supabase functions serve`
// behaves: real Deno, the caller's headers and the Supabase env, npm imports from node_modules
// without network, verify_jwt, narrowed permissions, a crashed function started again.
// Fixture functions are written to a temporary folder (they are Deno code, not part of tsc).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig, projectRoot, tmpRoot } from "../../supabase/local/config.ts";
import { FunctionsRuntime } from "../../supabase/local/functions.ts";
import { isAlive } from "../../supabase/local/processes.ts";
import { as } from "./helpers.ts";

const ECHO = `
import { createClient } from "npm:@supabase/supabase-js@2";
Deno.serve(async (req) => {
  const url = new URL(req.url);
  const out: Record<string, unknown> = {
    pid: Deno.pid,
    path: url.pathname,
    method: req.method,
    authorization: req.headers.get("authorization"),
    body: req.method === "POST" ? await req.text() : null,
    supabaseUrl: Deno.env.get("SUPABASE_URL"),
    anonKey: !!Deno.env.get("SUPABASE_ANON_KEY"),
    serviceKey: !!Deno.env.get("SUPABASE_SERVICE_ROLE_KEY"),
    dbUrl: !!Deno.env.get("SUPABASE_DB_URL"),
    parentEnv: Deno.env.get("TEST_MARKER") ?? null,
    createClient: typeof createClient,
  };
  if (url.searchParams.has("die")) Deno.exit(3);
  if (url.searchParams.has("probe")) {
    try { await fetch(url.searchParams.get("probe")!); out.fetched = true; } catch (e) { out.fetched = (e as Error).name; }
    try { await Deno.writeTextFile("/tmp/edge-function-probe.txt", "x"); out.wrote = true; } catch (e) { out.wrote = (e as Error).name; }
    try { await Deno.readTextFile(url.searchParams.get("read")!); out.read = true; } catch (e) { out.read = (e as Error).name; }
  }
  return Response.json(out);
});
`;

let dir: string;
let runtime: FunctionsRuntime;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-fn-test-"));
  for (const name of ["echo", "open"]) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "index.ts"), ECHO);
  }
  process.env.TEST_MARKER = "from-the-test-process";
  const api = new URL(inject("apiUrl"));
  const c = loadConfig({ apiPort: Number(api.port), dbPort: Number(new URL(inject("dbUrl")).port), quiet: true });
  runtime = new FunctionsRuntime(c, { open: { verifyJwt: false } }, [], dir);
  server = http.createServer((req, res) => {
    const m = /^\/functions\/v1\/([^/?]+)(.*)$/.exec(req.url ?? "");
    void runtime.handle(req, res, m?.[1] ?? "", m?.[2] ?? "");
  });
  // a port the system chooses: a fixed one in the ephemeral range may be held by any outgoing connection
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/functions/v1`;
});

afterAll(async () => {
  await runtime?.stop();
  await new Promise((r) => server?.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function userToken(): Promise<string> {
  const { data } = await (await as("finance")).auth.getSession();
  return data.session!.access_token;
}

describe("local edge functions runtime", () => {
  it("a function gets the caller's Authorization, the Supabase env and npm imports from node_modules", async () => {
    const token = await userToken();
    const r = await fetch(`${base}/echo/sub?x=1`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: '{"a":1}' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      path: "/echo/sub",
      method: "POST",
      authorization: `Bearer ${token}`,
      body: '{"a":1}',
      supabaseUrl: inject("apiUrl"),
      anonKey: true,
      serviceKey: true,
      dbUrl: true,
      parentEnv: null, // the stack's own environment is not handed to functions
      createClient: "function",
    });
  });

  it("verify_jwt: a call without a valid JWT never reaches the function; verify_jwt = false lets it through", async () => {
    expect((await fetch(`${base}/echo`)).status).toBe(401);
    expect((await fetch(`${base}/echo`, { headers: { Authorization: "Bearer forged.token.here" } })).status).toBe(401);
    expect((await fetch(`${base}/open`)).status).toBe(200);
    expect((await fetch(`${base}/missing`)).status).toBe(404);
  });

  it("permissions: no network beyond the stack's ports, no writing files, no reading the project", async () => {
    const closedPort = `http://127.0.0.1:${34551}/`; // loopback, not one of the stack's ports
    const projectFile = new URL("../../supabase/config.toml", import.meta.url).pathname;
    const r = await (await fetch(`${base}/open?probe=${encodeURIComponent(closedPort)}&read=${encodeURIComponent(projectFile)}`)).json();
    expect(r.fetched).toBe("NotCapable");
    expect(r.wrote).toBe("NotCapable");
    expect(r.read).toBe("NotCapable"); // the project's files (and the stack's data folder) are out of reach
  });

  it("a crashed function starts again on the next request, and stop() ends every function", async () => {
    const before = (await (await fetch(`${base}/open`)).json()).pid as number;
    const crash = await fetch(`${base}/open?die`);
    expect(crash.status).toBe(502);
    const after = (await (await fetch(`${base}/open`)).json()).pid as number;
    expect(after).not.toBe(before);
    for (let i = 0; i < 50 && isAlive(before); i += 1) await new Promise((r) => setTimeout(r, 100)); // reaped
    expect(isAlive(before)).toBe(false);
    const pids = Object.values(runtime.pids()) as number[];
    expect(pids.length).toBeGreaterThan(0);
    await runtime.stop();
    for (const pid of pids) {
      for (let i = 0; i < 50 && isAlive(pid); i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(isAlive(pid)).toBe(false);
    }
  });

  it("a body over the limit is refused with 413", async () => {
    const fresh = new FunctionsRuntime(loadConfig({ apiPort: 1, quiet: true }), { open: { verifyJwt: false } }, [], dir);
    const s = http.createServer((req, res) => void fresh.handle(req, res, "open", ""));
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
    const r = await fetch(`http://127.0.0.1:${(s.address() as { port: number }).port}/`, { method: "POST", body: "x".repeat(3 * 1024 * 1024) }).catch(() => undefined);
    expect(r?.status ?? 413).toBe(413);
    await fresh.stop();
    await new Promise((r2) => s.close(r2));
  });

  it("the project's functions type-check with Deno (tsc does not read Deno code), offline", () => {
    const dir = path.join(projectRoot, "supabase/functions");
    const files = fs.readdirSync(dir).map((n) => path.join(dir, n, "index.ts")).filter((f) => fs.existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    const r = spawnSync(path.join(projectRoot, "node_modules/.bin/deno"), ["check", "--node-modules-dir=manual", "--no-lock", "--quiet", ...files], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? "", DENO_DIR: path.join(tmpRoot, "deno-dir"), NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
