// The finance pages' data: table/view names, selects, RPC names and the shapes of their rows (issue 9).
// Balances are views over the append-only fund ledger (core's migrations); every figure here comes from
// SQL, the pages only show it (through src/domain/money.ts).
import type { RpcName } from "../../providers/rpc";

/** Fiscal-year streams of money: 专项供 / 民间筹 / 重点倾 (tilt lines of either kind). */
export const STREAMS = ["district_special", "partner", "tilt"] as const;
export type Stream = (typeof STREAMS)[number];
export const SOURCE_KINDS = ["district_special", "partner"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const CONTRIBUTIONS = ["donation", "sponsorship", "co_building"] as const;
export const FORMS = ["cash", "in_kind"] as const;
export const PURPOSES = ["venue", "incubation", "activities", "rewards", "management"] as const;
export type Purpose = (typeof PURPOSES)[number];
export const LEDGER_KINDS = ["receipt", "commitment", "release", "disbursement", "return", "reversal", "carry_out", "carry_in"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** fund_source_balances: a source with its derived figures. */
export interface SourceBalance {
  source_id: number;
  fiscal_year: number;
  kind: SourceKind;
  name: string;
  org_unit_id: number;
  partner_id: number | null;
  contribution: (typeof CONTRIBUTIONS)[number] | null;
  form: (typeof FORMS)[number];
  restricted_purpose: Purpose | null;
  appropriated_fen: number;
  received_fen: number;
  carried_in_fen: number;
  carried_out_fen: number;
  cap_fen: number;
  lined_fen: number;
  committed_fen: number;
  paid_fen: number;
  returned_fen: number;
  available_fen: number;
}

/** budget_line_balances: a line with committed, paid and available. */
export interface LineBalance {
  line_id: number;
  source_id: number;
  fiscal_year: number;
  purpose: Purpose;
  is_tilt: boolean;
  name: string;
  amount_fen: number;
  committed_fen: number;
  paid_fen: number;
  returned_fen: number;
  released_fen: number;
  carried_out_fen: number;
  available_fen: number;
  used_ratio: number | string;
}

/** fund_ledger with the names a reader needs. */
export interface LedgerEntry {
  id: number;
  kind: LedgerKind;
  source_id: number;
  line_id: number | null;
  application_id: number | null;
  tranche_id: number | null;
  amount_fen: number;
  reverses_id: number | null;
  reversed_kind: LedgerKind | null;
  voucher_no: string | null;
  occurred_on: string;
  note: string | null;
  created_at: string;
  fund_sources?: { name: string; fiscal_year: number } | null;
  budget_lines?: { name: string } | null;
}
export const LEDGER_SELECT = "*, fund_sources!inner(name, fiscal_year), budget_lines(name)";

/** The RPC reads and writes of the finance pages. Those not yet in the generated types are cast here, once. */
const fn = (name: string) => name as RpcName;
export const RPC = {
  moneyByStream: fn("finance_money_by_stream"),
  disbursementsByMonth: fn("finance_disbursements_by_month"),
  allocationByStreet: fn("finance_allocation_by_street"),
  tiltShare: fn("finance_tilt_share"),
  concentration: fn("finance_concentration"),
  costPerHour: fn("finance_cost_per_hour"),
  accounts: fn("fund_accounts"),
  closeYear: fn("close_fiscal_year"),
  partnerStatement: fn("partner_statement"),
  simulateTilt: fn("simulate_tilt"),
} as const;

export interface StreamYear { fiscal_year: number; stream: Stream; cap_fen: number; lined_fen: number; committed_fen: number; paid_fen: number }
export interface MonthPaid { month: string; stream: Stream; paid_fen: number }
export interface StreetAllocation { street_id: number | null; street_name: string; grants: number; committed_fen: number; paid_fen: number }
export interface TiltShare { total_fen: number; featured_fen: number; star3_fen: number; featured_or_star3_fen: number; recipients: number; gini: number | string | null }
export interface LorenzPoint { recipient_label: string; amount_fen: number; cum_recipient_ratio: number | string; cum_amount_ratio: number | string }
export interface CostPerHour { project_id: number | null; project_name: string | null; team_name: string; paid_fen: number; approved_hours: number | string; cost_per_hour_fen: number | null }

/** fund_accounts(year): one row per source and per line (决算). */
export interface AccountRow {
  row_kind: "source" | "line";
  source_id: number;
  line_id: number | null;
  source_name: string;
  line_name?: string | null;
  kind: SourceKind;
  partner_name: string | null;
  purpose: Purpose | null;
  is_tilt: boolean | null;
  appropriated_fen: number;
  received_fen: number;
  carried_in_fen: number;
  lined_fen: number;
  committed_fen: number;
  paid_fen: number;
  returned_fen: number;
  released_fen: number;
  carried_out_fen: number;
  available_fen: number;
}

export interface StatementRow {
  source_id: number; source_name: string; contribution: string; form: string; pledged_fen: number; received_fen: number;
  grant_id: number | null; agreement_no: string | null; team_name: string | null; project_name: string | null;
  paid_fen: number; hours: number | string; people: number;
}

export interface TiltRow {
  application_id: number; title: string; team_name: string; project_name: string | null; star_level: number | null; featured: boolean;
  cost_per_hour_fen: number | null; unmet_need_fen: number; score: number | string; rank: number; requested_fen: number; allocated_fen: number;
  cum_recipient_ratio: number | string; cum_amount_ratio: number | string;
}
