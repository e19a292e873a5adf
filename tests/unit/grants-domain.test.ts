// The grant workflow's rules as the pages repeat them (src/domain/grants.ts): who takes which step on an
// application in which state — four eyes included — a line's use after a commitment (warn at 90 %, refuse past
// 100 %), the budget's running total, tranches gated by the previous tranche's vouchers, and voucher paths.
import { describe, expect, it } from "vitest";
import {
  actionLink, actorUnitLabel, applicationActions, applicationsWaiting, applicationWaits, budgetTotal, canCheckVoucher, canCloseGrant,
  canDecideChange, canUploadVoucher, evaluationDue, grantsWaiting, grantWaits, lineAfter, paidWithoutVouchers, previousVouchersReady,
  sameKindThisYear, sameVoucherFiled, statusesNeedingMe, trancheActions, voucherPath, voucherRoom, vouchersFiledOn, vouchersOverPaid,
  type ActionItem, type ApplicationRef, type ApplicationStatus,
} from "../../src/domain/grants";
import type { ScopeGrant } from "../../src/domain/scope";

const grant = (role: ScopeGrant["role"], org_unit_id: number, level: ScopeGrant["level"], street_id: number | null = null): ScopeGrant => ({
  grant_id: org_unit_id, role, org_unit_id, unit_name: "x", level, street_id, community_id: null,
});
const LEADER = [grant("team_leader", 1001, "team", 2)];
const OTHER_LEADER = [grant("team_leader", 1002, "team", 3)];
const STREET = [grant("street_admin", 2, "street")];
const OTHER_STREET = [grant("street_admin", 3, "street")];
const FINANCE = [grant("finance", 1, "district")];
const STREET_FINANCE = [grant("finance", 3, "street")];
const ORG = [grant("org_admin", 1, "district")];
const TODAY = "2026-12-10";

const app = (status: ApplicationRef["status"], extra: Partial<ApplicationRef> = {}): ApplicationRef => ({
  status, team_id: 1001, created_by: "leader", screened_by: null, checked_by: null, amount_requested_fen: 1_200_000,
  team: { street_id: 2, community_id: 101, district_id: 1 }, ...extra,
});
const act = (scope: ScopeGrant[], me: string, a: ApplicationRef, extra = {}) => applicationActions(scope, a, { me, today: TODAY, ...extra });

describe("steps on an application", () => {
  it("the applicant edits, submits and withdraws a draft; another team's leader does nothing", () => {
    expect(act(LEADER, "leader", app("draft"))).toEqual(["edit", "submit", "withdraw"]);
    expect(act(OTHER_LEADER, "other", app("draft"))).toEqual([]);
    expect(act(LEADER, "co-leader", app("draft"))).toEqual([]);
  });
  it("the street of the team screens a submitted application; another street does not", () => {
    expect(act(STREET, "street", app("submitted"))).toEqual(["screen"]);
    expect(act(OTHER_STREET, "street3", app("submitted"))).toEqual([]);
    expect(act(FINANCE, "fin", app("submitted"))).toEqual([]);
  });
  it("finance of the scope checks or rejects a screened one, unless it applied or screened it (four eyes)", () => {
    expect(act(FINANCE, "fin", app("screened", { screened_by: "street" }))).toEqual(["check", "reject"]);
    expect(act(STREET_FINANCE, "fin3", app("screened", { screened_by: "street" }))).toEqual([]);
    expect(act(FINANCE, "fin", app("screened", { screened_by: "fin" }))).toEqual([]);
  });
  it("the organisation department decides a checked one, once per person when two approvals are needed", () => {
    const checked = app("checked", { screened_by: "street", checked_by: "fin" });
    expect(act(ORG, "org", checked)).toEqual(["decide"]);
    expect(act(ORG, "org", checked, { approvals: ["org"] })).toEqual([]);
    expect(act(ORG, "org2", checked, { approvals: ["org"] })).toEqual(["decide"]);
    expect(act(ORG, "fin", checked)).toEqual([]);
  });
  it("approval waits for the end of the notice and for every objection to be resolved", () => {
    const notice = app("in_notice", { screened_by: "street", checked_by: "fin", notice_end: TODAY });
    expect(act(ORG, "org", notice)).not.toContain("approve");
    const over = { ...notice, notice_end: "2026-12-09" };
    expect(act(ORG, "org", over)).toContain("approve");
    expect(act(ORG, "org", over, { openObjections: 1 })).not.toContain("approve");
  });
  it("staff of the scope record objections during the notice; only the organisation department resolves them", () => {
    const notice = app("in_notice", { notice_end: TODAY });
    expect(act(STREET, "street", notice)).toEqual(["objection"]);
    expect(act(FINANCE, "fin", notice)).toEqual(["objection"]);
    expect(act(ORG, "org", notice)).toEqual(expect.arrayContaining(["objection", "resolveObjection"]));
    expect(act(LEADER, "leader", notice)).toEqual(["withdraw"]);
  });
  it("nothing is open on a decided application", () => {
    for (const s of ["approved", "rejected", "withdrawn"] as const) {
      for (const [scope, me] of [[LEADER, "leader"], [STREET, "street"], [FINANCE, "fin"], [ORG, "org"]] as const) {
        expect(act([...scope], me, app(s))).toEqual([]);
      }
    }
  });
  it("the needs-my-action view shows each role the states it acts on", () => {
    expect(statusesNeedingMe(LEADER)).toEqual(["draft"]);
    expect(statusesNeedingMe(STREET)).toEqual(["submitted"]);
    expect(statusesNeedingMe(FINANCE)).toEqual(["screened"]);
    expect(statusesNeedingMe(ORG)).toEqual(["checked", "in_notice"]);
  });
});

