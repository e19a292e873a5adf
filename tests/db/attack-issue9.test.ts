// Attacks on the funds and grants system (issue 9) through the real API as the demo roles: columns that must
// not be writable, rows that must not be readable, workflow RPCs misused (wrong role, wrong scope, wrong state,
// four-eyes bypasses), the voucher bucket and the public 公示 function. Each `it` names what an attacker would
// get if the guard were missing.
import { describe, expect, it } from "vitest";
import { appIn, grantWith, line, paid, storedFile, UID, voucher } from "./funds-helpers";
import { type Actor, as, sql } from "./helpers";

const hintOf = (r: { error: { hint?: string | null } | null }) => r.error?.hint ?? null;

describe("money of another scope", () => {
  it("a street's finance cannot schedule, approve or pay tranches drawn on district money it cannot read", async () => {
    const { lineId } = await line(200_000, { unit: 1 });
    const { grantId, tranches: [t1, t2] } = await grantWith(lineId, 100_000, [[40_000, "approved"], [10_000, "requested"]],
      { team: 1002, creator: UID.leader3 });
    const f2 = await as("finance2");
    expect(hintOf(await f2.rpc("pay_tranche", { p_tranche_id: t1 }))).toBe("funds.not_finance_scope");
    expect(hintOf(await f2.rpc("approve_tranche", { p_tranche_id: t2 }))).toBe("funds.not_finance_scope");
    expect(hintOf(await f2.rpc("schedule_tranche", { p_grant_id: grantId, p_line_id: lineId, p_amount_fen: 1000, p_due_on: "2026-12-01" })))
      .toBe("funds.not_finance_scope");
    expect(Number((await sql<{ n: string }>("select count(*) as n from fund_ledger where tranche_id = $1", [t1]))[0].n)).toBe(0);
    // district finance still pays it
    expect((await (await as("finance")).rpc("pay_tranche", { p_tranche_id: t1 })).error).toBeNull();
  });
});

describe("money of another scope: change requests", () => {
  it("a street's finance cannot release district money by approving a move onto its street's line", async () => {
    const district = await line(200_000, { unit: 1 });
    const street = await line(200_000, { unit: 2 });
    const { grantId } = await grantWith(district.lineId, 100_000, [], { team: 1002, creator: UID.leader3 });
    const { data: change, error } = await (await as("leader3")).rpc("request_grant_change", { p_grant_id: grantId, p_kind: "move_money",
      p_after: { from_line_id: district.lineId, to_line_id: street.lineId, amount_fen: 50_000 } });
    expect(error).toBeNull();
    expect(hintOf(await (await as("finance2")).rpc("decide_grant_change", { p_change_id: change, p_approve: true })))
      .toBe("funds.not_finance_scope");
    expect(Number((await sql<{ n: string }>("select count(*) as n from fund_ledger where line_id = $1 and kind = 'release'", [district.lineId]))[0].n)).toBe(0);
    // district finance (whose scope holds both lines) still decides it
    expect((await (await as("finance")).rpc("decide_grant_change", { p_change_id: change, p_approve: true })).data).toBe("approved");
  });

  it("a street's finance cannot terminate a district-funded grant and so release its district commitment", async () => {
    const district = await line(200_000, { unit: 1 });
    const { grantId } = await grantWith(district.lineId, 100_000, [[20_000, "scheduled"]], { team: 1002, creator: UID.leader3 });
    expect(hintOf(await (await as("finance2")).rpc("close_grant", { p_grant_id: grantId, p_status: "terminated", p_reason: "终止" })))
      .toBe("funds.not_finance_scope");
    expect((await sql<{ status: string }>("select status from grants where id = $1", [grantId]))[0].status).toBe("active");
    expect((await (await as("finance")).rpc("close_grant", { p_grant_id: grantId, p_status: "terminated", p_reason: "终止" })).data).toBe("terminated");
  });
});

describe("the funds rules are data, not a setting", () => {
  it("one org_admin cannot raise the two-approval threshold (or cut the notice, raise the warning) to decide alone", async () => {
    const org = await as("org");
    for (const patch of [{ two_approval_threshold_fen: 1_000_000_000 }, { notice_working_days: 1 }, { warn_ratio: 0.99 },
      { objection_contact: "别找我" }]) {
      const r = await org.from("fund_settings").update(patch as never).eq("id", true).select();
      expect(r.error !== null || (r.data ?? []).length === 0, JSON.stringify(patch)).toBe(true);
    }
    const [st] = await sql<{ t: string; d: number; w: string }>(
      "select two_approval_threshold_fen as t, notice_working_days as d, warn_ratio::text as w from fund_settings");
    expect([Number(st.t), st.d, Number(st.w)]).toEqual([5_000_000, 5, 0.9]);
    const { lineId } = await line(10_000_000);
    const big = await appIn("checked", { lineId, amountFen: 6_000_000 });
    expect((await org.rpc("decide_application", { p_id: big, p_approve: true })).data).toBe("checked");   // still needs a second org_admin
  });
});

