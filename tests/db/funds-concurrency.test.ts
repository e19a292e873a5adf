// Funds under concurrency (issue 9), through the real API: decisions, payments and vouchers fired at once
// never over-commit a line, never pay a tranche twice and never file more vouchers than was paid; every
// derived figure equals its re-derivation from the ledger afterwards.
import { describe, expect, it } from "vitest";
import { appIn, grantWith, line, lineFigures, paid, storedFile, UID } from "./funds-helpers";
import { as, sql } from "./helpers";

async function ledgerSum(lineId: number, kind: string): Promise<number> {
  const [r] = await sql<{ s: string }>("select coalesce(sum(amount_fen), 0) as s from fund_ledger where line_id = $1 and kind = $2", [lineId, kind]);
  return Number(r.s);
}

describe("50 decisions at once on a line with room for exactly 10", () => {
  it("commits exactly 10, refuses 40 with funds.line_over_budget, and the line equals its re-derivation", async () => {
    const each = 10_000;
    const { lineId } = await line(10 * each);
    const apps: number[] = [];
    for (let i = 0; i < 50; i += 1) apps.push(await appIn("checked", { lineId, amountFen: each }));
    const org = await as("org");
    const results = await Promise.all(apps.map((id) => org.rpc("decide_application", { p_id: id, p_approve: true, p_reason: "并发" })));
    const ok = results.filter((r) => !r.error);
    const refused = results.filter((r) => r.error);
    expect(ok.map((r) => r.data)).toEqual(Array(10).fill("in_notice"));
    expect(new Set(refused.map((r) => r.error?.hint))).toEqual(new Set(["funds.line_over_budget"]));
    const f = await lineFigures(lineId);
    expect(f).toEqual({ amount: 10 * each, committed: 10 * each, paid: 0, available: 0 });
    expect(await ledgerSum(lineId, "commitment")).toBe(10 * each);
    const [n] = await sql<{ n: string }>("select count(*) as n from grant_applications where id = any($1) and status = 'in_notice'", [apps]);
    expect(Number(n.n)).toBe(10);
    // every refused application is still checked and committed nothing
    const [c] = await sql<{ n: string }>(
      "select count(*) as n from grant_applications a where id = any($1) and status = 'checked' and not exists (select 1 from fund_ledger l where l.application_id = a.id)", [apps]);
    expect(Number(c.n)).toBe(40);
  });
});

