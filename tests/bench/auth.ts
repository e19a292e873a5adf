// Sign-in cost with bcrypt cost 10 and the rate limiter, and the cold start of an edge function.
// `npx tsx tests/bench/auth.ts` (own stack; BENCH_AUTH_PORT_BASE moves its ports). Prints figures,
// asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import ws from "ws";
import { Limiter } from "../../supabase/local/auth.ts";
import { portsFrom } from "../../supabase/local/config.ts";
import { startStack } from "../../supabase/local/stack.ts";

const N = Number(process.env.BENCH_AUTH_N ?? 60);
const base = Number(process.env.BENCH_AUTH_PORT_BASE ?? 27521);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const line = (label: string, xs: number[]) =>
  console.log(`  ${label.padEnd(58)} p50 ${pct(xs, 50).toFixed(2).padStart(7)} ms   p95 ${pct(xs, 95).toFixed(2).padStart(7)} ms`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-bench-auth-"));
fs.chmodSync(dataDir, 0o755);
process.env.SUPABASE_DB_FAST = "1";
const stack = await startStack({ dataDir, ...portsFrom(base), quiet: true });
try {
  const mk = () =>
    createClient(stack.apiUrl, stack.config.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: ws as never } });
  console.log(`Sign-in (POST /auth/v1/token, bcrypt cost 10), ${N} sequential sign-ins`);
  const ok: number[] = [];
  const wrong: number[] = [];
  const unknown: number[] = [];
  const users = ["org@demo.local", "street@demo.local", "leader@demo.local", "finance@demo.local"];
  for (let i = 0; i < N; i += 1) {
    let t = performance.now();
    const r = await mk().auth.signInWithPassword({ email: users[i % 4], password: "demo123456" });
    ok.push(performance.now() - t);
    if (r.error) throw r.error;
    if (i < 8) {
      t = performance.now();
      await mk().auth.signInWithPassword({ email: users[i % 4], password: "wrong-password" });
      wrong.push(performance.now() - t);
      t = performance.now();
      await mk().auth.signInWithPassword({ email: `nobody${i}@example.org`, password: "wrong-password" });
      unknown.push(performance.now() - t);
    }
  }
  line("right password", ok);
  line("wrong password (8 samples)", wrong);
  line("unknown address (8 samples; same bcrypt work)", unknown);

  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  for (const cost of [6, 10]) {
    const xs: number[] = [];
    const [{ h }] = (await db.query(`select extensions.crypt('demo123456', extensions.gen_salt('bf', ${cost})) as h`)).rows;
    for (let i = 0; i < 20; i += 1) {
      const t = performance.now();
      await db.query("select extensions.crypt('demo123456', $1)", [h]);
      xs.push(performance.now() - t);
    }
    line(`one bcrypt check in SQL, cost ${cost}`, xs);
  }
  await db.end();

  const limiter = new Limiter();
  const M = 200_000;
  let t = performance.now();
  for (let i = 0; i < M; i += 1) limiter.take(`signin:127.0.0.${i % 250}`, 1_000_000, 300_000);
  console.log(`  rate limiter: ${(((performance.now() - t) * 1000) / M).toFixed(2)} µs per check (${M} checks over 250 keys)`);

  console.log("Edge function invite-staff (Deno)");
  const org = mk();
  await org.auth.signInWithPassword({ email: "org@demo.local", password: "demo123456" });
  t = performance.now();
  await org.functions.invoke("invite-staff", { body: { email: "bench-cold@example.org", role: "finance", org_unit_id: 2 } });
  console.log(`  first call (cold start: deno boots, imports supabase-js)   ${(performance.now() - t).toFixed(0)} ms`);
  const warm: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    t = performance.now();
    await org.functions.invoke("invite-staff", { body: { email: `bench-${i}@example.org`, role: "finance", org_unit_id: 2 } });
    warm.push(performance.now() - t);
  }
  line("warm call (grant insert + invite + email)", warm);
} finally {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
