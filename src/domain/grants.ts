// Rules of the grant workflow (申报 → 初审 → 财务预算审核 → 决定 → 公示 → 协议 → 拨付 → 凭证) as the pages
// repeat them: which step a person may take on an application, a tranche or a voucher in its state, the
// itemised budget's total and a line's use after a commitment. The database (RPCs that check actor, scope
// and state) is the guard; these only hide what it would refuse and say why a step is not open yet.
import type { Enums } from "../types/database";
import { hasRole, leads, manages, unitWithin, type ScopeGrant, type UnitRef } from "./scope";

export type ApplicationStatus = Enums<"application_status">;
export type BudgetPurpose = Enums<"budget_purpose">;
export type TrancheStatus = Enums<"tranche_status">;
export type VoucherStatus = Enums<"voucher_status">;

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  "draft", "submitted", "screened", "checked", "in_notice", "approved", "rejected", "withdrawn",
];
export const BUDGET_PURPOSES: readonly BudgetPurpose[] = ["venue", "incubation", "activities", "rewards", "management"];
/** States in which an application is still under way (withdrawing is possible until the decision). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ["draft", "submitted", "screened", "checked"];

/** States in which an application asks for, or holds, money (submitted up to approved). */
export const LIVE_STATUSES: readonly ApplicationStatus[] = ["submitted", "screened", "checked", "in_notice", "approved"];

/** The same team's other live applications for the same purpose in the same year, as the decider should see them:
 *  how many, their sum, the sum with this one, and whether that sum passes the two-approval threshold although
 *  this one alone does not (one piece of work split into several applications to stay under it). The rule
 *  itself stays the database's (two approvals above the threshold per application); this is a warning. */
export function sameKindThisYear(
  app: { id: number; team_id: number; purpose: string; period_start: string | null; amount_requested_fen: number | string },
  others: readonly { id: number; team_id: number; purpose: string; period_start: string | null; status: ApplicationStatus; amount_requested_fen: number | string }[],
  thresholdFen: number | undefined,
): { n: number; othersFen: number; allFen: number; splitOver: boolean } {
  const year = app.period_start?.slice(0, 4);
  const same = others.filter((o) => o.id !== app.id && o.team_id === app.team_id && o.purpose === app.purpose
    && !!year && o.period_start?.slice(0, 4) === year && LIVE_STATUSES.includes(o.status));
  const othersFen = same.reduce((s, o) => s + Number(o.amount_requested_fen), 0);
  const own = Number(app.amount_requested_fen);
  const allFen = own + othersFen;
  return { n: same.length, othersFen, allFen, splitOver: thresholdFen !== undefined && own <= thresholdFen && allFen > thresholdFen };
}

/** A line's use is warned at this share (fund_settings.warn_ratio is the database's figure; this is its default). */
export const DEFAULT_WARN_RATIO = 0.9;

export interface ApplicationRef {
  status: ApplicationStatus;
  team_id: number;
  created_by: string | null;
  screened_by?: string | null;
  checked_by?: string | null;
  decided_by?: string | null;
  amount_requested_fen: number;
  notice_end?: string | null;
  team?: { street_id?: number | null; community_id?: number | null; district_id?: number | null } | null;
}

export type ApplicationAction =
  | "edit" | "submit" | "withdraw" | "screen" | "check" | "reject" | "decide" | "objection" | "resolveObjection" | "approve";

function teamRef(a: Pick<ApplicationRef, "team_id" | "team">): UnitRef {
  return { id: a.team_id, street_id: a.team?.street_id, community_id: a.team?.community_id, district_id: a.team?.district_id };
}

/** Finance of the district, or of the street the team belongs to. */
export function financeOver(scope: readonly ScopeGrant[], unit: UnitRef): boolean {
  return scope.some((g) => g.role === "finance" && unitWithin(unit, g.org_unit_id));
}

export interface ActionContext {
  /** the signed-in user */
  me: string | undefined;
  /** the district's day (YYYY-MM-DD) */
  today: string;
  /** open objections on the application */
  openObjections?: number;
  /** who has recorded an approval already (the first of two above the threshold) */
  approvals?: readonly string[];
}

/**
 * The steps this person may take on the application now, as the RPCs decide them: the applicant edits,
 * submits and withdraws; an admin of the team's scope screens (初审, pass or reject); finance of the scope
 * checks the budget (or rejects); the organisation department decides, resolves objections and approves
 * after the notice; staff of the scope record objections. Four eyes: whoever applied, screened or
 * checked takes no later step on it.
 */
