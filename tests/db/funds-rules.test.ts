// The funds rules a user or an attacker would notice (issue 9), through the real API: the whole path from a
// leader's draft to a paid, vouchered and evaluated grant; four eyes; two approvals above the threshold;
// restricted money and the tilt pool; lines within what a source has; vouchers gate the next tranche; the
// append-only ledger; the year close; and the 公示 as the only thing anon reaches.
import { describe, expect, it } from "vitest";
import { account, signIn } from "./auth-helpers.ts";
import { appIn, grantWith, line, lineFigures, paid, statusOf, storedFile, UID, voucher } from "./funds-helpers";
import { as, sql, unique, type Actor } from "./helpers";

const leaderOf1001 = () => as("leader");

describe("the whole path through the API", () => {
  it("draft → submitted → screened → checked → in_notice (公示 signed out) → approved → tranches paid → voucher verified → evaluated", async () => {
    const { lineId } = await line(1_000_000);
    const leader = await leaderOf1001();
    const { data: app, error } = await leader.from("grant_applications").insert({
      team_id: 1001, project_id: 8, purpose: "activities", title: unique("邻里守望"), amount_requested_fen: 950_000,
      period_start: "2026-01-01", period_end: "2026-12-31", target_hours: 100, target_people: 8, target_activities: 20,
    }).select().single();
    expect(error).toBeNull();
    expect(app!.status).toBe("draft");
    expect(app!.created_by).toBe(UID.leader);
    // the items must add up before submitting
    await leader.from("application_budget_items").insert({ application_id: app!.id, item: "物料", amount_fen: 500_000 });
    expect((await leader.rpc("submit_application", { p_id: app!.id })).error?.hint).toBe("funds.items_mismatch");
    await leader.from("application_budget_items").insert({ application_id: app!.id, item: "保险", amount_fen: 450_000 });
    expect((await leader.rpc("submit_application", { p_id: app!.id })).data).toBe("submitted");
    // items are frozen once submitted
    const late = await leader.from("application_budget_items").insert({ application_id: app!.id, item: "追加", amount_fen: 1 });
    expect(late.error?.code).toBe("42501");
    expect((await (await as("street")).rpc("screen_application", { p_id: app!.id, p_pass: true })).data).toBe("screened");
    const check = await (await as("finance")).rpc("check_application", { p_id: app!.id, p_allocations: [{ line_id: lineId, amount_fen: 950_000 }] });
    expect(check.error).toBeNull();
    expect(check.data).toEqual([{ line_id: lineId, amount_fen: 950_000, available_after_fen: 50_000, used_ratio_after: 0.95, warn: true }]);
    expect((await (await as("org")).rpc("decide_application", { p_id: app!.id, p_approve: true })).data).toBe("in_notice");
    expect(await lineFigures(lineId)).toEqual({ amount: 1_000_000, committed: 950_000, paid: 0, available: 50_000 });
    // 公示: anon sees it, with the published columns only
    const notices = await (await as("anon")).rpc("grant_notices");
    expect(notices.error).toBeNull();
    const row = notices.data!.find((n: { application_id: number }) => n.application_id === app!.id);
    expect(Object.keys(row).sort()).toEqual(["amount_fen", "application_id", "notice_end", "notice_start", "objection_contact", "project_name",
      "purpose", "status", "street_name", "team_name", "title"]);
    // approval waits for the notice to end
    expect((await (await as("org")).rpc("approve_application", { p_id: app!.id })).error?.hint).toBe("funds.notice_running");
    await sql("update grant_applications set notice_start = '2026-01-05', notice_end = '2026-01-12' where id = $1", [app!.id]);
    const { data: grantId, error: e2 } = await (await as("org")).rpc("approve_application", { p_id: app!.id });
    expect(e2).toBeNull();
    const finance = await as("finance");
    const t1 = (await finance.rpc("schedule_tranche", { p_grant_id: grantId, p_line_id: lineId, p_amount_fen: 500_000, p_due_on: "2026-03-01" })).data;
    expect((await finance.rpc("schedule_tranche", { p_grant_id: grantId, p_line_id: lineId, p_amount_fen: 500_000, p_due_on: "2026-06-01" })).error?.hint)
      .toBe("funds.tranches_over_grant");
    const t2 = (await finance.rpc("schedule_tranche", { p_grant_id: grantId, p_line_id: lineId, p_amount_fen: 450_000, p_due_on: "2026-06-01" })).data;
    expect((await leader.rpc("request_tranche", { p_tranche_id: t1 })).data).toBe("requested");
    expect((await finance.rpc("approve_tranche", { p_tranche_id: t1 })).data).toBe("approved");
    expect((await finance.rpc("pay_tranche", { p_tranche_id: t1 })).error).toBeNull();
    expect(await lineFigures(lineId)).toEqual({ amount: 1_000_000, committed: 450_000, paid: 500_000, available: 50_000 });
    // the second tranche waits for the first one's vouchers
    await finance.rpc("request_tranche", { p_tranche_id: t2 });
    expect((await (await as("finance")).rpc("approve_tranche", { p_tranche_id: t2 })).error?.hint).toBe("funds.four_eyes");
    await sql("update grant_tranches set status = 'approved', approved_by = $2 where id = $1", [t2, UID.org]);
    expect((await finance.rpc("pay_tranche", { p_tranche_id: t2 })).error?.hint).toBe("funds.vouchers_gate");
    // the grantee files a voucher in its grant's folder (another folder is refused), finance verifies it
    const bad = await leader.rpc("add_voucher", { p_tranche_id: t1, p_object_path: `999/${t1}/x.jpg`, p_file_name: "x.jpg", p_mime: "image/jpeg",
      p_size_bytes: 1000, p_amount_fen: 1000, p_issued_on: "2026-03-05" });
    expect(bad.error?.hint).toBe("funds.voucher_path");
    const { data: v, error: ev } = await leader.rpc("add_voucher", { p_tranche_id: t1, p_object_path: await storedFile(`${grantId}/${t1}/${crypto.randomUUID()}.jpg`),
      p_file_name: "发票.jpg", p_mime: "image/jpeg", p_size_bytes: 1000, p_amount_fen: 300_000, p_issued_on: "2026-03-05" });
    expect(ev).toBeNull();
    expect((await finance.rpc("pay_tranche", { p_tranche_id: t2 })).error?.hint).toBe("funds.vouchers_gate");
    expect((await finance.rpc("verify_voucher", { p_voucher_id: v, p_verified: true })).data).toBe("verified");
    expect((await finance.rpc("pay_tranche", { p_tranche_id: t2 })).error).toBeNull();
    expect(await lineFigures(lineId)).toEqual({ amount: 1_000_000, committed: 0, paid: 950_000, available: 50_000 });
    // 绩效 at the end of the grant: refused while it runs, then taken from approved service records of team 1001
    // and project 8 in the period (moved to end yesterday, as if it had run its course)
    expect((await finance.rpc("evaluate_grant", { p_grant_id: grantId })).error?.hint).toBe("funds.evaluation_too_early");
    await sql("update grants set ends_on = private.district_today() - 1 where id = $1", [grantId]);
    const { data: ev2, error: e3 } = await finance.rpc("evaluate_grant", { p_grant_id: grantId });
    expect(e3).toBeNull();
    const [expected] = await sql<{ h: string; p: string; a: string }>(
      `select coalesce(sum(r.hours), 0) as h, count(distinct r.volunteer_id) as p, count(distinct r.activity_id) as a
         from service_records r join service_activities s on s.id = r.activity_id
        where r.team_id = 1001 and r.status = 'approved' and s.project_id = 8
          and r.service_date between '2026-01-01' and private.district_today() - 1`);
    expect([Number(ev2.actual_hours), ev2.actual_people, ev2.actual_activities]).toEqual([Number(expected.h), Number(expected.p), Number(expected.a)]);
    expect(ev2.paid_fen).toBe(950_000);
    expect(ev2.cost_per_hour_fen).toBe(Math.round(950_000 / Number(expected.h)));
    expect((await (await as("finance")).rpc("publish_evaluation", { p_grant_id: grantId })).error?.hint).toBe("funds.not_decider");
    expect((await (await as("org")).rpc("publish_evaluation", { p_grant_id: grantId })).data).toBe(true);
    expect((await finance.rpc("evaluate_grant", { p_grant_id: grantId })).error?.hint).toBe("funds.evaluation_published");
  });
});

