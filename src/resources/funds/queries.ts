// The finance pages' data: table/view names, selects, RPC names and the shapes of their rows (issue 9).
// Balances are views over the append-only fund ledger (core's migrations); every figure here comes from
// SQL, the pages only show it (through src/domain/money.ts).
import type { RpcName, RpcReturns } from "../../providers/rpc";
import type { Tables } from "../../types/database";

/** Fiscal-year streams of money: 专项供 / 民间筹 / 重点倾 (tilt lines of either kind). */
export const STREAMS = ["district", "partner", "tilt"] as const;
export type Stream = (typeof STREAMS)[number];
export const SOURCE_KINDS = ["district_special", "partner"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const CONTRIBUTIONS = ["donation", "sponsorship", "co_building"] as const;
export const FORMS = ["cash", "in_kind"] as const;
export const PURPOSES = ["venue", "incubation", "activities", "rewards", "management"] as const;
export type Purpose = (typeof PURPOSES)[number];
export const LEDGER_KINDS = ["receipt", "commitment", "release", "disbursement", "return", "reversal", "carry_out", "carry_in"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** fund_source_balances: a source with its derived figures (every column is set for a row). */
type Set<T> = { [K in keyof T]-?: NonNullable<T[K]> };
type Optional = "partner_id" | "contribution" | "restricted_purpose";
export type SourceBalance = Set<Omit<Tables<"fund_source_balances">, Optional>> & Pick<Tables<"fund_source_balances">, Optional>;

/** budget_line_balances: a line with committed, paid and available. */
export type LineBalance = Set<Tables<"budget_line_balances">>;

/** fund_ledger with the names a reader needs. */
export type LedgerEntry = Tables<"fund_ledger"> & {
  fund_sources?: { name: string; fiscal_year: number } | null;
  budget_lines?: { name: string } | null;
};
export const LEDGER_SELECT = "*, fund_sources!inner(name, fiscal_year), budget_lines(name)";

/** The rows of an RPC read, as generated from the schema. */
export type RpcRow<F extends RpcName> = RpcReturns<F> extends readonly (infer R)[] ? R : never;
export type StreamYear = RpcRow<"finance_money_by_stream">;
export type MonthPaid = RpcRow<"finance_disbursements_by_month">;
export type StreetAllocation = RpcRow<"finance_by_street">;
export type TiltShare = RpcRow<"finance_tilt_share">;
export type LorenzPoint = RpcRow<"finance_concentration">;
export type CostPerHour = RpcRow<"finance_cost_per_hour">;
export type StatementRow = RpcRow<"partner_statement">;
export type TiltRow = RpcRow<"tilt_simulate">;
export type ActionCount = RpcRow<"funds_action_counts">;
/** fund_accounts(year): a source (line_id null) or one of its lines (决算). */
export type AccountRow = RpcRow<"fund_accounts">;