describe("money on a line and in a budget", () => {
  it("warns from 90 % of a line and refuses past 100 %", () => {
    const line = { amount_fen: 100_000, available_fen: 30_000 };
    expect(lineAfter(line, 10_000).level).toBe("ok");
    expect(lineAfter(line, 20_000).level).toBe("warn");
    expect(lineAfter(line, 30_000).level).toBe("warn");
    expect(lineAfter(line, 30_001).level).toBe("over");
    expect(lineAfter(line, 20_000).left).toBe(10_000);
  });
  it("adds the itemised budget in fen, ignoring empty rows", () => {
    expect(budgetTotal([{ amount_fen: 1_000_00 }, { amount_fen: 250_50 }, {}, { amount_fen: null }])).toBe(1_250_50);
  });
});

describe("tranches and vouchers", () => {
  const g = { team_id: 1001, team: { street_id: 2, community_id: 101, district_id: 1 }, status: "active" };
  const tranches = [
    { id: 11, seq: 1, status: "paid" as const },
    { id: 12, seq: 2, status: "approved" as const, requested_by: "leader" },
  ];
  it("pays tranche 2 only when tranche 1 has a verified voucher and none pending", () => {
    expect(previousVouchersReady(tranches, tranches[1], [])).toBe(false);
    expect(previousVouchersReady(tranches, tranches[1], [{ tranche_id: 11, status: "verified" }, { tranche_id: 11, status: "pending" }])).toBe(false);
    expect(previousVouchersReady(tranches, tranches[1], [{ tranche_id: 11, status: "verified" }, { tranche_id: 11, status: "rejected" }])).toBe(true);
    expect(previousVouchersReady(tranches, tranches[0], [])).toBe(true);
  });
  it("passes over a returned or cancelled tranche before it, as pay_tranche does, but not an unpaid one", () => {
    const t3 = { id: 13, seq: 3, status: "approved" as const };
    const verified1 = [{ tranche_id: 11, status: "verified" as const }];
    expect(previousVouchersReady([{ ...tranches[0] }, { id: 12, seq: 2, status: "returned" }, t3], t3, verified1)).toBe(true);
    expect(previousVouchersReady([{ ...tranches[0] }, { id: 12, seq: 2, status: "cancelled" }, t3], t3, verified1)).toBe(true);
    expect(previousVouchersReady([{ ...tranches[0] }, { id: 12, seq: 2, status: "approved" }, t3], t3, verified1)).toBe(false);
  });
  it("the leader requests, finance approves (never the requester) and pays", () => {
    expect(trancheActions(LEADER, g, { seq: 1, status: "scheduled" }, "leader")).toEqual(["request"]);
    expect(trancheActions(FINANCE, g, { seq: 1, status: "requested", requested_by: "leader" }, "fin")).toEqual(["approve", "cancel"]);
    expect(trancheActions(FINANCE, g, { seq: 1, status: "requested", requested_by: "fin" }, "fin")).toEqual(["cancel"]);
    expect(trancheActions(FINANCE, g, { seq: 1, status: "approved" }, "fin")).toEqual(["pay", "cancel"]);
    expect(trancheActions(STREET_FINANCE, g, { seq: 1, status: "approved" }, "fin3")).toEqual([]);
    expect(trancheActions(FINANCE, { ...g, status: "completed" }, { seq: 1, status: "approved" }, "fin")).toEqual([]);
  });
  it("the grantee uploads vouchers against a paid tranche; finance checks what it did not upload", () => {
    expect(canUploadVoucher(LEADER, g, { seq: 1, status: "paid" })).toBe(true);
    expect(canUploadVoucher(LEADER, g, { seq: 1, status: "approved" })).toBe(false);
    expect(canUploadVoucher(OTHER_LEADER, g, { seq: 1, status: "paid" })).toBe(false);
    // no room left under what was paid, or a terminated grant: no upload offered (add_voucher would refuse)
    expect(canUploadVoucher(LEADER, g, { seq: 1, status: "paid" }, 0)).toBe(false);
    expect(canUploadVoucher(LEADER, g, { seq: 1, status: "paid" }, 100)).toBe(true);
    expect(canUploadVoucher(LEADER, { ...g, status: "terminated" }, { seq: 1, status: "paid" }, 100)).toBe(false);
    expect(vouchersFiledOn([{ tranche_id: 1, status: "pending", amount_fen: 500 }, { tranche_id: 1, status: "rejected", amount_fen: 900 },
      { tranche_id: 2, status: "verified", amount_fen: 70 }, { tranche_id: 1, status: "verified", amount_fen: "25" }], 1)).toBe(525);
    // add_voucher's room is the grant's: all paid tranches less all vouchers not rejected, across tranches
    expect(voucherRoom([{ status: "paid", amount_fen: "1000" }, { status: "paid", amount_fen: 500 }, { status: "approved", amount_fen: 9000 }],
      [{ tranche_id: 1, status: "pending", amount_fen: 800 }, { tranche_id: 2, status: "verified", amount_fen: "600" },
        { tranche_id: 2, status: "rejected", amount_fen: 5000 }])).toBe(100);
    expect(canCheckVoucher(FINANCE, g, { tranche_id: 11, status: "pending", uploaded_by: "leader" }, "fin")).toBe(true);
    expect(canCheckVoucher(FINANCE, g, { tranche_id: 11, status: "pending", uploaded_by: "fin" }, "fin")).toBe(false);
    expect(canCheckVoucher(LEADER, g, { tranche_id: 11, status: "pending", uploaded_by: "x" }, "leader")).toBe(false);
  });
  it("a change request is decided by someone other than who asked", () => {
    expect(canDecideChange(FINANCE, g, { status: "pending", requested_by: "leader" }, "fin")).toBe(true);
    expect(canDecideChange(FINANCE, g, { status: "pending", requested_by: "fin" }, "fin")).toBe(false);
    expect(canDecideChange(ORG, g, { status: "pending", requested_by: "fin" }, "org")).toBe(true);
    expect(canDecideChange(LEADER, g, { status: "pending", requested_by: "fin" }, "leader")).toBe(false);
  });
  it("finance of the scope or the organisation department closes an active grant; the grantee does not", () => {
    expect(canCloseGrant(FINANCE, g)).toBe(true);
    expect(canCloseGrant(ORG, g)).toBe(true);
    expect(canCloseGrant(LEADER, g)).toBe(false);
    expect(canCloseGrant(FINANCE, { ...g, status: "completed" })).toBe(false);
  });
  it("绩效 is offered after the grant period (the day after its last day), or at once when the grant is closed", () => {
    expect(evaluationDue({ status: "active", ends_on: "2026-11-30" }, "2026-11-30")).toBe(false);
    expect(evaluationDue({ status: "active", ends_on: "2026-11-29" }, "2026-11-30")).toBe(true);
    expect(evaluationDue({ status: "completed", ends_on: "2027-06-30" }, "2026-11-30")).toBe(true);
  });
  it("stores a voucher under <grant>/<tranche>/<uuid>.<ext>, never the (Chinese) file name", () => {
    expect(voucherPath(7, 12, "u-1", "发票 2026.JPG")).toBe("7/12/u-1.jpg");
    expect(voucherPath(7, 12, "u-1", "收据")).toBe("7/12/u-1.bin");
  });
});