describe("four eyes", () => {
  it("one person holding every role cannot screen, check, decide, approve a payment or check a voucher of its own", async () => {
    const email = `${unique("allroles")}@example.org`;
    await account(email, "secret123", true);
    await sql(`insert into role_grants (email, role, org_unit_id) values ($1, 'team_leader', 1001), ($1, 'street_admin', 2), ($1, 'finance', 1), ($1, 'org_admin', 1)`, [email]);
    const { sb: me } = await signIn(email, "secret123");
    const { lineId } = await line(1_000_000);
    const { data: app } = await me.from("grant_applications").insert({ team_id: 1001, purpose: "activities", title: unique("自审"), amount_requested_fen: 10_000,
      period_start: "2026-01-01", period_end: "2026-12-31", target_hours: 10 }).select().single();
    await me.from("application_budget_items").insert({ application_id: app!.id, item: "物料", amount_fen: 10_000 });
    expect((await me.rpc("submit_application", { p_id: app!.id })).error).toBeNull();
    expect((await me.rpc("screen_application", { p_id: app!.id, p_pass: true })).error?.hint).toBe("funds.four_eyes");
    await (await as("street")).rpc("screen_application", { p_id: app!.id, p_pass: true });
    expect((await me.rpc("check_application", { p_id: app!.id, p_allocations: [{ line_id: lineId, amount_fen: 10_000 }] })).error?.hint).toBe("funds.four_eyes");
    await (await as("finance")).rpc("check_application", { p_id: app!.id, p_allocations: [{ line_id: lineId, amount_fen: 10_000 }] });
    expect((await me.rpc("decide_application", { p_id: app!.id, p_approve: true })).error?.hint).toBe("funds.four_eyes");
    expect((await (await as("org")).rpc("decide_application", { p_id: app!.id, p_approve: true })).data).toBe("in_notice");
    // payments and vouchers
    const { grantId, tranches: [t] } = await grantWith(lineId, 20_000, [[10_000, "scheduled"], [10_000, "scheduled"]], { creator: UID.leader });
    expect((await me.rpc("request_tranche", { p_tranche_id: t })).data).toBe("requested");
    expect((await me.rpc("approve_tranche", { p_tranche_id: t })).error?.hint).toBe("funds.four_eyes");
    expect((await (await as("finance")).rpc("approve_tranche", { p_tranche_id: t })).data).toBe("approved");
    await (await as("finance")).rpc("pay_tranche", { p_tranche_id: t });
    const { data: v } = await me.rpc("add_voucher", { p_tranche_id: t, p_object_path: await storedFile(`${grantId}/${t}/${crypto.randomUUID()}.pdf`), p_file_name: "收据.pdf",
      p_mime: "application/pdf", p_size_bytes: 2000, p_amount_fen: 5_000, p_issued_on: "2026-06-10" });
    expect(v).toBeTruthy();
    expect((await me.rpc("verify_voucher", { p_voucher_id: v, p_verified: true })).error?.hint).toBe("funds.four_eyes");
    expect((await (await as("finance")).rpc("verify_voucher", { p_voucher_id: v, p_verified: true })).data).toBe("verified");
    // the fixture person steps down (other files count the district's org admins)
    await sql("update role_grants set revoked_at = now() where email = $1 and revoked_at is null", [email]);
  });

  it("above the threshold two different org admins approve: the first call records, the same person again is refused, the second commits", async () => {
    const { lineId } = await line(20_000_000);
    const id = await appIn("checked", { lineId, amountFen: 6_000_000 });
    const org = await as("org");
    expect((await org.rpc("decide_application", { p_id: id, p_approve: true })).data).toBe("checked");
    expect((await lineFigures(lineId)).committed).toBe(0);
    expect((await org.rpc("decide_application", { p_id: id, p_approve: true })).error?.hint).toBe("funds.four_eyes");
    const second = await (await as("org2")).rpc("decide_application", { p_id: id, p_approve: true });
    expect(second.error).toBeNull();
    expect(second.data).toBe("in_notice");
    expect((await lineFigures(lineId)).committed).toBe(6_000_000);
    const [n] = await sql<{ n: string }>("select count(distinct approved_by) as n from application_approvals where application_id = $1", [id]);
    expect(Number(n.n)).toBe(2);
    // at or below the threshold one approval decides
    const small = await appIn("checked", { lineId, amountFen: 5_000_000 });
    expect((await org.rpc("decide_application", { p_id: small, p_approve: true })).data).toBe("in_notice");
  });
});