describe("money of another scope: district-funded grants of a street", () => {
  it("a street's finance cannot verify vouchers (opening the district tranche gate), cancel tranches or change targets of them", async () => {
    const { lineId } = await line(200_000, { unit: 1 });
    const { grantId, tranches: [t1, t2] } = await grantWith(lineId, 100_000, [[40_000, "approved"], [10_000, "scheduled"]],
      { team: 1002, creator: UID.leader3 });
    await paid(t1);
    const v = await voucher(grantId, t1, 10_000, "pending");
    const f2 = await as("finance2");
    expect(hintOf(await f2.rpc("verify_voucher", { p_voucher_id: v, p_verified: true }))).toBe("funds.not_finance_scope");
    expect(hintOf(await f2.rpc("cancel_tranche", { p_tranche_id: t2, p_reason: "取消" }))).toBe("funds.not_finance_scope");
    expect(hintOf(await f2.rpc("request_grant_change", { p_grant_id: grantId, p_kind: "targets", p_after: { target_hours: 1 } })))
      .toBe("funds.not_finance_scope");
    const { data: change } = await (await as("leader3")).rpc("request_grant_change", { p_grant_id: grantId, p_kind: "targets",
      p_after: { target_hours: 1 } });
    expect(hintOf(await f2.rpc("decide_grant_change", { p_change_id: change, p_approve: true }))).toBe("funds.not_finance_scope");
    expect((await sql<{ status: string }>("select status from grant_vouchers where id = $1", [v]))[0].status).toBe("pending");
    expect((await sql<{ status: string }>("select status from grant_tranches where id = $1", [t2]))[0].status).toBe("scheduled");
    const counts = Object.fromEntries(((await f2.rpc("funds_action_counts")).data as { action: string; n: number }[]).map((r) => [r.action, r.n]));
    const own = await sql<{ n: string }>(`select count(*) as n from grant_vouchers v join grant_tranches t on t.id = v.tranche_id
      join budget_lines b on b.id = t.line_id join fund_sources s on s.id = b.source_id where v.status = 'pending' and s.org_unit_id = 2`);
    expect(Number(counts.voucher_check)).toBe(Number(own[0].n));   // the queue never shows what the RPC refuses
    // district finance does all of it
    const f = await as("finance");
    expect((await f.rpc("verify_voucher", { p_voucher_id: v, p_verified: true })).data).toBe("verified");
    expect((await f.rpc("cancel_tranche", { p_tranche_id: t2, p_reason: "取消" })).data).toBe("cancelled");
    expect((await f.rpc("decide_grant_change", { p_change_id: change, p_approve: true })).data).toBe("approved");
  });
});

describe("years close in order", () => {
  it("finance cannot close a year while an earlier year with money is open (which could then never be closed)", async () => {
    const early = await line(1_000, { year: 2021 });
    const later = await line(1_000, { year: 2022 });
    try {
      expect(hintOf(await (await as("finance")).rpc("close_fiscal_year", { p_year: 2022 }))).toBe("funds.year_order");
      expect(Number((await sql<{ n: string }>("select count(*) as n from fund_year_closes where fiscal_year = 2022"))[0].n)).toBe(0);
    } finally {
      await sql("delete from budget_lines where id in ($1, $2)", [early.lineId, later.lineId]);
      await sql("delete from fund_sources where id in ($1, $2)", [early.sourceId, later.sourceId]);
    }
  });
});

describe("公示 objections", () => {
  it("the team's leader cannot read what an objection says (which may identify the objector), only that it exists and how it ended", async () => {
    const [o] = await sql<{ id: string; application_id: string; content: string }>(
      "select o.id, o.application_id, o.content from grant_objections o join grant_applications a on a.id = o.application_id where a.team_id = 1001 limit 1");
    const leader = await as("leader");
    const all = await leader.from("grant_objections").select("*").eq("id", o.id);
    expect(all.error !== null || (all.data ?? []).every((r) => !("content" in r)), "select *").toBe(true);
    expect((await leader.from("grant_objections").select("content").eq("id", o.id)).error).not.toBeNull();
    expect((await leader.rpc("grant_objection_contents", { p_application_id: Number(o.application_id) })).data ?? []).toEqual([]);
    const { data: seen, error } = await leader.from("grant_objections").select("id, status, resolution").eq("id", o.id);
    expect(error).toBeNull();
    expect(seen).toHaveLength(1);
    for (const who of ["street", "finance", "org"] as Actor[]) {   // staff of the scope read it
      expect((await (await as(who)).rpc("grant_objection_contents", { p_application_id: Number(o.application_id) })).data, who)
        .toContainEqual({ id: Number(o.id), content: o.content });
    }
    expect((await (await as("street2")).rpc("grant_objection_contents", { p_application_id: Number(o.application_id) })).data).toEqual([]);
    expect((await (await as("anon")).rpc("grant_objection_contents", { p_application_id: Number(o.application_id) })).error).not.toBeNull();
  });
});