describe("50 tranche payments at once", () => {
  it("the same approved tranche paid 50 times at once is paid once: one disbursement, 49 refusals", async () => {
    const { lineId } = await line(1_000_000);
    const { tranches: [t] } = await grantWith(lineId, 100_000, [[50_000, "approved"]]);
    const finance = await as("finance");
    const results = await Promise.all(Array.from({ length: 50 }, () => finance.rpc("pay_tranche", { p_tranche_id: t })));
    expect(results.filter((r) => !r.error)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.error).map((r) => r.error?.hint))).toEqual(new Set(["funds.bad_state"]));
    const [d] = await sql<{ n: string }>("select count(*) as n from fund_ledger where tranche_id = $1 and kind = 'disbursement'", [t]);
    expect(Number(d.n)).toBe(1);
    expect(await lineFigures(lineId)).toEqual({ amount: 1_000_000, committed: 50_000, paid: 50_000, available: 900_000 });
  });

  it("50 retries with one request key (a lost answer) pay once and all answer the same entry", async () => {
    const { lineId } = await line(1_000_000);
    const { tranches: [t] } = await grantWith(lineId, 100_000, [[100_000, "approved"]]);
    const finance = await as("finance");
    const key = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 50 }, () => finance.rpc("pay_tranche", { p_tranche_id: t, p_request_key: key })));
    expect(results.map((r) => r.error)).toEqual(Array(50).fill(null));
    expect(new Set(results.map((r) => r.data)).size).toBe(1);
    expect(await ledgerSum(lineId, "disbursement")).toBe(100_000);
  });

  it("50 grants on one line paid at once: all paid, and committed + paid equal the ledger", async () => {
    const each = 20_000;
    const { lineId } = await line(50 * each);
    const ts: number[] = [];
    for (let i = 0; i < 50; i += 1) ts.push((await grantWith(lineId, each, [[each, "approved"]])).tranches[0]);
    const finance = await as("finance");
    const results = await Promise.all(ts.map((t) => finance.rpc("pay_tranche", { p_tranche_id: t })));
    expect(results.filter((r) => r.error).map((r) => r.error?.message)).toEqual([]);
    const f = await lineFigures(lineId);
    expect(f.paid).toBe(await ledgerSum(lineId, "disbursement"));
    expect(f.committed).toBe((await ledgerSum(lineId, "commitment")) - (await ledgerSum(lineId, "release")) - (await ledgerSum(lineId, "disbursement")));
    expect(f).toEqual({ amount: 50 * each, committed: 0, paid: 50 * each, available: 0 });
  });

  it("a schedule corrupted past the grant (12 approved first tranches) still pays at most the grant", async () => {
    const { lineId } = await line(1_000_000);
    // 12 grants' worth of tranches are impossible through schedule_tranche; written here by hand, seq 1..12,
    // each gated only by its predecessor, so they are paid in order: the 11th and 12th exceed the grant.
    const { grantId, tranches } = await grantWith(lineId, 100_000, Array.from({ length: 12 }, () => [10_000, "approved"] as [number, string]));
    const finance = await as("finance");
    for (const [i, t] of tranches.entries()) {
      const { error } = await finance.rpc("pay_tranche", { p_tranche_id: t });
      if (i < 10) {
        expect(error).toBeNull();
        // the grantee's verified voucher opens the next tranche
        await sql(
          `insert into grant_vouchers (grant_id, tranche_id, object_path, file_name, mime, size_bytes, amount_fen, issued_on, status, uploaded_by, checked_by)
           values ($1, $2, $3, 'v.jpg', 'image/jpeg', 10, 5000, '2026-06-01', 'verified', $4, $5)`,
          [grantId, t, `${grantId}/${t}/v.jpg`, UID.leader, UID.finance]);
      } else {
        // the 11th exceeds the grant; the 12th is not even reached (its predecessor was never paid)
        expect(error?.hint).toBe(i === 10 ? "funds.tranches_over_grant" : "funds.vouchers_gate");
      }
    }
    expect(await ledgerSum(lineId, "disbursement")).toBe(100_000);
  });
});

describe("50 vouchers at once on a paid tranche with room for exactly 10", () => {
  it("files exactly 10 (Σ non-rejected ≤ paid), refuses 40 with funds.vouchers_over_paid", async () => {
    const { lineId } = await line(1_000_000);
    const { grantId, tranches: [t] } = await grantWith(lineId, 100_000, [[100_000, "approved"]]);
    await paid(t);
    const leader = await as("leader");
    const paths = await Promise.all(Array.from({ length: 50 }, () => storedFile(`${grantId}/${t}/${crypto.randomUUID()}.jpg`)));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => leader.rpc("add_voucher", {
      p_tranche_id: t, p_object_path: paths[i], p_file_name: `票${i}.jpg`, p_mime: "image/jpeg",
      p_size_bytes: 1000, p_amount_fen: 10_000, p_issued_on: "2026-06-05",
    })));
    expect(results.filter((r) => !r.error)).toHaveLength(10);
    expect(new Set(results.filter((r) => r.error).map((r) => r.error?.hint))).toEqual(new Set(["funds.vouchers_over_paid"]));
    const [s] = await sql<{ s: string }>("select sum(amount_fen) as s from grant_vouchers where grant_id = $1", [grantId]);
    expect(Number(s.s)).toBe(100_000);
  });
});
