// Select strings, row shapes and RPC names of the grant workflow pages (申报 · 初审 · 财务审核 · 决定 · 公示),
// kept beside the resource as in Refine's app-crm. Row types come from the generated schema.
import type { Tables } from "../../types/database";

/** The team with its ancestors (for scope checks and the street filter) and the project, if any. */
export const APPLICATION_SELECT =
  "*, team:org_units!team_id(name, street_id, community_id, district_id), projects(name, is_featured)";

/** The same with the street's name, for lists and CSV (inner only when a street filter needs it). */
export function applicationListSelect(byStreet: boolean): string {
  return `*, team:org_units!team_id${byStreet ? "!inner" : ""}(name, street_id, community_id, district_id), projects(name)`;
}

export type TeamRef = Pick<Tables<"org_units">, "name" | "street_id" | "community_id" | "district_id">;

export type Application = Tables<"grant_applications"> & {
  team?: TeamRef | null;
  projects?: Pick<Tables<"projects">, "name"> & { is_featured?: boolean } | null;
};

export type BudgetItemRow = Tables<"application_budget_items">;
export type AllocationRow = Tables<"application_allocations"> & {
  budget_lines?: Pick<Tables<"budget_lines">, "name" | "purpose" | "is_tilt"> | null;
};
export type TransitionRow = Tables<"application_transitions">;
export type ApprovalRow = Tables<"application_approvals">;
export type ObjectionRow = Tables<"grant_objections">;
export type LineBalance = Tables<"budget_line_balances">;