export function applicationActions(scope: readonly ScopeGrant[], a: ApplicationRef, ctx: ActionContext): ApplicationAction[] {
  const out: ApplicationAction[] = [];
  const unit = teamRef(a);
  const applicant = !!ctx.me && a.created_by === ctx.me && leads(scope, a.team_id);
  const before = [a.created_by, a.screened_by, a.checked_by].filter(Boolean);
  const fresh = !!ctx.me && !before.includes(ctx.me);
  const org = hasRole(scope, "org_admin");
  switch (a.status) {
    case "draft":
      if (applicant) out.push("edit", "submit");
      break;
    case "submitted":
      if (fresh && manages(scope, unit)) out.push("screen");
      break;
    case "screened":
      if (fresh && financeOver(scope, unit)) out.push("check", "reject");
      break;
    case "checked":
      if (fresh && org && !(ctx.approvals ?? []).includes(ctx.me ?? "")) out.push("decide");
      break;
    case "in_notice":
      if (manages(scope, unit) || financeOver(scope, unit)) out.push("objection");
      if (org) out.push("resolveObjection");
      if (org && noticeOver(a, ctx.today) && !(ctx.openObjections ?? 0)) out.push("approve");
      if (fresh && org) out.push("reject");
      break;
    default:
      break;
  }
  if (applicant && (OPEN_STATUSES.includes(a.status) || a.status === "in_notice")) out.push("withdraw");
  return out;
}

/** The notice period (公示期) has ended: approval may follow the day after notice_end. */
export function noticeOver(a: Pick<ApplicationRef, "notice_end">, today: string): boolean {
  return !!a.notice_end && today > a.notice_end;
}

/** Whose move it is, for the "needs my action" view: the statuses this person acts on. */
export function statusesNeedingMe(scope: readonly ScopeGrant[]): ApplicationStatus[] {
  const out = new Set<ApplicationStatus>();
  if (hasRole(scope, "team_leader")) out.add("draft");
  if (hasRole(scope, "street_admin") || hasRole(scope, "community_admin")) out.add("submitted");
  if (hasRole(scope, "finance")) out.add("screened");
  if (hasRole(scope, "org_admin")) {
    out.add("checked");
    out.add("in_notice");
  }
  return [...out];
}

export interface BudgetItem {
  item?: string;
  amount_fen?: number | null;
}

/** The itemised budget's total in fen (empty amounts count as 0). */
export function budgetTotal(items: readonly BudgetItem[] | undefined): number {
  return (items ?? []).reduce((s, i) => s + (i?.amount_fen && i.amount_fen > 0 ? i.amount_fen : 0), 0);
}

export interface LineUse {
  amount_fen: number;
  /** what is left: amount − committed − paid (− carried out), as budget_line_balances says */
  available_fen: number;
}

export type LineLevel = "ok" | "warn" | "over";

/** A line after committing `extra` more fen: its used share and whether that is fine, warned (≥ warn ratio) or refused (> 100 %). */
export function lineAfter(line: LineUse, extra: number, warnRatio = DEFAULT_WARN_RATIO): { ratio: number; level: LineLevel; left: number } {
  const used = line.amount_fen - line.available_fen + extra;
  const ratio = line.amount_fen > 0 ? used / line.amount_fen : extra > 0 ? Infinity : 0;
  return { ratio, level: extra > line.available_fen ? "over" : ratio >= warnRatio ? "warn" : "ok", left: line.available_fen - extra };
}

// ── Tranches (拨付) and vouchers (凭证) ─────────────────────────────────────────────────────────────

export interface TrancheRef {
  seq: number;
  status: TrancheStatus;
  requested_by?: string | null;
}

export type TrancheAction = "request" | "approve" | "pay" | "cancel" | "return";

export interface VoucherRef {
  tranche_id: number;
  status: VoucherStatus;
  uploaded_by?: string | null;
}

/** Tranche n is paid only when the tranche before it (cancelled and returned ones passed over) is paid and has
 *  ≥ 1 verified voucher and none pending — pay_tranche's gate. */
export function previousVouchersReady(tranches: readonly (TrancheRef & { id: number })[], t: TrancheRef, vouchers: readonly VoucherRef[]): boolean {
  const prev = tranches
    .filter((x) => x.seq < t.seq && x.status !== "cancelled" && x.status !== "returned")
    .sort((x, y) => y.seq - x.seq)[0];
  if (!prev) return true;
  if (prev.status !== "paid") return false;
  const mine = vouchers.filter((v) => v.tranche_id === prev.id);
  return mine.some((v) => v.status === "verified") && !mine.some((v) => v.status === "pending");
}