describe("restricted money, the tilt pool and what a source has", () => {
  it("a restricted source takes lines only for its purpose, and its lines fund only that purpose", async () => {
    const finance = await as("finance");
    const { sourceId, lineId } = await line(100_000, { purpose: "rewards", restricted: "rewards" });
    expect((await finance.rpc("save_budget_line", { p_id: null, p_source_id: sourceId, p_purpose: "activities", p_name: unique("活动"), p_amount_fen: 1 })).error?.hint)
      .toBe("funds.restricted_purpose");
    const id = await appIn("screened", { purpose: "activities" });
    expect((await finance.rpc("check_application", { p_id: id, p_allocations: [{ line_id: lineId, amount_fen: 100_000 }] })).error?.hint).toBe("funds.restricted_purpose");
    const ok = await appIn("screened", { purpose: "rewards", amountFen: 100_000 });
    expect((await finance.rpc("check_application", { p_id: ok, p_allocations: [{ line_id: lineId, amount_fen: 100_000 }] })).error).toBeNull();
    // a restriction cannot be put on a source whose lines serve another purpose
    const other = await line(100_000, { purpose: "activities" });
    const { error } = await finance.from("fund_sources").update({ restricted_purpose: "venue" }).eq("id", other.sourceId).select();
    expect(error?.hint).toBe("funds.restricted_purpose");
  });

  it("the tilt pool is only for featured or three-star projects", async () => {
    const { lineId } = await line(100_000, { tilt: true });
    const finance = await as("finance");
    const plain = await appIn("screened", { projectId: 2, amountFen: 10_000 }); // 银艺润万家: 2★, not featured
    expect((await finance.rpc("check_application", { p_id: plain, p_allocations: [{ line_id: lineId, amount_fen: 10_000 }] })).error?.hint).toBe("funds.tilt_not_eligible");
    const none = await appIn("screened", { projectId: null, amountFen: 10_000 });
    expect((await finance.rpc("check_application", { p_id: none, p_allocations: [{ line_id: lineId, amount_fen: 10_000 }] })).error?.hint).toBe("funds.tilt_not_eligible");
    const featured = await appIn("screened", { projectId: 3, amountFen: 10_000 }); // 红色引领绿色: featured
    expect((await finance.rpc("check_application", { p_id: featured, p_allocations: [{ line_id: lineId, amount_fen: 10_000 }] })).error).toBeNull();
  });

  it("lines stay within the appropriation (district) or what was received (partner), and a receipt they need cannot be reversed", async () => {
    const finance = await as("finance");
    const { sourceId } = await line(100_000);
    expect((await finance.rpc("save_budget_line", { p_id: null, p_source_id: sourceId, p_purpose: "venue", p_name: unique("超"), p_amount_fen: 1 })).error?.hint)
      .toBe("funds.source_over_cap");
    const lower = await finance.from("fund_sources").update({ appropriated_fen: 99_999 }).eq("id", sourceId).select();
    expect(lower.error?.hint).toBe("funds.source_over_cap");
    const { data: src } = await finance.from("fund_sources").insert({ fiscal_year: 2026, kind: "partner", name: unique("捐赠"), org_unit_id: 1, partner_id: 1,
      contribution: "donation", appropriated_fen: 50_000 }).select().single();
    expect((await finance.rpc("save_budget_line", { p_id: null, p_source_id: src!.id, p_purpose: "activities", p_name: "活动", p_amount_fen: 10_000 })).error?.hint)
      .toBe("funds.source_over_cap");
    const { data: receipt } = await finance.rpc("record_receipt", { p_source_id: src!.id, p_amount_fen: 30_000, p_voucher_no: "SK-T" });
    expect((await finance.rpc("save_budget_line", { p_id: null, p_source_id: src!.id, p_purpose: "activities", p_name: "活动", p_amount_fen: 30_000 })).error).toBeNull();
    expect((await finance.rpc("reverse_ledger_entry", { p_entry_id: receipt, p_reason: "录错" })).error?.hint).toBe("funds.source_over_cap");
  });

  it("a line over 100 % is refused at the check and at the decision; a street's finance allocates only its street's lines", async () => {
    const { lineId } = await line(100_000);
    const finance = await as("finance");
    const big = await appIn("screened", { amountFen: 100_001 });
    expect((await finance.rpc("check_application", { p_id: big, p_allocations: [{ line_id: lineId, amount_fen: 100_001 }] })).error?.hint).toBe("funds.line_over_budget");
    const mismatch = await appIn("screened", { amountFen: 50_000 });
    expect((await finance.rpc("check_application", { p_id: mismatch, p_allocations: [{ line_id: lineId, amount_fen: 40_000 }] })).error?.hint).toBe("funds.allocations_mismatch");
    const a = await appIn("screened", { amountFen: 80_000 });
    expect((await (await as("finance2")).rpc("check_application", { p_id: a, p_allocations: [{ line_id: lineId, amount_fen: 80_000 }] })).error?.hint)
      .toBe("funds.not_finance_scope");
  });
});