describe("重点倾 and restricted money", () => {
  it("finance cannot lift a donor's purpose restriction off money it already holds, then spend it on another purpose", async () => {
    const { sourceId } = await line(100_000, { purpose: "rewards", restricted: "rewards" });
    const f = await as("finance");
    const lift = await f.from("fund_sources").update({ restricted_purpose: null }).eq("id", sourceId).select();
    expect(hintOf(lift)).toBe("funds.restricted_purpose");
    expect((await sql<{ r: string | null }>("select restricted_purpose as r from fund_sources where id = $1", [sourceId]))[0].r).toBe("rewards");
    // a source with nothing on it yet is still corrected freely
    const [fresh] = await sql<{ id: string }>(
      `insert into fund_sources (fiscal_year, kind, name, org_unit_id, appropriated_fen, restricted_purpose) values (2026, 'district_special', $1, 1, 1000, 'venue') returning id`,
      [`空来源${crypto.randomUUID()}`]);
    expect((await f.from("fund_sources").update({ restricted_purpose: null }).eq("id", fresh.id).select()).error).toBeNull();
  });


  it("finance cannot flip the tilt flag of a line that already holds commitments (tilt pool and its share figures)", async () => {
    const { sourceId, lineId } = await line(100_000, { tilt: true });
    await appIn("in_notice", { lineId, amountFen: 30_000 });
    const f = await as("finance");
    const save = (tilt: boolean) => f.rpc("save_budget_line", {
      p_id: lineId, p_source_id: sourceId, p_purpose: "activities", p_name: "倾斜池", p_amount_fen: 100_000, p_is_tilt: tilt });
    expect(hintOf(await save(false))).toBe("funds.line_in_use");
    const plain = await line(100_000);
    await appIn("in_notice", { lineId: plain.lineId, amountFen: 30_000 });   // a project that is not eligible for the tilt pool
    expect(hintOf(await f.rpc("save_budget_line", { p_id: plain.lineId, p_source_id: plain.sourceId, p_purpose: "activities",
      p_name: "普通", p_amount_fen: 100_000, p_is_tilt: true }))).toBe("funds.line_in_use");
    // an unused line still changes freely
    const fresh = await line(50_000);
    expect((await f.rpc("save_budget_line", { p_id: fresh.lineId, p_source_id: fresh.sourceId, p_purpose: "activities",
      p_name: "新", p_amount_fen: 50_000, p_is_tilt: true })).error).toBeNull();
  });
});

