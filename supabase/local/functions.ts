// Supabase Edge Functions on the local stack, like `supabase functions serve`: each folder
// supabase/functions/<name>/index.ts runs in the real Deno runtime (the `deno` npm package) and is
// reached through the gateway at /functions/v1/<name>. A function gets the caller's headers
// (Authorization included) and SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY,
// SUPABASE_DB_URL (plus supabase/functions/.env, as the CLI reads it). verify_jwt is on unless
// config.toml says `[functions.<name>] verify_jwt = false`.
// Each function is its own Deno process, started on its first request (cold start ~0.3–0.7 s
// here), listening on a unix socket; `npm:` imports resolve from node_modules and never from the
// network (--node-modules-dir=manual --cached-only), permissions are narrowed to loopback ports of
// this stack, env, and reading node_modules and supabase/functions only (not the project, not the
// stack's data). A crashed process is started again on the next request.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { jwtVerify } from "jose";
import { answerBodyError, BodyError, readBody } from "./body.ts";
import { dbUrl, projectRoot, tmpRoot, type StackConfig } from "./config.ts";
import type { FunctionSettings } from "./settings.ts";

export const FUNCTION_BODY_LIMIT = 2 * 1024 * 1024;
const FUNCTION_BODY_TIMEOUT_MS = 15_000;
const START_TIMEOUT_MS = 15_000;

// Runs one function module: Deno.serve(handler) inside it is redirected to this process's socket.
const MAIN = `
const [modulePath, socketPath] = Deno.args;
const realServe = Deno.serve.bind(Deno);
let served = false;
// deno-lint-ignore no-explicit-any
(Deno as any).serve = (a: any, b?: any) => {
  const handler = typeof a === "function" ? a : typeof b === "function" ? b : a.handler;
  if (served) throw new Error("Deno.serve called twice");
  served = true;
  return realServe({ path: socketPath, onListen() { console.log(["", "ready", ""].join("__")); } }, handler);
};
// The stack holds our stdin open: when it ends (the stack stopped or was killed), stop too.
(async () => { for await (const _ of Deno.stdin.readable) { /* nothing is sent */ } Deno.exit(0); })();
await import(modulePath);
if (!served) { console.error("the function did not call Deno.serve"); Deno.exit(1); }
`;

interface Running {
  child: ChildProcess;
  socket: string;
  ready: Promise<void>;
  log: string[];
}

export class FunctionsRuntime {
  private readonly running = new Map<string, Running>();
  private readonly dir: string;
  private readonly runDir: string;
  private readonly key: Uint8Array;
  private stopped = false;

  constructor(
    private readonly c: StackConfig,
    private readonly settings: Record<string, FunctionSettings>,
    private readonly extraPorts: number[] = [],
    dir = path.join(projectRoot, "supabase/functions"),
  ) {
    this.dir = dir;
    this.key = new TextEncoder().encode(c.jwtSecret);
    const tag = crypto.createHash("sha1").update(path.resolve(dir)).digest("hex").slice(0, 8);
    this.runDir = path.join(tmpRoot, `functions-${c.apiPort}-${tag}`);
  }

  list(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs.readdirSync(this.dir).filter((n) => /^[A-Za-z0-9_-]+$/.test(n) && fs.existsSync(path.join(this.dir, n, "index.ts")));
  }

