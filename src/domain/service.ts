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
