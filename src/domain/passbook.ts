// The points passbook (积分存折): the ledger lives in the database and the balance is always a sum of
// entries (view points_ledger_lines carries the balance after each); here the rules the forms repeat.
import type { Enums } from "../types/database";

export type EntryType = Enums<"points_entry_type">;
export type RewardCategory = Enums<"reward_category">;
export const REWARD_CATEGORIES: readonly RewardCategory[] = ["daily_goods", "culture_tourism", "health_care"];

/** Whether a redemption fits the balance and the stock (the database checks again under locks). */
export function redemptionProblem(balance: number, stock: number, cost: number, quantity: number):
  "quantity" | "points" | "stock" | undefined {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) return "quantity";
  if (cost * quantity > balance) return "points";
  if (quantity > stock) return "stock";
  return undefined;
}
