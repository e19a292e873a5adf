// Funds benchmarks (issue 9), figures not assertions: `npx tsx tests/bench/funds.ts` (also run by `npm run bench`).
//   1. The finance dashboard and 决算 functions through the gateway, signed in as district finance and as the
//      organisation department, over a ledger grown to BENCH_LEDGER entries (default 100,000): p50/p95.
//   2. Approvals under contention: BENCH_DECISIONS (default 50) decide_application calls fired at once at one budget
//      line with room for exactly BENCH_ROOM (default 10) of them: calls per second, outcomes, and whether the line
//      was ever over-committed (its committed + paid against its amount, and the ledger against the allocations).
// The bench starts its own stack (BENCH_FUNDS_PORT_BASE, default 27521) with the demo seed and loads the bulk data
// as supabase_admin with triggers off, the way tests/bench/large-district.ts does; the figures the views derive
// need no rebuild because nothing is stored.
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import ws from "ws";
import { portsFrom } from "../../supabase/local/config.ts";
import { startStack } from "../../supabase/local/stack.ts";

const LEDGER = Number(process.env.BENCH_LEDGER ?? 100_000);
const N = Number(process.env.BENCH_FUNDS_N ?? 100);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 50);
const ROOM = Number(process.env.BENCH_ROOM ?? 10);
const ports = portsFrom(Number(process.env.BENCH_FUNDS_PORT_BASE ?? 27521));

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function time(label: string, fn: () => PromiseLike<{ error: unknown; data?: unknown }>, n = N) {
  for (let i = 0; i < Math.min(10, n); i++) {
    const r = await fn();
    if (r.error) throw new Error(`${label}: ${JSON.stringify(r.error)}`);
  }
  const xs: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fn();
    xs.push(performance.now() - t);
    if (r.error) throw new Error(`${label}: ${JSON.stringify(r.error)}`);
    rows = Array.isArray(r.data) ? r.data.length : 1;
  }
  console.log(`  ${label.padEnd(66)} p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms   (${rows} rows)`);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-bench-funds-"));