  private env(): Record<string, string> {
    const env: Record<string, string> = {
      DENO_DIR: path.join(tmpRoot, "deno-dir"),
      DENO_NO_UPDATE_CHECK: "1",
      DENO_NO_PROMPT: "1",
      NO_COLOR: "1",
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: this.runDir,
    };
    const file = path.join(this.dir, ".env");
    if (fs.existsSync(file)) {
      for (const line of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
        const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
        if (m && !m[1].startsWith("SUPABASE_")) env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, "$2");
      }
    }
    return {
      ...env,
      SUPABASE_URL: `http://127.0.0.1:${this.c.apiPort}`,
      SUPABASE_ANON_KEY: this.c.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: this.c.serviceRoleKey,
      SUPABASE_DB_URL: dbUrl(this.c),
    };
  }

  private start(name: string): Running {
    fs.mkdirSync(this.runDir, { recursive: true });
    const main = path.join(this.runDir, "main.ts");
    if (!fs.existsSync(main) || fs.readFileSync(main, "utf8") !== MAIN) fs.writeFileSync(main, MAIN);
    const socket = path.join(this.runDir, `${name}.sock`);
    fs.rmSync(socket, { force: true });
    const ports = [this.c.apiPort, this.c.dbPort, ...this.extraPorts].map((p) => `127.0.0.1:${p}`).concat(`unix:${socket}`).join(",");
    const deno = path.join(projectRoot, "node_modules/.bin/deno");
    const args = [
      "run",
      "--node-modules-dir=manual",
      "--cached-only",
      "--no-lock",
      "--no-prompt",
      `--allow-net=${ports}`,
      "--allow-env",
      `--allow-read=${path.join(projectRoot, "node_modules")},${this.dir},${this.runDir}`,
      `--allow-write=${this.runDir}`,
      main,
      path.join(this.dir, name, "index.ts"),
      socket,
    ];
    const child = spawn(deno, args, { cwd: projectRoot, env: this.env(), stdio: ["pipe", "pipe", "pipe"] });
    const log: string[] = [];
    let markReady: () => void = () => undefined;
    let fail: (e: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      fail = reject;
    });
    const timer = setTimeout(() => fail(new Error(`function ${name} did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const onOutput = (stream: "out" | "err") => (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        if (stream === "out" && line === "__ready__") {
          clearTimeout(timer);
          markReady();
          continue;
        }
        log.push(line);
        if (log.length > 50) log.shift();
        if (!this.c.quiet) (stream === "out" ? console.log : console.error)(`[functions/${name}] ${line}`);
      }
    };
    child.stdout!.on("data", onOutput("out"));
    child.stderr!.on("data", onOutput("err"));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`function ${name} exited (${signal ?? code}) ${log.slice(-5).join(" | ")}`));
      if (this.running.get(name)?.child === child) this.running.delete(name);
      if (!this.stopped && !this.c.quiet) console.error(`[functions/${name}] stopped (${signal ?? code}); it starts again on the next request`);
    });
    ready.catch(() => child.kill("SIGKILL"));
    const r: Running = { child, socket, ready, log };
    this.running.set(name, r);
    return r;
  }

  /** pids of the running function processes (for tests and the stack's status) */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.running].map(([n, r]) => [n, r.child.pid]));
  }

  private async ensure(name: string): Promise<Running> {
    const r = this.running.get(name) ?? this.start(name);
    await r.ready;
    return r;
  }

  private async jwtOk(req: http.IncomingMessage): Promise<string | null> {
    const auth = req.headers.authorization;
    if (!auth) return "Missing authorization header";
    const token = auth.replace(/^Bearer\s+/i, "");
    try {
      await jwtVerify(token, this.key, { algorithms: ["HS256"] });
      return null;
    } catch {
      return "Invalid JWT";
    }
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse, name: string, rest: string): Promise<void> {
    const json = (status: number, body: unknown) => {
      if (res.headersSent) return void res.end();
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (!/^[A-Za-z0-9_-]+$/.test(name) || !fs.existsSync(path.join(this.dir, name, "index.ts"))) {
      return json(404, { code: "NOT_FOUND", message: "Requested function was not found" });
    }
    if (req.method !== "OPTIONS" && (this.settings[name]?.verifyJwt ?? true)) {
      const problem = await this.jwtOk(req);
      if (problem) return json(401, { code: problem.startsWith("Missing") ? "UNAUTHORIZED_NO_AUTH_HEADER" : "UNAUTHORIZED_INVALID_JWT", message: problem });
    }
    let body: Buffer;
    try {
      body = await readBody(req, { limitBytes: FUNCTION_BODY_LIMIT, timeoutMs: FUNCTION_BODY_TIMEOUT_MS });
    } catch (e) {
      if (e instanceof BodyError) return answerBodyError(res, e, { code: e.code, message: e.message });
      throw e;
    }
    const headers = { ...req.headers, "content-length": String(body.length) };
    delete headers.host;
    delete headers["transfer-encoding"];
    delete headers.connection;
    // A process that just died may still be listed for a moment: start it again and retry once
    // (the body is already buffered, so nothing was half-sent).
    for (let attempt = 0; ; attempt += 1) {
      let fn: Running;
      try {
        fn = await this.ensure(name);
      } catch (e) {
        return json(503, { code: "BOOT_ERROR", message: `Function failed to start: ${(e as Error).message}` });
      }
      const sent = await new Promise<"ok" | "gone">((resolve) => {
        const upstream = http.request(
          { socketPath: fn.socket, method: req.method, path: `/${name}${rest}`, headers: { ...headers, host: "localhost" } },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            up.on("end", () => resolve("ok"));
            up.on("error", () => resolve("ok"));
          },
        );
        upstream.on("error", (e: NodeJS.ErrnoException) => {
          if (!res.headersSent && attempt === 0 && (e.code === "ECONNREFUSED" || e.code === "ENOENT")) return resolve("gone");
          json(502, { code: "WORKER_ERROR", message: `Function ${name} failed: ${e.message}` });
          resolve("ok");
        });
        upstream.end(body);
      });
      if (sent === "ok") return;
      if (this.running.get(name) === fn) {
        this.running.delete(name);
        fn.child.kill("SIGKILL");
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.all(
      all.map(
        (r) =>
          new Promise<void>((resolve) => {
            if (r.child.exitCode !== null || r.child.signalCode !== null) return resolve();
            const t = setTimeout(() => r.child.kill("SIGKILL"), 3000);
            r.child.once("exit", () => {
              clearTimeout(t);
              resolve();
            });
            r.child.kill("SIGTERM");
          }),
      ),
    );
    fs.rmSync(this.runDir, { recursive: true, force: true });
  }
}