describe("nothing that counted is editable or deletable", () => {
  it("the ledger refuses update and delete for every API role and for the owner", async () => {
    const [e] = await sql<{ id: string }>("select id from fund_ledger order by id limit 1");
    for (const actor of ["org", "finance", "finance2", "leader", "street", "anon"] as Actor[]) {
      const sb = await as(actor);
      expect((await sb.from("fund_ledger").update({ note: "改" }).eq("id", e.id).select()).error?.code, actor).toBe("42501");
      expect((await sb.from("fund_ledger").delete().eq("id", e.id).select()).error?.code, actor).toBe("42501");
      expect((await sb.from("fund_ledger").insert({ kind: "receipt", source_id: 1, amount_fen: 1 })).error?.code, actor).toBe("42501");
    }
    await expect(sql("update fund_ledger set amount_fen = amount_fen + 1 where id = $1", [e.id])).rejects.toThrow(/append-only/);
    await expect(sql("delete from fund_ledger where id = $1", [e.id])).rejects.toThrow(/append-only/);
  });

  it("tranches, vouchers, allocations, approvals, history, grants and evaluations take no write from anyone", async () => {
    for (const table of ["grant_tranches", "grant_vouchers", "application_allocations", "application_approvals", "application_transitions",
      "grant_objections", "grants", "grant_changes", "grant_evaluations", "budget_lines", "fund_year_closes"]) {
      const [row] = await sql<{ id: string }>(`select ${table === "fund_year_closes" ? "fiscal_year" : "id"} as id from ${table} limit 1`);
      for (const actor of ["org", "finance", "leader"] as Actor[]) {
        const sb = await as(actor);
        const key = table === "fund_year_closes" ? "fiscal_year" : "id";
        expect((await sb.from(table).delete().eq(key, row.id).select()).error?.code, `${actor} delete ${table}`).toBe("42501");
      }
    }
    const { lineId } = await line(100_000);
    const { grantId, tranches: [t] } = await grantWith(lineId, 50_000, [[50_000, "approved"]]);
    await paid(t);
    const v = await voucher(grantId, t, 10_000, "verified");
    expect((await (await as("leader")).from("grant_vouchers").update({ amount_fen: 1 }).eq("id", v).select()).error?.code).toBe("42501");
    expect((await (await as("finance")).from("grant_tranches").update({ amount_fen: 1 }).eq("id", t).select()).error?.code).toBe("42501");
    // a paid tranche with vouchers is not returned behind their back
    expect((await (await as("finance")).rpc("return_tranche", { p_tranche_id: t, p_reason: "退回" })).error?.hint).toBe("funds.tranche_has_vouchers");
  });

  it("a reversal negates a receipt once; the views follow", async () => {
    const finance = await as("finance");
    const { data: src } = await finance.from("fund_sources").insert({ fiscal_year: 2026, kind: "partner", name: unique("捐赠"), org_unit_id: 1, partner_id: 2,
      contribution: "sponsorship", appropriated_fen: 10_000 }).select().single();
    const { data: r } = await finance.rpc("record_receipt", { p_source_id: src!.id, p_amount_fen: 1_000, p_voucher_no: "SK-R" });
    expect((await finance.rpc("reverse_ledger_entry", { p_entry_id: r, p_reason: "金额录错" })).error).toBeNull();
    expect((await finance.rpc("reverse_ledger_entry", { p_entry_id: r, p_reason: "再冲" })).error?.hint).toBe("funds.already_reversed");
    const [b] = await sql<{ received_fen: string; cap_fen: string }>("select received_fen, cap_fen from fund_source_balances where source_id = $1", [src!.id]);
    expect([Number(b.received_fen), Number(b.cap_fen)]).toEqual([0, 0]);
  });
});

