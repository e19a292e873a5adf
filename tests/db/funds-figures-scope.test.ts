// The finance figures are security definer with the caller's scope written out (20261201000600/000700, for speed).
// For every role each figure must equal what that role re-derives from the rows the RLS policies let it read
// through the API: a street's finance only its street's money, a leader or street admin none, the district's
// finance and the organisation department all. A figure that forgot the scope would show a street the district.
import { describe, expect, it } from "vitest";
import { as, type Actor } from "./helpers";

type Row = Record<string, unknown>;
const n = (x: unknown) => Number(x ?? 0);
const ROLES: Exclude<Actor, "anon">[] = ["org", "finance", "finance2", "street", "street2", "leader", "leader3"];

async function read(actor: Actor, table: string, columns: string, orderBy = "id"): Promise<Row[]> {
  const sb = await as(actor);
  const out: Row[] = [];
  for (let from = 0; ; from += 1000) {
    const { data, error } = await sb.from(table).select(columns).order(orderBy).range(from, from + 999);
    if (error) throw new Error(`${actor} ${table}: ${error.message}`);
    out.push(...(data as unknown as Row[]));
    if ((data ?? []).length < 1000) return out;
  }
}

async function rpc(actor: Actor, fn: string, args: Row = {}): Promise<Row[]> {
  const { data, error } = await (await as(actor)).rpc(fn as never, args as never);
  if (error) throw new Error(`${actor} ${fn}: ${error.message}`);
  return (Array.isArray(data) ? data : [data]) as Row[];
}

const sum = (rows: Row[], key: string) => rows.reduce((a, r) => a + n(r[key]), 0);
const streamOf = (line: Row, kind: unknown) => (line.is_tilt ? "tilt" : kind === "district_special" ? "district" : "partner");