describe("vouchers", () => {
  it("a grantee cannot file a voucher with no file behind it, or one pointing out of its folder", async () => {
    const { lineId } = await line(200_000);
    const { grantId, tranches: [t1] } = await grantWith(lineId, 100_000, [[50_000, "approved"]]);
    await paid(t1);
    const leader = await as("leader");
    const args = (path: string) => ({ p_tranche_id: t1, p_object_path: path, p_file_name: "票.jpg", p_mime: "image/jpeg",
      p_size_bytes: 1000, p_amount_fen: 10_000, p_issued_on: "2026-06-03" });
    expect(hintOf(await leader.rpc("add_voucher", args(`${grantId}/${t1}/${crypto.randomUUID()}.jpg`)))).toBe("funds.voucher_path");
    const other = await grantWith(lineId, 20_000, [[20_000, "approved"]], { team: 1006, creator: UID.leader2 });
    await paid(other.tranches[0]);
    const theirs = `${other.grantId}/${other.tranches[0]}/${crypto.randomUUID()}.jpg`;
    await storedFile(theirs, UID.leader2);
    expect(hintOf(await leader.rpc("add_voucher", args(`${grantId}/${t1}/../../${theirs}`)))).toBe("funds.voucher_path");
    // the real way: upload through the Storage API, then file it
    const mine = `${grantId}/${t1}/${crypto.randomUUID()}.jpg`;
    const up = await leader.storage.from("vouchers").upload(mine, new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: "image/jpeg" }),
      { contentType: "image/jpeg" });
    expect(up.error).toBeNull();
    expect((await leader.rpc("add_voucher", args(mine))).error).toBeNull();
  });

  it("holds: the bucket refuses path tricks, other grants' folders, unpaid tranches, overwrite, delete and reads by the grantee", async () => {
    const { lineId } = await line(200_000);
    const { grantId, tranches: [t1, t2] } = await grantWith(lineId, 100_000, [[50_000, "approved"], [10_000, "scheduled"]]);
    await paid(t1);
    const blob = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: "image/jpeg" });
    const leader = await as("leader");
    const leader2 = await as("leader2");
    const path = `${grantId}/${t1}/${crypto.randomUUID()}.jpg`;
    for (const bad of [`${grantId}/${t1}/../x.jpg`, `${grantId}/${t1}/a/b.jpg`, `${grantId}/${t2}/x.jpg`, `${grantId}/x.jpg`]) {
      expect((await leader.storage.from("vouchers").upload(bad, blob(), { contentType: "image/jpeg" })).error, bad).not.toBeNull();
    }
    expect((await leader2.storage.from("vouchers").upload(`${grantId}/${t1}/y.jpg`, blob(), { contentType: "image/jpeg" })).error).not.toBeNull();
    expect((await leader.storage.from("vouchers").upload(path, blob(), { contentType: "image/jpeg" })).error).toBeNull();
    expect((await leader.storage.from("vouchers").upload(path, blob(), { contentType: "image/jpeg", upsert: true })).error).not.toBeNull();
    for (const who of ["leader", "leader2", "street", "anon"] as Actor[]) {
      const sb = await as(who);
      expect((await sb.storage.from("vouchers").download(path)).error, who).not.toBeNull();
      expect((await sb.storage.from("vouchers").createSignedUrl(path, 60)).error, who).not.toBeNull();
      await sb.storage.from("vouchers").remove([path]);
    }
    expect(Number((await sql<{ n: string }>("select count(*) as n from storage.objects where name = $1", [path]))[0].n)).toBe(1);
    expect((await (await as("finance")).storage.from("vouchers").createSignedUrl(path, 60)).error).toBeNull();
  });
});