describe("the year close", () => {
  it("releases what ended grants left committed, carries every unused fen into next year's source, and closes the year's lines", async () => {
    const { sourceId, lineId } = await line(100_000, { year: 2024 });
    const g = await grantWith(lineId, 60_000, [[40_000, "approved"], [20_000, "scheduled"]], { year: 2024 });
    await paid(g.tranches[0]);
    const pending = await appIn("checked", { lineId, amountFen: 10_000, year: 2024 });
    // years close in order: 2025 is closed in the seed, so it is reopened for this test (and closed again after)
    const [closed2025] = await sql("delete from fund_year_closes where fiscal_year = 2025 returning *");
    try {
    expect((await (await as("finance2")).rpc("close_fiscal_year", { p_year: 2024 })).error?.hint).toBe("funds.not_finance_scope");
    expect((await (await as("finance")).rpc("close_fiscal_year", { p_year: 2026 })).error?.hint).toBe("funds.year_not_ended");
    const { data, error } = await (await as("finance")).rpc("close_fiscal_year", { p_year: 2024, p_note: "测试" });
    expect(error).toBeNull();
    // 100,000 appropriated − 40,000 paid = 60,000 carried (20,000 of it released from the ended grant)
    expect(data).toEqual([{ carried_out_fen: 60_000, released_fen: 20_000, grants_completed: 1 }]);
    expect(await lineFigures(lineId)).toEqual({ amount: 100_000, committed: 0, paid: 40_000, available: 0 });
    const [next] = await sql<{ carried_in_fen: string; fiscal_year: number }>(
      "select b.carried_in_fen, b.fiscal_year from fund_source_balances b join fund_sources s on s.id = b.source_id join fund_sources o on o.id = $1 where s.fiscal_year = 2025 and s.name = o.name", [sourceId]);
    expect(Number(next.carried_in_fen)).toBe(60_000);
    expect((await sql<{ status: string }>("select status from grants where id = $1", [g.grantId]))[0].status).toBe("completed");
    expect((await (await as("org")).rpc("decide_application", { p_id: pending, p_approve: true })).error?.hint).toBe("funds.year_closed");
    expect((await (await as("finance")).rpc("close_fiscal_year", { p_year: 2024 })).error?.hint).toBe("funds.year_closed");
    expect((await (await as("finance")).rpc("record_receipt", { p_source_id: sourceId, p_amount_fen: 1 })).error?.hint).toBe("funds.year_closed");
    } finally {
      await sql("insert into fund_year_closes (fiscal_year, closed_by, closed_at, note) values (2025, $1, $2, $3)",
        [closed2025.closed_by, closed2025.closed_at, closed2025.note]);
    }
    // once the next year is closed, an earlier one cannot be closed into it
    await line(1_000, { year: 2023 });
    expect((await (await as("finance")).rpc("close_fiscal_year", { p_year: 2023 })).error?.hint).toBe("funds.year_closed");
  });
});

