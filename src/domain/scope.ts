// The signed-in user's scope (their active role grants) and the rules that mirror the RLS policies,
// so the UI hides what the database would refuse. The database remains the guard.
import type { Enums } from "../types/database";

/** The roles and unit levels as the schema defines them (generated enums). */
export type AppRole = Enums<"app_role">;
export type OrgLevel = Enums<"org_level">;

export interface ScopeGrant {
  grant_id: number;
  role: AppRole;
  org_unit_id: number;
  unit_name: string;
  level: OrgLevel;
  street_id: number | null;
  community_id: number | null;
}

/** Any row that sits in the organisation tree: a unit itself, with its ancestor ids. */
export interface UnitRef {
  id: number;
  district_id?: number | null;
  street_id?: number | null;
  community_id?: number | null;
}

export const ADMIN_ROLES: readonly AppRole[] = ["org_admin", "street_admin", "community_admin"];

/** Which level of unit each role is granted over (the database checks the same). */
export const ROLE_LEVELS: Record<AppRole, readonly OrgLevel[]> = {
  org_admin: ["district"],
  street_admin: ["street"],
  community_admin: ["community"],
  team_leader: ["team"],
  finance: ["district", "street"],
};

export const LEVEL_ORDER: readonly OrgLevel[] = ["district", "street", "community", "team"];

export function childLevel(level: OrgLevel): OrgLevel | undefined {
  return LEVEL_ORDER[LEVEL_ORDER.indexOf(level) + 1];
}

export function unitWithin(unit: UnitRef, ancestorId: number): boolean {
  return [unit.id, unit.district_id, unit.street_id, unit.community_id].includes(ancestorId);
}

export function isAdmin(scope: readonly ScopeGrant[]): boolean {
  return scope.some((g) => ADMIN_ROLES.includes(g.role));
}

export function hasRole(scope: readonly ScopeGrant[], role: AppRole): boolean {
  return scope.some((g) => g.role === role);
}

/** An admin grant covers the unit (the unit lies in the admin's subtree). */
export function manages(scope: readonly ScopeGrant[], unit: UnitRef): boolean {
  return scope.some((g) => ADMIN_ROLES.includes(g.role) && unitWithin(unit, g.org_unit_id));
}

/** Like the org_units policies: a unit is changed by an admin of a scope strictly above it. */
export function managesStrictly(scope: readonly ScopeGrant[], unit: UnitRef & { parent_id?: number | null }): boolean {
  if (!manages(scope, unit)) return false;
  if (unit.parent_id == null) return true;
  const notSelf = (id: number | null | undefined) => (id === unit.id ? null : id);
  const parent: UnitRef = {
    id: unit.parent_id,
    district_id: notSelf(unit.district_id),
    street_id: notSelf(unit.street_id),
    community_id: notSelf(unit.community_id),
  };
  return manages(scope, parent);
}

export function leads(scope: readonly ScopeGrant[], teamId: number): boolean {
  return scope.some((g) => g.role === "team_leader" && g.org_unit_id === teamId);
}

export function canEditRoster(scope: readonly ScopeGrant[], team: UnitRef): boolean {
  return manages(scope, team) || leads(scope, team.id);
}

/** Which roles an admin may grant over a unit of this level (inside their scope). */
export function grantableRoles(scope: readonly ScopeGrant[], unit: UnitRef & { level: OrgLevel }): AppRole[] {
  if (!manages(scope, unit)) return [];
  // finance roles come from the organisation department only (role_grants_separation)
  const org = scope.some((g) => g.role === "org_admin");
  return (Object.keys(ROLE_LEVELS) as AppRole[]).filter((r) => ROLE_LEVELS[r].includes(unit.level) && (r !== "finance" || org));
}

export interface ScopeFilter {
  field: string;
  operator: "in";
  value: number[];
}

/**
 * The caller's scope as ordinary list filters (OR-ed), sent with every list so the planner can use
 * the indexes instead of leaving all the work to the policy (see PERFORMANCE.md). Returns [] when
 * the scope is the whole district, or undefined when the user holds no grant at all.
 */
export function scopeFilters(
  scope: readonly ScopeGrant[],
  fields: { street: string; community: string; team?: string },
): ScopeFilter[] | undefined {
  if (scope.length === 0) return undefined;
  if (scope.some((g) => g.level === "district")) return [];
  const by = (level: OrgLevel) => [...new Set(scope.filter((g) => g.level === level).map((g) => g.org_unit_id))];
  const out: ScopeFilter[] = [];
  const streets = by("street");
  const communities = by("community");
  const teams = by("team");
  if (streets.length) out.push({ field: fields.street, operator: "in", value: streets });
  if (communities.length) out.push({ field: fields.community, operator: "in", value: communities });
  if (teams.length && fields.team) out.push({ field: fields.team, operator: "in", value: teams });
  return out;
}

/** The teams the user leads (team_leader grants), in the order granted. */
export function ledTeams(scope: readonly ScopeGrant[]): { id: number; name: string }[] {
  return scope.filter((g) => g.role === "team_leader").map((g) => ({ id: g.org_unit_id, name: g.unit_name }));
}

/** A user whose every grant is team_leader: their home is the leader's task home, not the dashboard. */
export function isLeaderOnly(scope: readonly ScopeGrant[]): boolean {
  return scope.length > 0 && scope.every((g) => g.role === "team_leader");
}