describe("the same team's applications of the same kind and year", () => {
  const app = { id: 1, team_id: 7, purpose: "activities", period_start: "2026-03-01", amount_requested_fen: 3000000 };
  const o = (id: number, status: ApplicationStatus, fen: number, extra: Partial<{ team_id: number; purpose: string; period_start: string }> = {}) =>
    ({ id, team_id: 7, purpose: "activities", period_start: "2026-09-01", status, amount_requested_fen: fen, ...extra });
  it("sums the live ones and warns when together they pass the threshold that each alone stays under", () => {
    const others = [
      o(2, "approved", 2500000), o(3, "submitted", 1000000), o(4, "rejected", 9000000), o(5, "draft", 9000000),
      o(6, "approved", 9000000, { team_id: 8 }), o(7, "approved", 9000000, { purpose: "venue" }), o(8, "approved", 9000000, { period_start: "2025-12-31" }),
      { ...app, status: "checked" as const },
    ];
    expect(sameKindThisYear(app, others, 5000000)).toEqual({ n: 2, othersFen: 3500000, allFen: 6500000, splitOver: true });
    // one alone above the threshold already needs two approvals: no split to warn about
    expect(sameKindThisYear({ ...app, amount_requested_fen: 6000000 }, others, 5000000).splitOver).toBe(false);
    expect(sameKindThisYear(app, others.slice(1), 5000000)).toEqual({ n: 1, othersFen: 1000000, allFen: 4000000, splitOver: false });
  });
});

