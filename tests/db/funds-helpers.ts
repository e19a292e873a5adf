// Fixtures for the funds and grants tests (issue 9): own sources and lines per test (so figures are the test's
// own), applications put straight into a state by SQL (as `postgres`, like the seed: the rules then act on
// them through the API), and the demo people's ids.
import { sql, unique } from "./helpers";

export const UID = {
  org: "00000000-0000-4000-8000-000000000001",
  street: "00000000-0000-4000-8000-000000000002",
  leader: "00000000-0000-4000-8000-000000000003",
  finance: "00000000-0000-4000-8000-000000000004",
  org2: "00000000-0000-4000-8000-000000000005",
  leader2: "00000000-0000-4000-8000-000000000006",
  finance2: "00000000-0000-4000-8000-000000000007",
  street2: "00000000-0000-4000-8000-000000000008",
  leader3: "00000000-0000-4000-8000-000000000009",
} as const;

export const STATES = ["draft", "submitted", "screened", "checked", "in_notice", "approved", "rejected", "withdrawn"] as const;
export type AppState = (typeof STATES)[number];

/** A district-owned source of the given year with one line of `amountFen` (purpose activities unless told). */
export async function line(amountFen: number, opts: { purpose?: string; tilt?: boolean; year?: number; restricted?: string; unit?: number } = {}) {
  const year = opts.year ?? 2026;
  const [s] = await sql<{ id: string }>(
    `insert into fund_sources (fiscal_year, kind, name, org_unit_id, appropriated_fen, restricted_purpose, created_by)
     values ($1, 'district_special', $2, $3, $4, $5, $6) returning id`,
    [year, unique("测试专项"), opts.unit ?? 1, amountFen, opts.restricted ?? null, UID.finance],
  );
  const [l] = await sql<{ id: string }>(
    `insert into budget_lines (source_id, fiscal_year, purpose, is_tilt, name, amount_fen, created_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [s.id, year, opts.purpose ?? "activities", opts.tilt ?? false, unique("科目"), amountFen, UID.finance],
  );
  return { sourceId: Number(s.id), lineId: Number(l.id) };
}

export interface AppOpts {
  team?: number;
  creator?: string;
  screener?: string;
  checker?: string;
  decider?: string;
  amountFen?: number;
  lineId?: number;
  purpose?: string;
  projectId?: number | null;
  noticeEnded?: boolean;
  year?: number;
}

/** An application put into `state` as the seed does (history rows, allocations, commitments for in_notice/approved). */
export async function appIn(state: AppState, o: AppOpts = {}): Promise<number> {
  const team = o.team ?? 1001;
  const amount = o.amountFen ?? 100000;
  const year = o.year ?? 2026;
  const creator = o.creator ?? UID.leader;
  const screener = o.screener ?? UID.street;
  const checker = o.checker ?? UID.finance;
  const decider = o.decider ?? UID.org;
  const order = STATES.indexOf(state);
  const reached = state === "rejected" || state === "withdrawn" ? 1 : order;
  const [a] = await sql<{ id: string }>(
    `insert into grant_applications (team_id, project_id, purpose, title, amount_requested_fen, period_start, period_end,
                                     target_hours, target_people, target_activities, status, created_by,
                                     screened_by, checked_by, decided_by, notice_start, notice_end, submitted_at)
     values ($1, $2, $3, $4, $5, make_date($6, 1, 1), make_date($6, 12, 31), 100, 10, 10, $7::application_status, $8,
             $9, $10, $11, $12::date, $13::date, case when $14 then now() end) returning id`,
    [team, o.projectId ?? null, o.purpose ?? "activities", unique("测试申报"), amount, year, state, creator,
     reached >= 2 ? screener : null, reached >= 3 ? checker : null, reached >= 4 ? decider : null,
     reached >= 4 ? (o.noticeEnded ? "2026-01-05" : "2099-01-01") : null,
     reached >= 4 ? (o.noticeEnded ? "2026-01-12" : "2099-01-08") : null, reached >= 1],
  );
  const id = Number(a.id);
  await sql("insert into application_budget_items (application_id, item, amount_fen) values ($1, '物料', $2)", [id, amount]);
  if (reached >= 3 && o.lineId) {
    await sql("insert into application_allocations (application_id, line_id, amount_fen) values ($1, $2, $3)", [id, o.lineId, amount]);
  }
  if (reached >= 4 && o.lineId) {
    await sql("insert into application_approvals (application_id, approved_by) values ($1, $2)", [id, decider]);
    await sql(
      `insert into fund_ledger (kind, source_id, line_id, application_id, amount_fen, created_by)
       select 'commitment', source_id, id, $1, $3, $2 from budget_lines where id = $4`,
      [id, decider, amount, o.lineId],
    );
  }
  return id;
}

/** An approved application with its grant (commitment on the line) and tranches [amount, status] in order. */
export async function grantWith(lineId: number, amountFen: number, tranches: [number, string][] = [], o: AppOpts = {}) {
  const app = await appIn("approved", { ...o, lineId, amountFen, noticeEnded: true });
  const [g] = await sql<{ id: string }>(
    `insert into grants (application_id, agreement_no, team_id, project_id, purpose, amount_fen, starts_on, ends_on, created_by)
     select id, 'T' || id, team_id, project_id, purpose, amount_requested_fen, period_start, period_end, $2
       from grant_applications where id = $1 returning id`,
    [app, UID.org],
  );
  const grantId = Number(g.id);
  const ids: number[] = [];
  let seq = 0;
  for (const [amt, status] of tranches) {
    seq += 1;
    const [t] = await sql<{ id: string }>(
      `insert into grant_tranches (grant_id, seq, line_id, amount_fen, due_on, status, requested_by, approved_by)
       values ($1, $2, $3, $4, '2026-06-01', $5::tranche_status,
               case when $5 in ('requested', 'approved') then $6::uuid end, case when $5 = 'approved' then $7::uuid end) returning id`,
      [grantId, seq, lineId, amt, status, o.creator ?? UID.leader, UID.finance],
    );
    ids.push(Number(t.id));
  }
  return { app, grantId, tranches: ids };
}

/** Marks a tranche paid as pay_tranche would (ledger disbursement included). */
export async function paid(trancheId: number) {
  await sql(
    `with t as (update grant_tranches set status = 'paid', paid_by = $2, paid_on = '2026-06-02' where id = $1 returning *)
     insert into fund_ledger (kind, source_id, line_id, application_id, tranche_id, amount_fen, occurred_on, created_by)
     select 'disbursement', b.source_id, b.id, g.application_id, t.id, t.amount_fen, '2026-06-02', $2
       from t join grants g on g.id = t.grant_id join budget_lines b on b.id = t.line_id`,
    [trancheId, UID.finance],
  );
}

/** A voucher row on a paid tranche (status as given). */
export async function voucher(grantId: number, trancheId: number, amountFen: number, status: "pending" | "verified" | "rejected") {
  const [v] = await sql<{ id: string }>(
    `insert into grant_vouchers (grant_id, tranche_id, object_path, file_name, mime, size_bytes, amount_fen, issued_on, status, uploaded_by, checked_by)
     values ($1, $2, $7, 'f.jpg', 'image/jpeg', 1000, $3, '2026-06-03', $4::voucher_status, $5,
             case when $4 = 'pending' then null else $6::uuid end) returning id`,
    [grantId, trancheId, amountFen, status, UID.leader, UID.finance, `${grantId}/${trancheId}/${crypto.randomUUID()}.jpg`],
  );
  return Number(v.id);
}

export async function lineFigures(lineId: number) {
  const [r] = await sql<{ amount_fen: string; committed_fen: string; paid_fen: string; available_fen: string }>(
    "select amount_fen, committed_fen, paid_fen, available_fen from budget_line_balances where line_id = $1", [lineId]);
  return { amount: Number(r.amount_fen), committed: Number(r.committed_fen), paid: Number(r.paid_fen), available: Number(r.available_fen) };
}

export async function statusOf(appId: number): Promise<string> {
  return (await sql<{ status: string }>("select status from grant_applications where id = $1", [appId]))[0].status;
}

/** A file in the `vouchers` bucket as an upload leaves it (add_voucher files only uploaded files). Returns the path. */
export async function storedFile(path: string, owner: string = UID.leader): Promise<string> {
  await sql("insert into storage.objects (bucket_id, name, owner, owner_id, metadata) values ('vouchers', $1, $2, $3, '{\"mimetype\":\"image/jpeg\",\"size\":10}')",
    [path, owner, owner]);
  return path;
}