describe("holds: columns, rows, four eyes and states", () => {
  it("derived, audit, scope and status columns are not writable through the table API", async () => {
    const leader = await as("leader");
    const { data: draft } = await leader.from("grant_applications").insert({ team_id: 1001, purpose: "activities", title: "攻击",
      amount_requested_fen: 1000, period_start: "2026-01-01", period_end: "2026-12-31" }).select().single();
    expect(draft!.status).toBe("draft");
    for (const patch of [{ status: "approved" }, { screened_by: UID.street }, { checked_by: UID.finance }, { decided_by: UID.org },
      { created_by: UID.leader2 }, { notice_end: "2026-01-01" }, { team_id: 1006 }, { submitted_at: "2026-01-01T00:00:00Z" }]) {
      expect((await leader.from("grant_applications").update(patch as never).eq("id", draft!.id)).error, JSON.stringify(patch)).not.toBeNull();
    }
    const f = await as("finance");
    const { lineId } = await line(100_000);
    const { grantId, tranches: [t] } = await grantWith(lineId, 50_000, [[10_000, "approved"]]);
    for (const [table, patch] of [["grants", { amount_fen: 1 }], ["grants", { status: "completed" }], ["grant_tranches", { status: "paid" }],
      ["grant_tranches", { approved_by: UID.finance }], ["budget_lines", { amount_fen: 1 }], ["fund_sources", { created_by: UID.org }],
      ["fund_sources", { org_unit_id: 2 }], ["fund_sources", { kind: "partner" }], ["grant_vouchers", { status: "verified" }],
      ["application_allocations", { amount_fen: 1 }], ["fund_settings", { id: false }]] as const) {
      const r = await f.from(table).update(patch as never).eq("id", table === "grants" ? grantId : table === "grant_tranches" ? t : lineId);
      expect(r.error, `${table} ${JSON.stringify(patch)}`).not.toBeNull();
    }
    for (const [table, row] of [["fund_ledger", { kind: "receipt", source_id: 1, amount_fen: 1 }], ["grants", { application_id: 1 }],
      ["grant_vouchers", { grant_id: grantId }], ["application_allocations", { application_id: 1, line_id: lineId, amount_fen: 1 }],
      ["application_approvals", { application_id: 1, approved_by: UID.org }], ["fund_year_closes", { fiscal_year: 2030 }]] as const) {
      expect((await f.from(table).insert(row as never)).error, table).not.toBeNull();
    }
    expect((await (await as("org")).from("fund_ledger").delete().eq("id", 1)).error).not.toBeNull();
  });

  it("leaders, street admins and anon read no money beyond their own; anon only the 公示", async () => {
    for (const who of ["leader", "leader2", "street", "street2"] as Actor[]) {
      const sb = await as(who);
      for (const t of ["fund_ledger", "budget_line_balances", "fund_source_balances", "fund_sources", "budget_lines", "fund_ledger_effects"]) {
        expect((await sb.from(t).select("*")).data ?? [], `${who} ${t}`).toEqual([]);
      }
      expect(((await sb.rpc("fund_accounts", { p_year: 2026 })).data ?? []) as unknown[]).toEqual([]);
    }
    const leader2 = await as("leader2");
    for (const t of ["grants", "grant_applications"]) {
      expect(((await leader2.from(t).select("team_id")).data as { team_id: number }[]).every((r) => r.team_id === 1006), t).toBe(true);
    }
    expect(((await leader2.from("grant_vouchers").select("grant_id, grants!inner(team_id)")).data as unknown as { grants: { team_id: number } }[])
      .every((r) => r.grants.team_id === 1006)).toBe(true);
    const anon = await as("anon");
    for (const t of ["grant_applications", "grants", "grant_tranches", "grant_vouchers", "fund_ledger", "fund_settings", "grant_objections"]) {
      expect((await anon.from(t).select("*")).data ?? [], t).toEqual([]);
    }
    for (const fn of ["funds_action_counts", "fund_accounts", "tilt_simulate", "finance_by_street"]) {
      expect((await anon.rpc(fn, fn === "funds_action_counts" || fn === "tilt_simulate" ? {} : { p_year: 2026 })).error, fn).not.toBeNull();
    }
    const { data: notices, error } = await anon.rpc("grant_notices");
    expect(error).toBeNull();
    const keys = new Set((notices as Record<string, unknown>[]).flatMap((r) => Object.keys(r)));
    expect([...keys].sort()).toEqual(["amount_fen", "application_id", "notice_end", "notice_start", "objection_contact", "project_name",
      "purpose", "status", "street_name", "team_name", "title"]);
    expect((notices as { status: string }[]).every((r) => r.status === "in_notice" || r.status === "approved")).toBe(true);
  });

  it("four eyes and states hold: one person approving twice, requesting and approving a tranche, checking own voucher, closing a year twice", async () => {
    const { lineId } = await line(10_000_000);
    const big = await appIn("checked", { lineId, amountFen: 6_000_000 });
    const org = await as("org");
    expect((await org.rpc("decide_application", { p_id: big, p_approve: true })).data).toBe("checked");
    expect(hintOf(await org.rpc("decide_application", { p_id: big, p_approve: true }))).toBe("funds.four_eyes");
    const f = await as("finance");
    const { tranches: [t] } = await grantWith(lineId, 50_000, [[10_000, "scheduled"]]);
    expect((await f.rpc("request_tranche", { p_tranche_id: t })).error).toBeNull();
    expect(hintOf(await f.rpc("approve_tranche", { p_tranche_id: t }))).toBe("funds.four_eyes");
    expect(hintOf(await f.rpc("close_fiscal_year", { p_year: 2025 }))).toBe("funds.year_closed");
    const { data: disb } = await f.from("fund_ledger").select("id").eq("kind", "disbursement").limit(1).single();
    expect(hintOf(await f.rpc("reverse_ledger_entry", { p_entry_id: disb!.id, p_reason: "x" }))).toBe("funds.not_reversible");
    for (const who of ["leader", "street", "finance2", "leader2"] as Actor[]) {
      expect((await (await as(who)).rpc("decide_application", { p_id: big, p_approve: true })).error, who).not.toBeNull();
    }
  });
});