/** A tranche not yet paid nor cancelled: closing the grant cancels it (close_grant). */
export const OPEN_TRANCHE_STATES: readonly TrancheStatus[] = ["scheduled", "requested", "approved"];

/** Paid money that verified vouchers do not yet cover, over the paid tranches (each tranche on its own: a
 *  voucher counts only against the tranche it was filed on), split into what is covered by vouchers handed in and
 *  waiting for the check (pending) and what no voucher covers yet (missing). Closing a grant with money
 *  uncovered is allowed, but the person closing it is told. */
export function paidWithoutVouchers(
  tranches: readonly { id: number; status: TrancheStatus; amount_fen: number | string }[],
  vouchers: readonly { tranche_id: number; status: VoucherStatus; amount_fen: number | string }[],
): { pending: number; missing: number } {
  return tranches.filter((t) => t.status === "paid").reduce((sum, t) => {
    const of = (status: VoucherStatus) => vouchers.filter((v) => v.tranche_id === t.id && v.status === status).reduce((s, v) => s + Number(v.amount_fen), 0);
    const uncovered = Math.max(0, Number(t.amount_fen) - of("verified"));
    const pending = Math.min(uncovered, of("pending"));
    return { pending: sum.pending + pending, missing: sum.missing + uncovered - pending };
  }, { pending: 0, missing: 0 });
}

type GrantRef = { team_id: number; team?: ApplicationRef["team"]; status?: string };

/** The steps on a tranche: the grantee's leader (or finance) requests; finance in scope approves (never
 *  the requester), pays, cancels an unpaid one and books a paid one's return. */
export function trancheActions(scope: readonly ScopeGrant[], grant: GrantRef, t: TrancheRef, me: string | undefined): TrancheAction[] {
  if (grant.status && grant.status !== "active") return [];
  const finance = financeOver(scope, teamRef(grant));
  const out: TrancheAction[] = [];
  if (t.status === "scheduled" && (leads(scope, grant.team_id) || finance)) out.push("request");
  if (t.status === "requested" && finance && t.requested_by !== me) out.push("approve");
  if (t.status === "approved" && finance) out.push("pay");
  if ((t.status === "scheduled" || t.status === "requested" || t.status === "approved") && finance) out.push("cancel");
  if (t.status === "paid" && finance) out.push("return");
  return out;
}

/** The grantee's leader files vouchers on a paid tranche of a running or completed grant while the vouchers
 *  (not rejected) stay under what was paid — `roomFen` = paid − filed, add_voucher's own rule. */
export function canUploadVoucher(scope: readonly ScopeGrant[], grant: { team_id: number; status?: string }, t: TrancheRef, roomFen = Infinity): boolean {
  return t.status === "paid" && leads(scope, grant.team_id) && grant.status !== "terminated" && roomFen > 0;
}

type VoucherAmount = { tranche_id: number; status: VoucherStatus; amount_fen: number | string };
/** What these vouchers, those handed in and not rejected, add up to. */
const filed = (vouchers: readonly VoucherAmount[]) => vouchers.filter((v) => v.status !== "rejected").reduce((s, v) => s + Number(v.amount_fen), 0);

/** What the vouchers handed in (not rejected) on one tranche add up to. */
export function vouchersFiledOn(vouchers: readonly VoucherAmount[], trancheId: number): number {
  return filed(vouchers.filter((v) => v.tranche_id === trancheId));
}

/** add_voucher's room on a grant: what was paid on it less the vouchers handed in (not rejected); above
 *  that the database refuses (funds.vouchers_over_paid). */
export function voucherRoom(tranches: readonly { status: TrancheStatus; amount_fen: number | string }[], vouchers: readonly VoucherAmount[]): number {
  return tranches.filter((t) => t.status === "paid").reduce((s, t) => s + Number(t.amount_fen), 0) - filed(vouchers);
}

/** Finance in scope verifies or rejects a pending voucher it did not upload. */
export function canCheckVoucher(scope: readonly ScopeGrant[], grant: GrantRef, v: VoucherRef, me: string | undefined): boolean {
  return v.status === "pending" && financeOver(scope, teamRef(grant)) && v.uploaded_by !== me;
}

/** Finance in scope schedules tranches. */
export function financeOfGrant(scope: readonly ScopeGrant[], grant: GrantRef): boolean {
  return financeOver(scope, teamRef(grant));
}

