// `npm run bench`: figures, not assertions.
//   - the leader's home on a simulated phone: sign-in submitted → home usable (tests/bench/phone.ts)
//   - funds: finance figures at 100,000 ledger entries, 50 decisions racing for one line (tests/bench/funds.ts)
//   - stack start-up: cold (initdb + migrations + seed) and warm (existing data)
//   - list requests as the Refine pages send them, through the gateway, signed in as each demo role:
//     p50/p95 over many sequential requests, with and without the caller's scope as a filter.
//   - JavaScript per route (tests/bench/bundle.ts): the production build loaded in Chromium as each role,
//     gzip bytes of the scripts each route loads (BENCH_BUNDLE=0 skips it).
//   - a large district (BENCH_RECORDS service records, default 1,000,000; 0 skips it) built in the bench's own
//     database: the statistics RPCs against fetching the rows and aggregating in the client, and
//     200 concurrent redemptions.
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import ws from "ws";
import { portsFrom } from "../../supabase/local/config.ts";
import { startStack } from "../../supabase/local/stack.ts";
import { measureBundle } from "./bundle.ts";
import { buildLargeDistrict } from "./large-district.ts";

const N = Number(process.env.BENCH_N ?? 300);
// BENCH_PORT_BASE moves the bench's stack (api = base, db = base+1, PostgREST = base+9 / base+10).
const base = Number(process.env.BENCH_PORT_BASE ?? 27421);
const ports = portsFrom(base);

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function time(label: string, fn: () => PromiseLike<{ error: unknown }>, n = N) {
  for (let i = 0; i < Math.min(20, n); i++) await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
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

// The leader's home on a throttled phone (its own stack and production build): tests/bench/phone.ts.
const phone = spawnSync(process.execPath, ["--import", "tsx", "tests/bench/phone.ts"], { stdio: "inherit" });
if (phone.status !== 0) throw new Error("tests/bench/phone.ts failed");

// Funds (issue 9): finance figures at 100,000 ledger entries and decisions racing for one line (own stack).
const funds = spawnSync(process.execPath, ["--import", "tsx", "tests/bench/funds.ts"], { stdio: "inherit" });
if (funds.status !== 0) throw new Error("tests/bench/funds.ts failed");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-bench-"));
fs.chmodSync(dataDir, 0o755);
console.log("\nStack start-up");
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

console.log(`\nDashboard at demo size through the gateway (${N} sequential requests each)`);
const THIS_YEAR = { p_from: "2026-01-01", p_to: "2026-12-31" };
for (const [who, sb] of [["org", org], ["street", street], ["leader", leader]] as const) {
  await time(`${who.padEnd(6)} · dashboard_kpis(this year)`, () => sb.rpc("dashboard_kpis", THIS_YEAR));
  await time(`${who.padEnd(6)} · star_distribution()`, () => sb.rpc("star_distribution"));
  await time(`${who.padEnd(6)} · service_hours_by_month(this year)`, () => sb.rpc("service_hours_by_month", THIS_YEAR));
}

// Sign-in as the login page does it: one password grant, then the caller's scope. Every sign-in
// creates a session, so the figure includes bcrypt and the sign-in rate limiter's book-keeping.
const S = Number(process.env.BENCH_SIGNIN_N ?? 100);
console.log(`\nSign-in through the gateway (${S} sequential sign-ins of one account, then my_scope)`);
await time("leader · signInWithPassword", async () => {
  const sb = createClient(stack.apiUrl, stack.config.anonKey, { auth: { persistSession: false }, realtime: { transport: ws as never } });
  return sb.auth.signInWithPassword({ email: "leader@demo.local", password: "demo123456" });
}, S);

if (process.env.BENCH_BUNDLE !== "0") await measureBundle({ apiUrl: stack.apiUrl, anonKey: stack.config.anonKey });

// ─── The large district ────────────────────────────────────────────────────────────────────────────
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
if (RECORDS === 0) {
  // BENCH_RECORDS=0: the demo-size figures only
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
const admin = new pg.Client(stack.superuserDbUrl); // the bulk load turns triggers off (session_replication_role)
await admin.connect();
console.log(`\nBuilding a large district with ${RECORDS.toLocaleString()} service records (own database, triggers off for the load)`);
const built = await buildLargeDistrict(admin, RECORDS, (line) => console.log(`  ${line}`));
console.log(`  ${built.records.toLocaleString()} records, ${built.volunteers.toLocaleString()} volunteers, ${built.teams.toLocaleString()} teams, ${built.ledger.toLocaleString()} passbook entries`);

const R = Number(process.env.BENCH_RPC_N ?? 100);
console.log(`\nStatistics RPCs through the gateway (${R} sequential requests each)`);
const YEARS = { p_from: "2025-01-01", p_to: "2026-12-31" };
const rpc: Record<string, { p95: number; p50: number }> = {};
for (const [who, sb] of [["org", org], ["street", street], ["leader", leader]] as const) {
  rpc[`${who} stars`] = await time(`${who.padEnd(6)} · star_distribution()`, () => sb.rpc("star_distribution"), R);
  rpc[`${who} months`] = await time(`${who.padEnd(6)} · service_hours_by_month(2025-01-01, 2026-12-31)`, () => sb.rpc("service_hours_by_month", YEARS), R);
}
await time("org    · dashboard_kpis(this year)", () => org.rpc("dashboard_kpis", { p_from: "2026-01-01", p_to: "2026-12-31" }), R);
await time("org    · service_hours_by_team(top 15)", () => org.rpc("service_hours_by_team", { ...YEARS, p_limit: 15 }), R);
await time("org    · top_volunteers(10)", () => org.rpc("top_volunteers", { p_limit: 10 }), R);

// The service records page as it asks for a page (newest first, page of 20): embeds join inner only
// when a filter needs them; a district-wide page without filters asks for an estimated count.
const recordsPage = (sb: SupabaseClient, count: "exact" | "estimated", teamInner = false) =>
  sb.from("service_records")
    .select(`*, volunteers(name), team:org_units!team_id${teamInner ? "!inner" : ""}(name, street_id, community_id, district_id), service_activities(title, place, projects(name))`, { count })
    .order("service_date", { ascending: false }).order("id", { ascending: false }).range(0, 19);
console.log(`\nService records page through the gateway (${R} sequential requests each, page of 20)`);
await time("org    · records page, count=estimated (as the page asks)", () => recordsPage(org, "estimated"), R);
await time("org    · records page, count=exact", () => recordsPage(org, "exact"), R);
await time("org    · records page, pending only, count=exact", () => recordsPage(org, "exact").eq("status", "pending"), R);
await time("street · records page, team.street_id=eq.2, count=exact", () => recordsPage(street, "exact", true).eq("team.street_id", 2), R);
await time("leader · records page, team_id=in.(1001), count=exact", () => recordsPage(leader, "exact").in("team_id", [1001]), R);

/** What a client without the RPCs would do: page through every approved record it may read
 *  (PostgREST returns at most 1,000 rows a request) and aggregate in JavaScript. */
async function clientAggregate(sb: SupabaseClient): Promise<{ ms: number; rows: number }> {
  const t = performance.now();
  const byMonth = new Map<string, number>();
  const byPerson = new Map<string, number>();
  let last = 0;
  let rows = 0;
  for (;;) {
    const { data, error } = await sb.from("service_records").select("id, volunteer_id, service_date, hours")
      .eq("status", "approved").gt("id", last).order("id").limit(1000);
    if (error) throw new Error(JSON.stringify(error));
    for (const r of data) {
      const m = (r.service_date as string).slice(0, 7);
      byMonth.set(m, (byMonth.get(m) ?? 0) + Number(r.hours));
      byPerson.set(r.volunteer_id as string, (byPerson.get(r.volunteer_id as string) ?? 0) + Number(r.hours));
    }
    rows += data.length;
    if (data.length < 1000) break;
    last = data[data.length - 1].id as number;
  }
  return { ms: performance.now() - t, rows };
}

console.log("\nThe same figures aggregated in the client (one full fetch of the rows each)");
for (const [who, sb] of [["street", street], ["org", org]] as const) {
  const c = await clientAggregate(sb);
  const best = Math.max(rpc[`${who} stars`].p95, rpc[`${who} months`].p95);
  console.log(`  ${who.padEnd(6)} · fetched ${c.rows.toLocaleString()} rows in ${(c.ms / 1000).toFixed(1)} s` +
    ` → RPC (p95 ${best.toFixed(1)} ms) is ${Math.round(c.ms / best).toLocaleString()}× faster`);
}

// ─── 200 concurrent redemptions ───────────────────────────────────────────────────────────────────
const CALLS = Number(process.env.BENCH_REDEEM_CALLS ?? 200);
const { rows: people } = await admin.query<{ volunteer_id: string }>(
  "select volunteer_id from team_memberships where team_id = 1001 and left_on is null order by id");
const { rows: rewardRows } = await admin.query<{ id: string }>(
  "insert into rewards (category, name, points_cost, stock) select 'daily_goods', '压测礼品' || i, 5, 100000 from generate_series(1, 5) i returning id");
const rewardIds = rewardRows.map((r) => Number(r.id));
console.log(`\n${CALLS} redeem_reward calls at once (leader, ${people.length} members, ${rewardIds.length} rewards)`);
const t0 = performance.now();
const results = await Promise.all(Array.from({ length: CALLS }, (_, i) =>
  leader.rpc("redeem_reward", { p_volunteer_id: people[i % people.length].volunteer_id, p_reward_id: rewardIds[i % rewardIds.length], p_quantity: 1 })));
const wall = performance.now() - t0;
const codes = new Map<string, number>();
for (const r of results) codes.set(r.error ? `${r.error.code}${r.error.hint ? ` ${r.error.hint}` : ""}` : "ok", (codes.get(r.error ? `${r.error.code}${r.error.hint ? ` ${r.error.hint}` : ""}` : "ok") ?? 0) + 1);
const { rows: [neg] } = await admin.query<{ n: string }>("select count(*) as n from points_balances where balance < 0");
const { rows: [stock] } = await admin.query<{ s: string }>("select sum(stock) as s from rewards where id = any($1)", [rewardIds]);
console.log(`  ${(CALLS / (wall / 1000)).toFixed(0)} calls/s (${wall.toFixed(0)} ms for all); outcomes: ${[...codes].map(([k, v]) => `${k} ×${v}`).join(", ")}`);
console.log(`  deadlocks: ${codes.get("40P01") ?? 0}; negative balances: ${neg.n}; stock taken ${rewardIds.length * 100000 - Number(stock.s)} = successes ${codes.get("ok") ?? 0}`);

await admin.end();
await stack.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
