// `npm run bench`: figures, not assertions.
//   - stack start-up: cold (initdb + migrations + seed) and warm (existing data)
//   - list requests as the Refine pages send them, through the gateway, signed in as each demo role:
//     p50/p95 over many sequential requests, with and without the caller's scope as a filter.
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ws from "ws";
import { startStack } from "../../supabase/local/stack.ts";

const N = Number(process.env.BENCH_N ?? 300);
const ports = { apiPort: 27421, dbPort: 27422, restPort: 27430, restAdminPort: 27431 };

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function time(label: string, fn: () => PromiseLike<{ error: unknown }>) {
  for (let i = 0; i < 20; i++) await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const r = await fn();
    xs.push(performance.now() - t);
    if (r.error) throw new Error(`${label}: ${JSON.stringify(r.error)}`);
  }
  const p50 = pct(xs, 50);
  const p95 = pct(xs, 95);
  console.log(`  ${label.padEnd(64)} p50 ${p50.toFixed(2).padStart(6)} ms   p95 ${p95.toFixed(2).padStart(6)} ms`);
  return { p50, p95 };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-bench-"));
fs.chmodSync(dataDir, 0o755);
console.log("Stack start-up");
let stack = await startStack({ dataDir, ...ports });
console.log(`  cold (initdb, ${stack.migrations.applied.length} migrations, seed)        ${stack.startedInMs.toFixed(0)} ms`);
await stack.stop();
const warm: number[] = [];
for (let i = 0; i < 3; i++) {
  stack = await startStack({ dataDir, ...ports });
  warm.push(stack.startedInMs);
  if (i < 2) await stack.stop();
}
console.log(`  warm (existing data), 3 runs                   ${warm.map((w) => w.toFixed(0)).join(" / ")} ms`);

async function signIn(email: string): Promise<SupabaseClient> {
  const sb = createClient(stack.apiUrl, stack.config.anonKey, { auth: { persistSession: false }, realtime: { transport: ws as never } });
  const { error } = await sb.auth.signInWithPassword({ email, password: "demo123456" });
  if (error) throw error;
  return sb;
}


const VOL_SELECT = "*, home_community:org_units!home_community_id(name), home_street:org_units!home_street_id(name), volunteer_contacts(phone)";

console.log(`\nList pages through the gateway (${N} sequential requests each, count=exact, page of 20)`);
const leader = await signIn("leader@demo.local");
const street = await signIn("street@demo.local");
const org = await signIn("org@demo.local");

await time("leader · teams list, scope filter id=in.(1001)", () =>
  leader.from("team_list").select("*", { count: "exact" }).in("id", [1001]).order("id").range(0, 19));
await time("leader · teams list, policy only", () =>
  leader.from("team_list").select("*", { count: "exact" }).order("id").range(0, 19));
await time("leader · roster of own team (team_memberships + volunteers + phones)", () =>
  leader.from("team_memberships").select("*, volunteers(id, name, gender, birth_year, is_party_member, volunteer_contacts(phone))").eq("team_id", 1001).is("left_on", null));
await time("leader · volunteers list (policy only)", () =>
  leader.from("volunteers").select(VOL_SELECT, { count: "exact" }).order("created_at", { ascending: false }).range(0, 19));
await time("leader · volunteers list, name search", () =>
  leader.from("volunteers").select(VOL_SELECT, { count: "exact" }).ilike("name", "%王%").order("created_at", { ascending: false }).range(0, 19));
await time("street · volunteers list, scope filter home_street_id=eq.2", () =>
  street.from("volunteers").select(VOL_SELECT, { count: "exact" }).eq("home_street_id", 2).order("created_at", { ascending: false }).range(0, 19));
await time("street · volunteers list, policy only", () =>
  street.from("volunteers").select(VOL_SELECT, { count: "exact" }).order("created_at", { ascending: false }).range(0, 19));
await time("org · volunteers list, category + post filters", () =>
  org.from("volunteers").select(VOL_SELECT, { count: "exact" }).contains("talent_category_ids", [2]).order("name").range(0, 19));
await time("org · teams list, street filter", () =>
  org.from("team_list").select("*", { count: "exact" }).eq("street_id", 3).order("id").range(0, 19));

await stack.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