fs.chmodSync(dataDir, 0o755);
const stack = await startStack({ dataDir, ...ports });
const admin = new pg.Client(stack.superuserDbUrl);
await admin.connect();
try {
  const uid = async (email: string) =>
    (await admin.query<{ id: string }>("select id from auth.users where email = $1", [email])).rows[0].id;
  const leaderId = await uid("leader@demo.local");
  const streetId = await uid("street@demo.local");
  const financeId = await uid("finance@demo.local");

  // ─── grow the ledger ───────────────────────────────────────────────────────────────────────────
  // Each bulk grant: an approved application with one allocation, a grant, four paid tranches; in the ledger one
  // commitment and four disbursements (5 entries). Spread over six years, every team and the five purposes.
  const GRANTS = Math.max(1, Math.ceil(LEDGER / 5));
  console.log(`\nGrowing the fund ledger by ${(GRANTS * 5).toLocaleString()} entries (${GRANTS.toLocaleString()} grants × 4 paid tranches), triggers off`);
  const t0 = performance.now();
  await admin.query("begin");
  await admin.query("set local session_replication_role = replica");
  await admin.query(`
    create temporary table bench_lines on commit drop as
    with src as (
      insert into public.fund_sources (fiscal_year, kind, name, org_unit_id, appropriated_fen, created_by)
      select y, 'district_special', '压测专项资金' || y, (select id from public.org_units where level = 'district'), 0, $1
        from generate_series(2021, 2026) y
      returning id, fiscal_year),
    made as (
      insert into public.budget_lines (source_id, fiscal_year, purpose, name, amount_fen, created_by)
      select src.id, src.fiscal_year, p, '压测' || p::text, 1, $1
        from src cross join unnest(enum_range(null::public.budget_purpose)) p
      returning id, source_id, fiscal_year, purpose)
    select id, source_id, fiscal_year, purpose, row_number() over (order by id) - 1 as k from made`, [financeId]);
  await admin.query(`
    create temporary table bench_apps on commit drop as
    with teams as (select array_agg(id order by id) ids from public.org_units where level = 'team'),
         lines as (select array_agg(id order by id) ids, count(*)::int n from bench_lines),
         made as (
           insert into public.grant_applications (team_id, purpose, title, amount_requested_fen, period_start, period_end,
                                                   target_hours, target_people, target_activities, status,
                                                   created_by, submitted_at, screened_by, checked_by, decided_by)
           select teams.ids[1 + i % cardinality(teams.ids)], l.purpose, '压测申报' || i, 40000 * (1 + i % 25),
                  make_date(l.fiscal_year, 1 + i % 12, 1), make_date(l.fiscal_year, 12, 31), 100, 50, 10, 'approved',
                  $1, now(), $2, $3, $3
             from generate_series(0, ${GRANTS - 1}) i cross join teams cross join lines
             cross join lateral (select * from bench_lines where k = (i % lines.n)) l
           returning id, amount_requested_fen, purpose, period_start, period_end, team_id)
    select made.*, l.id as line_id, l.source_id
      from made join bench_lines l on l.purpose = made.purpose and l.fiscal_year = extract(year from made.period_start)`,
    [leaderId, streetId, financeId]);
  await admin.query(`insert into public.application_allocations (application_id, line_id, amount_fen)
                     select id, line_id, amount_requested_fen from bench_apps`);
  await admin.query(`
    create temporary table bench_grants on commit drop as
    with g as (
      insert into public.grants (application_id, agreement_no, team_id, purpose, amount_fen, starts_on, ends_on,
                                 target_hours, target_people, target_activities, status, created_by)
      select id, 'BENCH-' || id, team_id, purpose, amount_requested_fen, period_start, period_end, 100, 50, 10,
             'completed', $1 from bench_apps
      returning id, application_id)
    select g.id as grant_id, a.* from g join bench_apps a on a.id = g.application_id`, [financeId]);
  await admin.query(`
    insert into public.grant_tranches (grant_id, seq, line_id, amount_fen, due_on, status, created_by,
                                       requested_by, requested_at, approved_by, approved_at, paid_by, paid_on)
    select grant_id, s, line_id, amount_requested_fen / 4, period_start + (s - 1) * 60, 'paid', $1,
           $2, now(), $1, now(), $1, period_start + (s - 1) * 60
      from bench_grants, generate_series(1, 4) s`, [financeId, leaderId]);
  await admin.query(`
    insert into public.fund_ledger (kind, source_id, line_id, application_id, amount_fen, occurred_on, created_by)
    select 'commitment', source_id, line_id, id, amount_requested_fen, period_start, $1 from bench_grants`, [financeId]);
  await admin.query(`
    insert into public.fund_ledger (kind, source_id, line_id, application_id, tranche_id, amount_fen, occurred_on, created_by)
    select 'disbursement', g.source_id, t.line_id, g.id, t.id, t.amount_fen, t.paid_on, $1
      from public.grant_tranches t join bench_grants g on g.grant_id = t.grant_id`, [financeId]);
  // every line just covers what it funds, every source its lines (as the triggers would have insisted)
  await admin.query(`update public.budget_lines b set amount_fen = greatest(1, coalesce(
                       (select sum(amount_requested_fen) from bench_apps a where a.line_id = b.id), 0) * 11 / 10)
                      where b.id in (select id from bench_lines)`);
  await admin.query(`update public.fund_sources s set appropriated_fen =
                       (select sum(amount_fen) from public.budget_lines b where b.source_id = s.id)
                      where s.id in (select source_id from bench_lines)`);
  await admin.query("commit");
  await admin.query("vacuum (analyze)");
  const { rows: [size] } = await admin.query<{ ledger: string; grants: string; tranches: string }>(`
    select (select count(*) from public.fund_ledger) ledger, (select count(*) from public.grants) grants,
           (select count(*) from public.grant_tranches) tranches`);
  console.log(`  ${Number(size.ledger).toLocaleString()} ledger entries, ${Number(size.grants).toLocaleString()} grants, ` +
    `${Number(size.tranches).toLocaleString()} tranches in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const signIn = async (email: string): Promise<SupabaseClient> => {
    const sb = createClient(stack.apiUrl, stack.config.anonKey, { auth: { persistSession: false }, realtime: { transport: ws as never } });
    const { error } = await sb.auth.signInWithPassword({ email, password: "demo123456" });
    if (error) throw error;
    return sb;
  };
  const finance = await signIn("finance@demo.local");
  const org = await signIn("org@demo.local");
  if (process.env.BENCH_FUNDS_KEEP) {
    // look at plans by hand: psql on the printed URL, set role authenticated + request.jwt.claims
    console.log(`kept: ${stack.superuserDbUrl} (Ctrl-C stops)`);
    await new Promise(() => undefined);
  }
  const anon = createClient(stack.apiUrl, stack.config.anonKey, { auth: { persistSession: false }, realtime: { transport: ws as never } });

  // ─── 1. finance functions ──────────────────────────────────────────────────────────────────────
  console.log(`\nFinance dashboard and 决算 through the gateway (${N} sequential requests each)`);
  for (const [who, sb] of [["finance", finance], ["org", org]] as const) {
    const w = who.padEnd(7);
    await time(`${w} · finance_money_by_stream(2021, 2026)`, () => sb.rpc("finance_money_by_stream", { p_from_year: 2021, p_to_year: 2026 }));
    await time(`${w} · finance_disbursements_by_month(2026)`, () => sb.rpc("finance_disbursements_by_month", { p_from: "2026-01-01", p_to: "2026-12-31" }));
    await time(`${w} · finance_by_street(2026)`, () => sb.rpc("finance_by_street", { p_year: 2026 }));
    await time(`${w} · finance_tilt_share(2026)`, () => sb.rpc("finance_tilt_share", { p_year: 2026 }));
    await time(`${w} · finance_concentration(2026)`, () => sb.rpc("finance_concentration", { p_year: 2026 }));
    await time(`${w} · finance_cost_per_hour(2026)`, () => sb.rpc("finance_cost_per_hour", { p_year: 2026 }));
    await time(`${w} · fund_accounts(2026)`, () => sb.rpc("fund_accounts", { p_year: 2026 }));
    await time(`${w} · funds_action_counts()`, () => sb.rpc("funds_action_counts"));
    await time(`${w} · budget_line_balances, year 2026`, () => sb.from("budget_line_balances").select("*").eq("fiscal_year", 2026));
    await time(`${w} · fund_ledger page (newest 20, count=exact)`, () =>
      sb.from("fund_ledger").select("*", { count: "exact" }).order("id", { ascending: false }).range(0, 19));
  }
  await time("anon    · grant_notices()", () => anon.rpc("grant_notices"));

  // ─── 2. decisions racing for one line ─────────────────────────────────────────────────────────
  const AMOUNT = 100_000; // ¥1,000 each: below the two-approval threshold, so one decision commits
  const { rows: [line] } = await admin.query<{ id: string }>(`
    with s as (insert into public.fund_sources (fiscal_year, kind, name, org_unit_id, appropriated_fen, created_by)
               values (2026, 'district_special', '压测争用资金', (select id from public.org_units where level = 'district'), $1, $2)
               returning id)
    insert into public.budget_lines (source_id, fiscal_year, purpose, name, amount_fen, created_by)
    select id, 2026, 'activities', '压测争用科目', $1, $2 from s returning id`, [AMOUNT * ROOM, financeId]);
  const { rows: apps } = await admin.query<{ id: string }>(`
    with a as (
      insert into public.grant_applications (team_id, purpose, title, amount_requested_fen, period_start, period_end,
                                             target_hours, status, created_by, submitted_at, screened_by, checked_by)
      select 1001, 'activities', '争用申报' || i, $1, date '2026-12-01', date '2026-12-31', 10, 'checked', $2, now(), $3, $4
        from generate_series(1, ${DECISIONS}) i
      returning id)
    insert into public.application_allocations (application_id, line_id, amount_fen)
    select id, $5, $1 from a returning application_id as id`, [AMOUNT, leaderId, streetId, financeId, line.id]);
  console.log(`\n${DECISIONS} decide_application calls at once (org), one line with room for exactly ${ROOM}`);
  const t1 = performance.now();
  const results = await Promise.all(apps.map((a) => org.rpc("decide_application", { p_id: Number(a.id), p_approve: true })));
  const wall = performance.now() - t1;
  const outcomes = new Map<string, number>();
  for (const r of results) {
    const k = r.error ? `${r.error.code} ${r.error.hint ?? r.error.message}` : String(r.data);
    outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
  }
  const { rows: [bal] } = await admin.query<{ amount_fen: string; committed_fen: string; paid_fen: string; commitments: string }>(`
    select b.amount_fen, b.committed_fen, b.paid_fen,
           (select count(*) from public.fund_ledger l where l.line_id = b.line_id and l.kind = 'commitment') commitments
      from public.budget_line_balances b where b.line_id = $1`, [line.id]);
  const ok = outcomes.get("in_notice") ?? 0;
  console.log(`  ${(DECISIONS / (wall / 1000)).toFixed(0)} calls/s, ${(ok / (wall / 1000)).toFixed(1)} approvals/s (${wall.toFixed(0)} ms for all); ` +
    `outcomes: ${[...outcomes].map(([k, v]) => `${k} ×${v}`).join(", ")}`);
  const over = Number(bal.committed_fen) + Number(bal.paid_fen) - Number(bal.amount_fen);
  console.log(`  commitments ${bal.commitments} (room for ${ROOM}); committed ${bal.committed_fen} of ${bal.amount_fen} fen; ` +
    `over-commitment ${over > 0 ? over : 0} fen; deadlocks ${outcomes.get("40P01 undefined") ?? 0}`);
} finally {
  await admin.end();
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
