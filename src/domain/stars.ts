// Individual star levels (志愿者星级) from cumulative approved hours. The database keeps the
// thresholds (table star_levels) and computes the level; this mirrors it for progress displays.

export interface StarLevel {
  level: number;
  name: string;
  min_hours: number;
}

/** The national scale, the default the database is seeded with. */
export const NATIONAL_SCALE: readonly StarLevel[] = [
  { level: 1, name: "一星志愿者", min_hours: 100 },
  { level: 2, name: "二星志愿者", min_hours: 300 },
  { level: 3, name: "三星志愿者", min_hours: 600 },
  { level: 4, name: "四星志愿者", min_hours: 1000 },
  { level: 5, name: "五星志愿者", min_hours: 1500 },
];

export function starLevelFor(hours: number, levels: readonly StarLevel[] = NATIONAL_SCALE): number {
  let reached = 0;
  for (const l of levels) if (hours >= Number(l.min_hours) && l.level > reached) reached = l.level;
  return reached;
}

export interface StarProgress {
  level: number;
  next: StarLevel | undefined;
  /** hours still missing for the next level (0 at the top) */
  remaining: number;
  /** 0–100, progress from the current level's threshold to the next one */
  percent: number;
}

export function starProgress(hours: number, levels: readonly StarLevel[] = NATIONAL_SCALE): StarProgress {
  const sorted = [...levels].sort((a, b) => a.min_hours - b.min_hours);
  const level = starLevelFor(hours, sorted);
  const next = sorted.find((l) => Number(l.min_hours) > hours);
  if (!next) return { level, next: undefined, remaining: 0, percent: 100 };
  const from = level === 0 ? 0 : Number(sorted.find((l) => l.level === level)!.min_hours);
  const span = Number(next.min_hours) - from;
  return {
    level,
    next,
    remaining: Math.round((Number(next.min_hours) - hours) * 100) / 100,
    percent: Math.max(0, Math.min(100, Math.floor(((hours - from) / span) * 100))),
  };
}

/** "★★★☆☆" for a level 0–5. */
export function stars(level: number): string {
  const n = Math.max(0, Math.min(5, Math.round(level)));
  return "★".repeat(n) + "☆".repeat(5 - n);
}
