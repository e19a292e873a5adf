// Ratings of projects and teams (定星、评星、授星): the star level follows from the share of the
// maximum score by the round's bands (lowest % for one to five stars). The database computes it.
import type { Enums } from "../types/database";

export type RatingStatus = Enums<"rating_status">;
export const DEFAULT_BANDS: readonly number[] = [0, 60, 70, 80, 90];

export function ratingStar(total: number, maxTotal: number, bands: readonly number[] = DEFAULT_BANDS): number {
  if (maxTotal <= 0) return 0;
  const pct = (total * 100) / maxTotal;
  return bands.filter((b) => b <= pct).length;
}

/** Three stars and above are commended with a certificate and appear on the public list. */
export function commended(star: number | null | undefined): boolean {
  return (star ?? 0) >= 3;
}
