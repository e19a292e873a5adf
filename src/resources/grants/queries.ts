// Select strings and row shapes of the grant page (协议 · 拨付 · 凭证 · 变更 · 绩效).
import type { Tables } from "../../types/database";
import type { TeamRef } from "../grant-applications/queries";

export const GRANT_SELECT =
  "*, team:org_units!team_id(name, street_id, community_id, district_id), projects(name), grant_applications(title)";

export type Grant = Tables<"grants"> & {
  team?: TeamRef | null;
  projects?: Pick<Tables<"projects">, "name"> | null;
  grant_applications?: Pick<Tables<"grant_applications">, "title"> | null;
};

export type Tranche = Tables<"grant_tranches"> & { budget_lines?: Pick<Tables<"budget_lines">, "name"> | null };
export type Voucher = Tables<"grant_vouchers">;
export type GrantChange = Tables<"grant_changes">;

/** Everything the grant page reads and refetches after a step. */
export const GRANT_RESOURCES = [
  "grants", "grant_tranches", "grant_vouchers", "grant_changes", "application_allocations", "budget_line_balances",
  "grant_evaluations", "funds_action_counts", "funds_action_items",
];
