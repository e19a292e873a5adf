// The points passbook (积分存折): entries in date order with the running balance, as a bank
// passbook prints them. The ledger lives in the database; the balance is always a sum of entries.
import type { Enums } from "../types/database";

export type EntryType = Enums<"points_entry_type">;
export type RewardCategory = Enums<"reward_category">;
export const REWARD_CATEGORIES: readonly RewardCategory[] = ["daily_goods", "culture_tourism", "health_care"];

export interface LedgerEntry {
  id: number;
  entry_type: EntryType;
  points: number;
  created_at: string;
}

export interface PassbookLine<E extends LedgerEntry> {
  entry: E;
  credit: number;
  debit: number;
  balance: number;
}

export function passbookLines<E extends LedgerEntry>(entries: readonly E[]): PassbookLine<E>[] {
  const sorted = [...entries].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  let balance = 0;
  return sorted.map((entry) => {
    balance += entry.points;
    return { entry, credit: entry.points > 0 ? entry.points : 0, debit: entry.points < 0 ? -entry.points : 0, balance };
  });
}

/** Whether a redemption fits the balance and the stock (the database checks again under locks). */
export function redemptionProblem(balance: number, stock: number, cost: number, quantity: number):
  "quantity" | "points" | "stock" | undefined {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) return "quantity";
  if (cost * quantity > balance) return "points";
  if (quantity > stock) return "stock";
  return undefined;
}