/** 结项 / 终止 (close_grant): finance of the grant's scope or the organisation department, while it is active. */
export function canCloseGrant(scope: readonly ScopeGrant[], grant: GrantRef & { status: string }): boolean {
  return grant.status === "active" && (financeOfGrant(scope, grant) || hasRole(scope, "org_admin"));
}

/** The grantee or finance asks for a change (move money between lines, change targets). */
export function canRequestChange(scope: readonly ScopeGrant[], grant: GrantRef): boolean {
  return (!grant.status || grant.status === "active") && (leads(scope, grant.team_id) || financeOver(scope, teamRef(grant)));
}

/** A change request is decided by finance in scope or the organisation department, never by whoever asked. */
export function canDecideChange(scope: readonly ScopeGrant[], grant: GrantRef,
  change: { status: string; requested_by: string | null }, me: string | undefined): boolean {
  return change.status === "pending" && change.requested_by !== me && (financeOver(scope, teamRef(grant)) || hasRole(scope, "org_admin"));
}

/** Accepted voucher files: images from the phone's camera, or PDF. */
export const VOUCHER_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,application/pdf";
export const VOUCHER_MAX_BYTES = 10 * 1024 * 1024;

/** The object path of a voucher file in bucket `vouchers`: `<grant_id>/<tranche_id>/<uuid>.<ext>`. */
export function voucherPath(grantId: number, trancheId: number, uuid: string, fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  const ext = m ? m[1].toLowerCase() : "bin";
  return `${grantId}/${trancheId}/${uuid}.${ext}`;
}

/** 绩效 is taken at the end of a grant (as evaluate_grant): a running grant once its period is over (`today` is the
 *  district's, YYYY-MM-DD), a closed one at once. */
export function evaluationDue(grant: { status: string; ends_on: string }, today: string): boolean {
  return grant.status !== "active" || grant.ends_on < today;
}

// ── Needs my action (待我处理) ─────────────────────────────────────────────────────────────────────

/** One thing waiting for the signed-in person, as funds_action_items() gives it (the counts are these rows). */
export interface ActionItem {
  action: string;
  application_id: number | null;
  grant_id: number | null;
  tranche_id: number | null;
  tranche_seq: number | null;
  voucher_id: number | null;
  change_id: number | null;
}

/** The steps taken on a grant (its tranches, vouchers and change requests), in the order they are listed. */
export const GRANT_ACTIONS = ["my_vouchers_due", "my_rejected_vouchers", "tranche_approve", "tranche_pay", "voucher_check", "change_decide"] as const;
export type GrantAction = (typeof GRANT_ACTIONS)[number];

export function isGrantAction(action: string | null | undefined): action is GrantAction {
  return (GRANT_ACTIONS as readonly string[]).includes(action ?? "");
}

/** The steps taken on an application (申报), in the order they are listed. */
export const APPLICATION_ACTIONS = ["my_drafts", "screen", "check", "decide", "second_approval", "approve_after_notice", "objections_open"] as const;
export type ApplicationStep = (typeof APPLICATION_ACTIONS)[number];

export function isApplicationStep(action: string | null | undefined): action is ApplicationStep {
  return (APPLICATION_ACTIONS as readonly string[]).includes(action ?? "");
}

/** Where a "needs my action" count is dealt with: the grants or applications list on exactly the records behind
 *  it (the rows of funds_action_items() for that step). */
export function actionLink(action: string): string | undefined {
  if (isGrantAction(action)) return `/grants?view=mine&action=${action}`;
  if (isApplicationStep(action)) return `/grant-applications?view=mine&action=${action}`;
  return undefined;
}

/** The applications with something waiting (for one step, or any application step), each once. */
export function applicationsWaiting(items: readonly ActionItem[], action?: ApplicationStep): number[] {
  const ids = items.filter((i) => i.application_id !== null && (action ? i.action === action : isApplicationStep(i.action)))
    .map((i) => i.application_id as number);
  return [...new Set(ids)];
}