describe("needs my action on grants", () => {
  const item = (action: string, grant_id: number | null, tranche_seq: number | null, extra: Partial<ActionItem> = {}): ActionItem =>
    ({ action, application_id: 1, grant_id, tranche_id: tranche_seq, tranche_seq, voucher_id: null, change_id: null, ...extra });
  const items = [
    item("voucher_check", 7, 2, { voucher_id: 70 }), item("voucher_check", 7, 2, { voucher_id: 71 }), item("tranche_pay", 8, 1),
    item("voucher_check", 9, 1, { voucher_id: 90 }), item("change_decide", 7, null, { change_id: 3 }), item("check", null, null),
  ];

  it("links each count to exactly its grants or applications", () => {
    expect(actionLink("voucher_check")).toBe("/grants?view=mine&action=voucher_check");
    expect(actionLink("my_vouchers_due")).toBe("/grants?view=mine&action=my_vouchers_due");
    expect(actionLink("check")).toBe("/grant-applications?view=mine&action=check");
    expect(actionLink("objections_open")).toBe("/grant-applications?view=mine&action=objections_open");
    expect(actionLink("nonsense")).toBeUndefined();
    expect(grantsWaiting(items, "voucher_check")).toEqual([7, 9]);
    expect(grantsWaiting(items, "tranche_pay")).toEqual([8]);
    expect(grantsWaiting(items)).toEqual([7, 8, 9]);
  });

  it("lists the applications behind an application step once each, and what waits on each", () => {
    const apps = [
      item("decide", null, null, { application_id: 4 }), item("objections_open", null, null, { application_id: 5 }),
      item("objections_open", null, null, { application_id: 5 }), item("approve_after_notice", null, null, { application_id: 6 }),
      item("second_approval", null, null, { application_id: 4 }), ...items,
    ];
    expect(applicationsWaiting(apps, "objections_open")).toEqual([5]);
    expect(applicationsWaiting(apps, "decide")).toEqual([4]);
    // grant steps (application_id 1 on every grant item) are not application steps; "check" is
    expect(applicationsWaiting(apps)).toEqual([4, 5, 6, 1]);
    expect(applicationWaits(apps).get(5)).toEqual([{ action: "objections_open", n: 2 }]);
    expect(applicationWaits(apps).get(4)).toEqual([{ action: "decide", n: 1 }, { action: "second_approval", n: 1 }]);
    expect(applicationWaits(apps).get(1)).toEqual([{ action: "check", n: 1 }]);
  });

  it("says what waits on each grant, per tranche, with how many", () => {
    expect(grantWaits(items).get(7)).toEqual([{ action: "voucher_check", seq: 2, n: 2 }, { action: "change_decide", seq: null, n: 1 }]);
    expect(grantWaits(items).get(8)).toEqual([{ action: "tranche_pay", seq: 1, n: 1 }]);
    expect(grantWaits(items).has(1)).toBe(false);
  });

  it("names the paid money verified vouchers do not cover, tranche by tranche", () => {
    const tranches = [
      { id: 1, status: "paid" as const, amount_fen: 600000 }, { id: 2, status: "paid" as const, amount_fen: "400000" },
      { id: 3, status: "approved" as const, amount_fen: 500000 },
    ];
    expect(paidWithoutVouchers(tranches, [])).toEqual({ pending: 0, missing: 1000000 });
    const vouchers = [
      { tranche_id: 1, status: "verified" as const, amount_fen: 450000 }, { tranche_id: 1, status: "pending" as const, amount_fen: 150000 },
      // more than tranche 2 got does not cover tranche 1's rest
      { tranche_id: 2, status: "verified" as const, amount_fen: "500000" }, { tranche_id: 3, status: "verified" as const, amount_fen: 1 },
    ];
    // tranche 1: 450,000 verified, 150,000 handed in and waiting
    expect(paidWithoutVouchers(tranches, vouchers)).toEqual({ pending: 150000, missing: 0 });
    expect(paidWithoutVouchers(tranches, vouchers.slice(2))).toEqual({ pending: 0, missing: 600000 });
    expect(paidWithoutVouchers(tranches, [...vouchers, { tranche_id: 1, status: "verified", amount_fen: 150000 }])).toEqual({ pending: 0, missing: 0 });
  });

  it("reads the over-paid refusal's figures, and only from that refusal", () => {
    const details = JSON.stringify({ paid_fen: 1900000, vouchers_fen: 1800000, left_fen: 100000 });
    expect(vouchersOverPaid({ hint: "funds.vouchers_over_paid", details })).toEqual({ paid_fen: 1900000, vouchers_fen: 1800000, left_fen: 100000 });
    expect(vouchersOverPaid({ hint: "funds.bad_state", details })).toBeUndefined();
    expect(vouchersOverPaid({ hint: "funds.vouchers_over_paid", details: "not json" })).toBeUndefined();
  });

  it("finds the same file and amount already filed on the tranche (a rejected one does not count)", () => {
    const filed = [
      { tranche_id: 1, file_name: "invoice.jpg", amount_fen: 120000, status: "pending" as const },
      { tranche_id: 1, file_name: "receipt.jpg", amount_fen: 5000, status: "rejected" as const },
    ];
    expect(sameVoucherFiled(filed, 1, "invoice.jpg", 120000)).toBe(filed[0]);
    expect(sameVoucherFiled(filed, 1, "invoice.jpg", 120001)).toBeUndefined();
    expect(sameVoucherFiled(filed, 2, "invoice.jpg", 120000)).toBeUndefined();
    expect(sameVoucherFiled(filed, 1, "receipt.jpg", 5000)).toBeUndefined();
  });
  it("knows the same file sent again with another amount by its size, but not another photo of the same name", () => {
    const filed = [{ tranche_id: 1, file_name: "image.jpg", amount_fen: 1200000, status: "pending" as const, size_bytes: 48213 }];
    expect(sameVoucherFiled(filed, 1, "image.jpg", 700000, 48213)).toBe(filed[0]);
    expect(sameVoucherFiled(filed, 1, "image.jpg", 700000, 51007)).toBeUndefined();
  });
});

describe("the timeline names the unit where it may not name the person", () => {
  it("the organisation department, the district's or a street's finance, else the unit itself", () => {
    expect(actorUnitLabel({ role: "org_admin", unit_name: "市南区", unit_level: "district" }).key).toBe("grants.timeline.units.orgAdmin");
    expect(actorUnitLabel({ role: "finance", unit_name: "市南区", unit_level: "district" }).key).toBe("grants.timeline.units.districtFinance");
    expect(actorUnitLabel({ role: "finance", unit_name: "八大湖街道", unit_level: "street" })).toEqual({ key: "grants.timeline.units.finance", unit: "八大湖街道" });
    expect(actorUnitLabel({ role: "street_admin", unit_name: "八大湖街道", unit_level: "street" })).toEqual({ key: "grants.timeline.units.unit", unit: "八大湖街道" });
  });
});