describe("grants the caller cannot read (review of 30 Nov)", () => {
  it("another team's leader learns neither the state nor the existence of a grant or tranche: the answer of a missing id", async () => {
    const { lineId } = await line(200_000, { unit: 1 });
    const { grantId, tranches: [t1] } = await grantWith(lineId, 100_000, [[40_000, "scheduled"]], { team: 1002, creator: UID.leader3 });
    await sql("update grants set status = 'completed' where id = $1", [grantId]);
    const l2 = await as("leader2");
    const missing = await l2.rpc("pay_tranche", { p_tranche_id: 2_000_000_000 });
    expect(hintOf(missing)).toBe("funds.not_found");
    for (const r of [await l2.rpc("pay_tranche", { p_tranche_id: t1 }), await l2.rpc("request_tranche", { p_tranche_id: t1 })]) {
      expect([hintOf(r), r.error?.message]).toEqual(["funds.not_found", missing.error?.message]);
    }
    const closed = await l2.rpc("close_grant", { p_grant_id: grantId, p_status: "completed" });
    expect([hintOf(closed), closed.error?.message]).toEqual(["funds.not_found", "no such grant"]);
    // the grantee's own leader still gets the state
    expect(hintOf(await (await as("leader3")).rpc("request_tranche", { p_tranche_id: t1 }))).toBe("funds.grant_closed");
  });

  it("closing a grant closes its waiting change requests: none is left in a queue that could no longer decide it", async () => {
    const { lineId } = await line(200_000, { unit: 1 });
    const { grantId } = await grantWith(lineId, 100_000, [], { team: 1001 });
    const { data: change, error } = await (await as("leader")).rpc("request_grant_change", { p_grant_id: grantId, p_kind: "targets",
      p_after: { target_hours: 10, target_people: 5, target_activities: 2 }, p_reason: "人手不足" });
    expect(error).toBeNull();
    const finance = await as("finance");
    expect((await finance.rpc("funds_action_items")).data!.some((i: { change_id: number | null }) => i.change_id === change)).toBe(true);
    expect((await finance.rpc("close_grant", { p_grant_id: grantId, p_status: "terminated", p_reason: "团队解散" })).data).toBe("terminated");
    const [c] = await sql<{ status: string; decision_reason: string; decided_by: string }>(
      "select status::text, decision_reason, decided_by::text from grant_changes where id = $1", [change]);
    expect(c).toEqual({ status: "rejected", decision_reason: "协议已终止：团队解散", decided_by: UID.finance });
    expect((await finance.rpc("funds_action_items")).data!.some((i: { change_id: number | null }) => i.change_id === change)).toBe(false);
  });

  it("a street's finance's cost per hour counts only the grants drawing on its street's sources, not district-funded ones", async () => {
    const { data, error } = await (await as("finance2")).rpc("finance_cost_per_hour", { p_year: 2026 });
    expect(error).toBeNull();
    const [{ n }] = await sql<{ n: string }>(`
      select count(*) as n from grants g join grant_applications a on a.id = g.application_id
       where a.fiscal_year = 2026 and g.project_id is not null
         and g.team_id in (select u.id from org_units u where u.path <@ (select path from org_units where id = 2))
         and exists (select 1 from application_allocations al join budget_lines b on b.id = al.line_id
                       join fund_sources s on s.id = b.source_id
                      where al.application_id = g.application_id
                        and s.org_unit_id in (select u.id from org_units u where u.path <@ (select path from org_units where id = 2)))`);
    expect((data as { grants: number }[]).reduce((s, r) => s + Number(r.grants), 0)).toBe(Number(n));
  });
});