describe("finance figures answer for the caller's scope, as the policies do", () => {
  for (const actor of ROLES) {
    it(`${actor}: money by stream, 决算, payments per month and per street equal the rows it reads`, async () => {
      const lines = await read(actor, "budget_line_balances", "line_id, source_id, fiscal_year, is_tilt, amount_fen, committed_fen, paid_fen, available_fen, released_fen", "line_id");
      const sources = await read(actor, "fund_sources", "id, kind, fiscal_year");
      const kind = new Map(sources.map((s) => [n(s.id), s.kind]));

      // money by stream
      const byStream = new Map<string, number[]>();
      for (const l of lines.filter((x) => n(x.fiscal_year) >= 2025 && n(x.fiscal_year) <= 2026)) {
        const k = `${l.fiscal_year}/${streamOf(l, kind.get(n(l.source_id)))}`;
        const acc = byStream.get(k) ?? [0, 0, 0, 0];
        byStream.set(k, [acc[0] + n(l.amount_fen), acc[1] + n(l.committed_fen), acc[2] + n(l.paid_fen), acc[3] + n(l.available_fen)]);
      }
      const stream = await rpc(actor, "finance_money_by_stream", { p_from_year: 2025, p_to_year: 2026 });
      expect(new Map(stream.map((r) => [`${r.fiscal_year}/${r.stream}`, [n(r.budget_fen), n(r.committed_fen), n(r.paid_fen), n(r.available_fen)]])))
        .toEqual(byStream);

      // 决算: one row per readable line of the year, with its balance
      const accounts = await rpc(actor, "fund_accounts", { p_year: 2026 });
      const lineRows = accounts.filter((r) => r.line_id !== null);
      expect(lineRows.map((r) => [n(r.line_id), n(r.amount_fen), n(r.committed_fen), n(r.paid_fen), n(r.available_fen)]).sort((a, b) => a[0] - b[0]))
        .toEqual(lines.filter((l) => n(l.fiscal_year) === 2026)
          .map((l) => [n(l.line_id), n(l.amount_fen), n(l.committed_fen), n(l.paid_fen), n(l.available_fen)]).sort((a, b) => a[0] - b[0]));
      expect(new Set(accounts.filter((r) => r.line_id === null).map((r) => n(r.source_id))))
        .toEqual(new Set(sources.filter((s) => n(s.fiscal_year) === 2026).map((s) => n(s.id))));

      // payments per month: the readable ledger's disbursements and returns (a reversal negates)
      const ledger = await read(actor, "fund_ledger_effects", "id, effective_kind, signed_fen, occurred_on");
      const paidByMonth = new Map<string, number>();
      for (const e of ledger) {
        if (e.effective_kind !== "disbursement" && e.effective_kind !== "return") continue;
        const m = String(e.occurred_on).slice(0, 7);
        paidByMonth.set(m, (paidByMonth.get(m) ?? 0) + (e.effective_kind === "disbursement" ? n(e.signed_fen) : -n(e.signed_fen)));
      }
      const months = await rpc(actor, "finance_disbursements_by_month", { p_from: "2000-01-01", p_to: "2100-12-31" });
      const fnByMonth = new Map<string, number>();
      for (const r of months) {
        const m = String(r.month).slice(0, 7);
        fnByMonth.set(m, (fnByMonth.get(m) ?? 0) + n(r.disbursed_fen) - n(r.returned_fen));
      }
      expect(fnByMonth).toEqual(paidByMonth);

      // one street's teams (p_street_id): the readable payments to applications of that street's teams
      const appStreet = new Map((await read(actor, "grant_applications", "id, team:org_units!team_id(street_id)"))
        .map((a) => [n(a.id), n((a.team as Row | null)?.street_id)]));
      const effects = ledger.length ? await read(actor, "fund_ledger_effects", "id, effective_kind, signed_fen, application_id") : [];
      const streets = (await read("org", "org_units", "id, level")).filter((u) => u.level === "street").map((u) => n(u.id));
      let streetsPaid = 0;
      for (const street of streets) {
        const expected = effects.filter((e) => (e.effective_kind === "disbursement" || e.effective_kind === "return") && appStreet.get(n(e.application_id)) === street)
          .reduce((a, e) => a + (e.effective_kind === "disbursement" ? n(e.signed_fen) : -n(e.signed_fen)), 0);
        const got = await rpc(actor, "finance_disbursements_by_month", { p_from: "2000-01-01", p_to: "2100-12-31", p_street_id: street });
        expect(got.reduce((a, r) => a + n(r.disbursed_fen) - n(r.returned_fen), 0), `${actor}, street ${street}`).toBe(expected);
        if (expected > 0) streetsPaid += 1;
      }
      if (actor === "org") expect(streetsPaid).toBeGreaterThan(1);

      // per street: what the year's readable lines committed to the applications it reads
      const apps = new Set((await read(actor, "grant_applications", "id")).map((a) => n(a.id)));
      const lines26 = new Set(lines.filter((l) => n(l.fiscal_year) === 2026).map((l) => n(l.line_id)));
      const alloc = ledger.length ? await read(actor, "fund_ledger", "id, line_id, application_id, kind, reversed_kind, amount_fen") : [];
      const expected = alloc.filter((e) => lines26.has(n(e.line_id)) && apps.has(n(e.application_id)))
        .reduce((a, e) => a + (e.kind === "commitment" ? n(e.amount_fen) : e.kind === "release" ? -n(e.amount_fen) : 0), 0);
      expect(sum(await rpc(actor, "finance_by_street", { p_year: 2026 }), "allocated_fen")).toBe(expected);
    });
  }

  it("a leader and a street admin see no money at all, and street finance less than the district's", async () => {
    for (const actor of ["leader", "leader3", "street", "street2"] as const) {
      expect(await rpc(actor, "finance_money_by_stream", { p_from_year: 2020, p_to_year: 2030 }), actor).toEqual([]);
      expect(await rpc(actor, "fund_accounts", { p_year: 2026 }), actor).toEqual([]);
      expect(await rpc(actor, "finance_concentration", { p_year: 2026 }), actor).toEqual([{ rank: 0, recipients: 0, recipient_share: 0, money_share: 0 }]);
      expect(n((await rpc(actor, "finance_tilt_share", { p_year: 2026 }))[0].allocated_fen), actor).toBe(0);
      expect(await rpc(actor, "finance_cost_per_hour", { p_year: 2026 }), actor).toEqual([]);
    }
    const street = sum(await rpc("finance2", "finance_money_by_stream", { p_from_year: 2026, p_to_year: 2026 }), "budget_fen");
    const district = sum(await rpc("finance", "finance_money_by_stream", { p_from_year: 2026, p_to_year: 2026 }), "budget_fen");
    expect(street).toBeGreaterThan(0);
    expect(street).toBeLessThan(district);
  });

  it("the needs-my-action counts count only rows the caller reads and may act on", async () => {
    const counts = async (actor: Actor) => Object.fromEntries((await rpc(actor, "funds_action_counts")).map((r) => [r.action, n(r.n)]));
    for (const actor of ROLES) {
      const c = await counts(actor);
      const apps = await read(actor, "grant_applications", "id, status, created_by");
      const mine = (await (await as(actor)).auth.getUser()).data.user!.id;
      expect(c.my_drafts, actor).toBe(apps.filter((a) => a.status === "draft" && a.created_by === mine).length);
      const tranches = await read(actor, "grant_tranches", "id, status, requested_by, line_id");
      // the rows behind the counts name only grants the caller reads (the grants list shows them)
      const grantsRead = new Set((await read(actor, "grants", "id")).map((g) => g.id));
      for (const r of await rpc(actor, "funds_action_items")) if (r.grant_id !== null) expect(grantsRead.has(r.grant_id), `${actor} ${r.action}`).toBe(true);
      if (actor.startsWith("leader") || actor.startsWith("street")) {
        for (const k of ["check", "tranche_approve", "tranche_pay", "voucher_check", "decide", "second_approval"]) expect(c[k], `${actor} ${k}`).toBe(0);
      }
      if (actor.startsWith("finance")) {
        // only on lines whose source the caller's scope owns (= the lines it reads): a street's finance never pays district money
        const lines = new Set((await read(actor, "budget_lines", "id")).map((l) => l.id));
        expect(c.tranche_pay, actor).toBe(tranches.filter((t) => t.status === "approved" && lines.has(t.line_id)).length);
        expect(c.check, actor).toBeLessThanOrEqual(apps.filter((a) => a.status === "screened").length);
      }
    }
  });
});