/** Per application, what waits on it (a step and how many rows: open objections count each), in APPLICATION_ACTIONS order. */
export function applicationWaits(items: readonly ActionItem[]): Map<number, { action: ApplicationStep; n: number }[]> {
  const out = new Map<number, { action: ApplicationStep; n: number }[]>();
  for (const i of items) {
    if (i.application_id === null || !isApplicationStep(i.action)) continue;
    const list = out.get(i.application_id) ?? [];
    const same = list.find((w) => w.action === i.action);
    if (same) same.n += 1;
    else list.push({ action: i.action, n: 1 });
    out.set(i.application_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => APPLICATION_ACTIONS.indexOf(a.action) - APPLICATION_ACTIONS.indexOf(b.action));
  return out;
}

/** The grants with something waiting (for one action, or any grant action), each once. */
export function grantsWaiting(items: readonly ActionItem[], action?: GrantAction): number[] {
  const ids = items.filter((i) => i.grant_id !== null && (action ? i.action === action : isGrantAction(i.action))).map((i) => i.grant_id as number);
  return [...new Set(ids)];
}

/** What waits on one grant: per action and tranche, how many (vouchers to check on 第2期: 3). */
export interface GrantWait {
  action: GrantAction;
  seq: number | null;
  n: number;
}

/** Per grant, what waits, in GRANT_ACTIONS order then by tranche. */
export function grantWaits(items: readonly ActionItem[]): Map<number, GrantWait[]> {
  const out = new Map<number, GrantWait[]>();
  for (const i of items) {
    if (i.grant_id === null || !isGrantAction(i.action)) continue;
    const list = out.get(i.grant_id) ?? [];
    const same = list.find((w) => w.action === i.action && w.seq === i.tranche_seq);
    if (same) same.n += 1;
    else list.push({ action: i.action, seq: i.tranche_seq, n: 1 });
    out.set(i.grant_id, list);
  }
  for (const list of out.values()) {
    list.sort((a, b) => GRANT_ACTIONS.indexOf(a.action) - GRANT_ACTIONS.indexOf(b.action) || (a.seq ?? 0) - (b.seq ?? 0));
  }
  return out;
}

// ── Vouchers: what the grantee is told before and after filing ─────────────────────────────────────

/** The figures add_voucher names when vouchers would exceed what was paid (hint funds.vouchers_over_paid,
 *  DETAIL a JSON object); undefined for any other error. */
export interface OverPaid {
  paid_fen: number;
  vouchers_fen: number;
  left_fen: number;
}

export function vouchersOverPaid(e: { hint?: string | null; details?: string | null } | null | undefined): OverPaid | undefined {
  if (e?.hint !== "funds.vouchers_over_paid" || !e.details) return undefined;
  try {
    const r = JSON.parse(e.details) as Record<string, unknown>;
    const out = { paid_fen: Number(r.paid_fen), vouchers_fen: Number(r.vouchers_fen), left_fen: Number(r.left_fen) };
    return Object.values(out).every(Number.isFinite) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** A voucher already filed on the tranche (not a rejected one) that this file most likely repeats: the same file
 *  name with the same amount, or the same name and the same size in bytes — the same receipt sent twice after a
 *  retry, or again with another amount after a refusal. (A phone names every photo "image.jpg", but two photos
 *  are not the same size to the byte.) */
export function sameVoucherFiled<V extends { tranche_id: number; file_name: string; amount_fen: number; status: VoucherStatus; size_bytes?: number | null }>(
  vouchers: readonly V[], trancheId: number, fileName: string, amountFen: number | null | undefined, sizeBytes?: number,
): V | undefined {
  const name = fileName.trim().slice(0, 200);
  return vouchers.find((v) => v.tranche_id === trancheId && v.status !== "rejected" && v.file_name.trim() === name
    && (v.amount_fen === amountFen || (sizeBytes !== undefined && v.size_bytes != null && Number(v.size_bytes) === sizeBytes)));
}

// ── The timeline's actor ───────────────────────────────────────────────────────────────────────────

/** The unit a step was taken for, as application_actor_units() gives it. */
export interface ActorUnit {
  transition_id: number;
  role: Enums<"app_role">;
  unit_name: string;
  unit_level: Enums<"org_level">;
}

/** How the timeline names an actor whose name it may not show: the organisation department (区委组织部), the
 *  district's finance (区财政), a street's finance (八大湖街道财务), or the unit itself (八大湖街道, the team). */
export function actorUnitLabel(u: Pick<ActorUnit, "role" | "unit_name" | "unit_level">): { key: string; unit: string } {
  if (u.role === "org_admin") return { key: "grants.timeline.units.orgAdmin", unit: u.unit_name };
  if (u.role === "finance") return { key: u.unit_level === "district" ? "grants.timeline.units.districtFinance" : "grants.timeline.units.finance", unit: u.unit_name };
  return { key: "grants.timeline.units.unit", unit: u.unit_name };
}
