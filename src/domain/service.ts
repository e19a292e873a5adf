// Rules of service records (志愿服务记录) as the forms repeat them; the database enforces them.
import type { Enums } from "../types/database";
import { manages, type ScopeGrant } from "./scope";

export const MAX_HOURS_PER_DAY = 24;
export type ServiceStatus = Enums<"service_status">;
export const SERVICE_STATUSES: readonly ServiceStatus[] = ["pending", "approved", "rejected"];

/** Hours of one record: more than 0, at most 24, in hundredths. */
export function validServiceHours(hours: number | null | undefined): boolean {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return false;
  return hours > 0 && hours <= MAX_HOURS_PER_DAY && Math.abs(Math.round(hours * 100) - hours * 100) < 1e-6;
}

export interface ReviewableRecord {
  team_id: number;
  status: ServiceStatus;
  kind: Enums<"service_kind">;
  recorded_by: string | null;
  team?: { street_id: number | null; community_id: number | null; district_id?: number | null } | null;
}

function teamRef(r: ReviewableRecord) {
  return { id: r.team_id, street_id: r.team?.street_id, community_id: r.team?.community_id, district_id: r.team?.district_id };
}

/** An admin of the record's scope reviews a pending record, unless they entered it themselves. */
export function canReview(scope: readonly ScopeGrant[], userId: string | undefined, r: ReviewableRecord): boolean {
  return r.status === "pending" && manages(scope, teamRef(r)) && (!userId || r.recorded_by !== userId);
}

/** An approved service record is corrected by a reversal, made by an admin of its scope. */
export function canReverse(scope: readonly ScopeGrant[], r: ReviewableRecord): boolean {
  return r.status === "approved" && r.kind === "service" && manages(scope, teamRef(r));
}

export interface ProjectScope {
  level: "district" | "street";
  org_unit_id: number;
}

/** Whether a team may file an activity under a project: a district project of its district or a street
 *  project of its own street (trigger service_activities_project_scope refuses any other). */
export function projectFitsTeam(project: ProjectScope, team: { street_id: number | null; district_id: number | null } | null | undefined): boolean {
  if (!team) return false;
  return project.level === "district" ? project.org_unit_id === team.district_id : project.org_unit_id === team.street_id;
}

/** One member the 24-hour refusal names: hours already recorded that day and how far this batch would pass 24. */
export interface DailyOverflow {
  volunteer_id: string;
  name: string | null;
  day_hours: number;
  over_by: number;
}

/** The members a refusal of record_service names (hint service_records_daily_limit, DETAIL a JSON array);
 *  undefined for any other error, or a refusal that names nobody (then the mapped message says it all). */
export function dailyLimitOverflow(e: { hint?: string | null; details?: string | null } | null | undefined): DailyOverflow[] | undefined {
  if (e?.hint !== "service_records_daily_limit" || !e.details) return undefined;
  try {
    const rows = JSON.parse(e.details) as unknown;
    if (!Array.isArray(rows) || rows.length === 0) return undefined;
    return rows.map((r: Record<string, unknown>) => ({
      volunteer_id: String(r.volunteer_id),
      name: typeof r.name === "string" ? r.name : null,
      day_hours: Number(r.day_hours),
      over_by: Number(r.over_by),
    }));
  } catch {
    return undefined;
  }
}

/** Hours a leader may tap to (presets) and the stepper's step; the database allows 0.01–24. */
export const HOUR_PRESETS: readonly number[] = [1, 2, 3, 4];
export const HOUR_STEP = 0.5;
export const DEFAULT_SERVICE_HOURS = 2;

/** The stepper: one step up or down, kept within (0, 24]. */
export function stepHours(hours: number, direction: 1 | -1): number {
  const next = Math.round((hours + direction * HOUR_STEP) * 100) / 100;
  return Math.min(MAX_HOURS_PER_DAY, Math.max(HOUR_STEP, next));
}
