// Shaping of SQL aggregates for the charts (no aggregation of raw rows happens in the browser).

export interface MonthHours {
  month: string; // YYYY-MM-01
  hours: number | string;
}

export interface YearOverYearRow {
  month: number; // 1–12
  thisYear: number | null;
  lastYear: number;
  /** The current month, not over yet: lastYear is then the same days of last year (sameDaysLastYear),
   *  and lastYearWholeMonth what the whole month had. */
  partial?: true;
  lastYearWholeMonth?: number;
}

/** Twelve months of `year` beside the same months of the year before. Future months of the
 *  current year are null (no line), not zero. `today` is the district's (districtToday().toDate()).
 *  The current month is marked partial and, once `sameDaysLastYear` (the hours of the same days a year
 *  earlier, see partialMonth) is known, compared with it instead of last year's whole month. */
export function yearOverYear(rows: readonly MonthHours[], year: number, today: Date, sameDaysLastYear?: number): YearOverYearRow[] {
  const by = new Map(rows.map((r) => [r.month.slice(0, 7), Number(r.hours)]));
  const key = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;
  return Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    const future = year > today.getFullYear() || (year === today.getFullYear() && m > today.getMonth() + 1);
    const lastYear = by.get(key(year - 1, m)) ?? 0;
    const row: YearOverYearRow = { month: m, thisYear: future ? null : by.get(key(year, m)) ?? 0, lastYear };
    if (year === today.getFullYear() && m === today.getMonth() + 1) {
      row.partial = true;
      row.lastYearWholeMonth = lastYear;
      if (sameDaysLastYear !== undefined) row.lastYear = sameDaysLastYear;
    }
    return row;
  });
}

export interface StarCount {
  star_level: number;
  volunteers: number | string;
}

export function withShares(rows: readonly StarCount[]): { star_level: number; volunteers: number; share: number }[] {
  const total = rows.reduce((a, r) => a + Number(r.volunteers), 0);
  return rows.map((r) => ({
    star_level: r.star_level,
    volunteers: Number(r.volunteers),
    share: total === 0 ? 0 : Math.round((Number(r.volunteers) / total) * 1000) / 10,
  }));
}

/** First and last day of the month range covering [from, to], as YYYY-MM-DD. */
export function monthBounds(from: Date, to: Date): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, "0");
  const last = new Date(to.getFullYear(), to.getMonth() + 1, 0);
  return {
    from: `${from.getFullYear()}-${pad(from.getMonth() + 1)}-01`,
    to: `${last.getFullYear()}-${pad(last.getMonth() + 1)}-${pad(last.getDate())}`,
  };
}

/**
 * Axis labels for names that share a long ending ("宁夏路银龄先锋志愿服务队", "八大湖银龄先锋志愿服务队"): the shared
 * ending is dropped so that a narrow axis shows what tells them apart ("宁夏路", "八大湖"), not the same cut-off
 * tail on every bar. Names stay whole when the ending is short or when dropping it would leave one empty.
 */
export function distinctiveLabels(names: readonly string[], minShared = 3): Map<string, string> {
  const chars = names.map((n) => Array.from(n));
  let shared = 0;
  if (names.length > 1) {
    const shortest = Math.min(...chars.map((c) => c.length));
    while (shared < shortest && chars.every((c) => c[c.length - 1 - shared] === chars[0][chars[0].length - 1 - shared])) shared++;
  }
  const drop = shared >= minShared && chars.every((c) => c.length > shared) ? shared : 0;
  return new Map(names.map((n, i) => [n, chars[i].slice(0, chars[i].length - drop).join("")]));
}

export interface LorenzPoint {
  /** cumulative share of recipients, 0–1 */
  x: number;
  /** cumulative share of the money, 0–1 */
  actual: number;
  /** the even spread (the diagonal) at x */
  even: number;
}

/**
 * The Lorenz curve of a simulated allocation (the tilt simulator's preview, which writes nothing and so
 * has no SQL concentration table): recipients with money, smallest first, from (0, 0) to (1, 1). Only the
 * drawing; the Gini coefficient comes from SQL (tilt_simulate.gini_after).
 */
export function lorenzCurve(amounts: readonly (number | string)[]): LorenzPoint[] {
  const sorted = amounts.map(Number).filter((a) => a > 0).sort((a, b) => a - b);
  const total = sorted.reduce((s, a) => s + a, 0);
  const points: LorenzPoint[] = [{ x: 0, actual: 0, even: 0 }];
  let running = 0;
  sorted.forEach((a, i) => {
    running += a;
    const x = (i + 1) / sorted.length;
    points.push({ x, actual: running / total, even: x });
  });
  return points;
}
