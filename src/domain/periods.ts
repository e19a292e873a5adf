// Periods: the presets 本月 / 今年 / 去年 (as days for the passbook's printing, as months for the
// dashboard's range) and the like-for-like comparison of a month that is not over yet (this month to
// date against the same days of last year).
// Dates are the district's calendar dates as YYYY-MM-DD; months are YYYY-MM.

/** The presets that stand for a period of their own (custom is chosen by hand). */
export type DatePreset = "thisMonth" | "thisYear" | "lastYear";
export const DATE_PRESETS: readonly DatePreset[] = ["thisMonth", "thisYear", "lastYear"];
export type RangePreset = DatePreset | "custom";
export const RANGE_PRESETS: readonly RangePreset[] = [...DATE_PRESETS, "custom"];

/** A month range, first and last month inclusive, as YYYY-MM. */
export interface MonthRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ym = (y: number, m: number) => `${y}-${pad(m)}`;

/** The first and last calendar day (YYYY-MM-DD) of a preset, counted from the district's `today`:
 *  this month and this year run to today, last year is whole. */
export function presetDays(preset: DatePreset, today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (preset) {
    case "thisMonth":
      return { from: `${ym(y, m)}-01`, to: today };
    case "thisYear":
      return { from: `${ym(y, 1)}-01`, to: today };
    case "lastYear":
      return { from: `${ym(y - 1, 1)}-01`, to: `${ym(y - 1, 12)}-31` };
  }
}

/** The month range a preset stands for on the district's `today` (the months of presetDays); custom has none. */
export function presetRange(preset: RangePreset, today: string): MonthRange | undefined {
  if (preset === "custom") return undefined;
  const days = presetDays(preset, today);
  return { from: days.from.slice(0, 7), to: days.to.slice(0, 7) };
}

/** Which preset a range is (custom when none matches). */
export function presetOf(range: MonthRange, today: string): RangePreset {
  for (const p of RANGE_PRESETS) {
    const r = presetRange(p, today);
    if (r && r.from === range.from && r.to === range.to) return p;
  }
  return "custom";
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The current month to date, and the same days of the same month a year earlier (29 February
 *  compares with 28 February). `complete` when today is the month's last day is still false: the day
 *  itself is not over. */
export interface PartialMonth {
  /** 1–12 */
  month: number;
  year: number;
  /** the last day counted, 1–31 */
  throughDay: number;
  thisFrom: string;
  thisTo: string;
  lastFrom: string;
  lastTo: string;
}

export function partialMonth(today: string): PartialMonth {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const d = Number(today.slice(8, 10));
  const lastDay = Math.min(d, daysIn(y - 1, m));
  return {
    month: m,
    year: y,
    throughDay: d,
    thisFrom: `${ym(y, m)}-01`,
    thisTo: `${ym(y, m)}-${pad(d)}`,
    lastFrom: `${ym(y - 1, m)}-01`,
    lastTo: `${ym(y - 1, m)}-${pad(lastDay)}`,
  };
}

/** The change from last year's figure to this year's, in percent with one decimal; none when last year had nothing. */
export function change(thisYear: number, lastYear: number): number | undefined {
  if (!lastYear) return undefined;
  return Math.round(((thisYear - lastYear) / lastYear) * 1000) / 10;
}