describe("attack review of 1 Dec", () => {
  it("F1: moving part of a line's allocation keeps the rest on that line (still schedulable), so a street's finance still may not close the grant", async () => {
    const district = await line(300_000, { unit: 1 });
    const street = await line(300_000, { unit: 2 });
    const { app, grantId } = await grantWith(district.lineId, 200_000, [], { team: 1002, creator: UID.leader3 });
    // more than half of the line's 200,000 but not all of it
    const { data: change, error } = await (await as("leader3")).rpc("request_grant_change", { p_grant_id: grantId, p_kind: "move_money",
      p_after: { from_line_id: district.lineId, to_line_id: street.lineId, amount_fen: 120_000 } });
    expect(error).toBeNull();
    expect((await (await as("finance")).rpc("decide_grant_change", { p_change_id: change, p_approve: true })).data).toBe("approved");
    const alloc = await sql<{ line_id: string; amount_fen: string }>(
      "select line_id, amount_fen from application_allocations where application_id = $1 order by line_id", [app]);
    expect(alloc.map((r) => [Number(r.line_id), Number(r.amount_fen)])).toEqual([[district.lineId, 80_000], [street.lineId, 120_000]]);
    // the 80,000 left on the district line can still be scheduled
    expect((await (await as("finance")).rpc("schedule_tranche", { p_grant_id: grantId, p_line_id: district.lineId, p_amount_fen: 80_000, p_due_on: "2026-12-01" })).error)
      .toBeNull();
    expect(hintOf(await (await as("finance2")).rpc("close_grant", { p_grant_id: grantId, p_status: "terminated", p_reason: "终止" })))
      .toBe("funds.not_finance_scope");
  });

  it("F1: a line with money committed in the ledger counts as the grant's even without its allocation row", async () => {
    const district = await line(200_000, { unit: 1 });
    const { app, grantId } = await grantWith(district.lineId, 100_000, [], { team: 1002, creator: UID.leader3 });
    await sql("delete from application_allocations where application_id = $1", [app]);   // as the old move left it
    expect(hintOf(await (await as("finance2")).rpc("close_grant", { p_grant_id: grantId, p_status: "terminated", p_reason: "终止" })))
      .toBe("funds.not_finance_scope");
    expect(Number((await sql<{ n: string }>("select count(*) as n from fund_ledger where application_id = $1 and kind = 'release'", [app]))[0].n)).toBe(0);
  });

  it("F1: the to-do offers a change to decide only to a finance that decide_grant_change lets decide it (ledger lines too)", async () => {
    const district = await line(200_000, { unit: 1 });
    const { app, grantId } = await grantWith(district.lineId, 100_000, [], { team: 1002, creator: UID.leader3 });
    await sql("delete from application_allocations where application_id = $1", [app]);   // as the old move left it
    const { data: change, error } = await (await as("leader3")).rpc("request_grant_change", { p_grant_id: grantId, p_kind: "targets",
      p_after: { target_hours: 10, target_people: 5, target_activities: 2 }, p_reason: "人手不足" });
    expect(error).toBeNull();
    const offered = async (who: Actor) => ((await (await as(who)).rpc("funds_action_items")).data as { action: string; change_id: number | null }[])
      .some((i) => i.action === "change_decide" && i.change_id === change);
    // the street's finance keeps the team's scope but not the district's line: neither offered nor let decide
    expect(await offered("finance2")).toBe(false);
    expect(hintOf(await (await as("finance2")).rpc("decide_grant_change", { p_change_id: change, p_approve: true }))).toBe("funds.not_finance_scope");
    expect(await offered("finance")).toBe(true);
  });

  it("F2: no voucher is filed on a terminated grant (as the bucket refuses its upload)", async () => {
    const { lineId } = await line(100_000, { unit: 1 });
    const { grantId, tranches: [t1] } = await grantWith(lineId, 50_000, [[20_000, "approved"]]);
    await paid(t1);
    const path = await storedFile(`${grantId}/${t1}/${crypto.randomUUID()}.jpg`);
    await sql("update grants set status = 'terminated', closed_at = now(), close_reason = '测试' where id = $1", [grantId]);
    const r = await (await as("leader")).rpc("add_voucher", { p_tranche_id: t1, p_object_path: path, p_file_name: "f.jpg", p_mime: "image/jpeg",
      p_size_bytes: 10, p_amount_fen: 1000, p_issued_on: "2026-06-03" });
    expect(hintOf(r)).toBe("funds.grant_closed");
    expect(Number((await sql<{ n: string }>("select count(*) as n from grant_vouchers where tranche_id = $1", [t1]))[0].n)).toBe(0);
  });

  it("F3: another street's application is 'not found' to the workflow calls, whatever its state (nothing told, nothing locked)", async () => {
    const leader = await as("leader");
    for (const state of ["draft", "submitted", "screened", "checked", "rejected"] as const) {
      const id = await appIn(state, { team: 1006 });
      for (const [fn, args] of [["screen_application", { p_id: id, p_pass: true }], ["withdraw_application", { p_id: id, p_reason: "x" }],
        ["submit_application", { p_id: id }]] as const) {
        const r = await leader.rpc(fn, args as never);
        expect([r.error?.code, hintOf(r)], `${fn} on a ${state} application`).toEqual(["P0002", "funds.not_found"]);
      }
    }
  });

  it("F4: nobody grants a role to themselves, and only the organisation department grants finance", async () => {
    const street = await as("street");
    const self = await street.from("role_grants").insert({ email: "street@demo.local", role: "finance", org_unit_id: 2 } as never);
    expect(hintOf(self)).toBe("role_grants_self");
    const selfLeader = await street.from("role_grants").insert({ email: "street@demo.local", role: "team_leader", org_unit_id: 1002 } as never);
    expect(hintOf(selfLeader)).toBe("role_grants_self");
    const email = `fin-${crypto.randomUUID().slice(0, 8)}@example.org`;
    expect(hintOf(await street.from("role_grants").insert({ email, role: "finance", org_unit_id: 2 } as never))).toBe("role_grants_finance_by_org");
    expect(await sql("select 1 from role_grants where email in ($1, 'street@demo.local') and role = 'finance'", [email])).toHaveLength(0);
    // the street admin still grants what it may (a leader of one of its teams, to someone else); org grants finance
    const ok = await street.from("role_grants").insert({ email: `lead-${email}`, role: "team_leader", org_unit_id: 1002 } as never);
    expect(ok.error).toBeNull();
    expect((await (await as("org")).from("role_grants").insert({ email, role: "finance", org_unit_id: 2 } as never)).error).toBeNull();
    await sql("delete from role_grants where email in ($1, $2)", [email, `lead-${email}`]);
  });

  it("F6/F8: a voucher's size and type are Storage's record of the file; neither a voucher nor a payment is dated after today", async () => {
    const { lineId } = await line(100_000, { unit: 1 });
    const { grantId, tranches: [t1, t2] } = await grantWith(lineId, 60_000, [[20_000, "approved"], [20_000, "approved"]]);
    await paid(t1);
    const leader = await as("leader");
    const file = async () => storedFile(`${grantId}/${t1}/${crypto.randomUUID()}.jpg`);   // metadata: image/jpeg, 10 bytes
    const args = { p_tranche_id: t1, p_file_name: "f.pdf", p_mime: "application/pdf", p_size_bytes: 10_485_760, p_amount_fen: 1000 };
    expect(hintOf(await leader.rpc("add_voucher", { ...args, p_object_path: await file(), p_issued_on: "2099-01-01" }))).toBe("funds.date_in_future");
    const { data: id, error } = await leader.rpc("add_voucher", { ...args, p_object_path: await file(), p_issued_on: "2026-06-03" });
    expect(error).toBeNull();
    expect((await sql<{ mime: string; size_bytes: string }>("select mime, size_bytes from grant_vouchers where id = $1", [id]))[0])
      .toEqual({ mime: "image/jpeg", size_bytes: "10" });
    expect(hintOf(await (await as("finance")).rpc("pay_tranche", { p_tranche_id: t2, p_paid_on: "2099-01-01" }))).not.toBeNull();
    const [{ status }] = await sql<{ status: string }>("select status from grant_tranches where id = $1", [t2]);
    expect(status).toBe("approved");
  });

  it("a street admin does not mark its projects featured (that opens the tilt money to them); the organisation department does", async () => {
    const [p] = await sql<{ id: string; is_featured: boolean }>("select id, is_featured from projects where level = 'street' and org_unit_id = 2 and not is_featured order by id limit 1");
    const street = await as("street");
    expect(hintOf(await street.from("projects").update({ is_featured: true } as never).eq("id", p.id))).toBe("projects_featured_by_org");
    expect(hintOf(await street.from("projects").insert({ name: `特色-${crypto.randomUUID().slice(0, 6)}`, level: "street", org_unit_id: 2, is_featured: true } as never)))
      .toBe("projects_featured_by_org");
    expect((await street.from("projects").update({ description: "街道修改说明" } as never).eq("id", p.id)).error).toBeNull();
    const org = await as("org");
    expect((await org.from("projects").update({ is_featured: true } as never).eq("id", p.id)).error).toBeNull();
    expect((await sql<{ f: boolean }>("select is_featured as f from projects where id = $1", [p.id]))[0].f).toBe(true);
    await sql("update projects set is_featured = false where id = $1", [p.id]);
  });

  it("the grantee is reminded of a paid tranche until its vouchers cover it, not only until the first one", async () => {
    const { lineId } = await line(100_000, { unit: 1 });
    const { grantId, tranches: [t1] } = await grantWith(lineId, 50_000, [[20_000, "approved"]]);
    await paid(t1);
    const due = async () => ((await (await as("leader")).rpc("funds_action_items")).data as { action: string; tranche_id: number }[])
      .some((i) => i.action === "my_vouchers_due" && i.tranche_id === t1);
    expect(await due()).toBe(true);
    await voucher(grantId, t1, 12_000, "pending");
    expect(await due()).toBe(true);   // ¥80 of ¥200 still without a voucher
    await voucher(grantId, t1, 8_000, "verified");
    expect(await due()).toBe(false);
  });

  it("F5: a returned tranche needs no vouchers: the next one can be paid", async () => {
    const { lineId } = await line(100_000, { unit: 1 });
    const { tranches: [t1, t2] } = await grantWith(lineId, 60_000, [[20_000, "approved"], [20_000, "approved"]]);
    await paid(t1);
    const finance = await as("finance");
    expect((await finance.rpc("return_tranche", { p_tranche_id: t1, p_reason: "项目调整，全额退回" })).error).toBeNull();
    const r = await finance.rpc("pay_tranche", { p_tranche_id: t2 });
    expect(r.error).toBeNull();
    expect((await sql<{ status: string }>("select status from grant_tranches where id = $1", [t2]))[0].status).toBe("paid");
  });
});