describe("公示 is all that anon reaches", () => {
  it("anon executes grant_notices and nothing else; no funds table or view answers it", async () => {
    const anon = await as("anon");
    expect((await anon.rpc("grant_notices")).error).toBeNull();
    const fns = await sql<{ proname: string }>(
      `select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'private') and has_function_privilege('anon', p.oid, 'execute')
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`);
    expect(fns.map((f) => f.proname)).toEqual(["grant_notices"]);
    for (const fn of ["funds_action_counts", "fund_accounts", "finance_money_by_stream", "tilt_simulate", "decide_application", "pay_tranche"]) {
      expect((await anon.rpc(fn, {})).error?.code, fn).toMatch(/42501|PGRST202/);
    }
    for (const t of ["fund_sources", "fund_ledger", "budget_line_balances", "grant_applications", "grants", "grant_vouchers", "fund_settings"]) {
      expect((await anon.from(t).select("*").limit(1)).error?.code, t).toBe("42501");
    }
  });

  it("a signed-in leader reads the notices too, and an application leaves them when rejected", async () => {
    const { lineId } = await line(100_000);
    const id = await appIn("in_notice", { lineId, amountFen: 10_000 });
    const has = async () => ((await (await as("leader2")).rpc("grant_notices")).data as { application_id: number }[]).some((n) => n.application_id === id);
    expect(await has()).toBe(true);
    await (await as("org")).rpc("reject_application", { p_id: id, p_reason: "撤销" });
    expect(await statusOf(id)).toBe("rejected");
    expect(await has()).toBe(false);
    expect((await lineFigures(lineId)).committed).toBe(0);
  });
});
