// Rules about volunteers that the UI checks before the database does.
import type { Enums } from "../types/database";

/** Same pattern as the volunteer_contacts check: a mainland mobile or a landline with area code. */
export const PHONE_PATTERN = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;

export function isValidPhone(phone: string): boolean {
  return PHONE_PATTERN.test(phone.trim());
}

/** Masks a phone number for lists: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}

export function ageIn(birthYear: number | null | undefined, year: number): number | undefined {
  return birthYear ? year - birthYear : undefined;
}

export type MemberRole = Enums<"member_role">;
export const MEMBER_ROLES: readonly MemberRole[] = ["captain", "vice_captain", "liaison", "member"];

export interface RosterEntry {
  id: number;
  role: MemberRole;
  left_on: string | null;
}

/**
 * The one-captain rule, explained before the database refuses it: returns the active captain that
 * blocks giving `role` to membership `membershipId`, if any.
 */
export function captainConflict<T extends RosterEntry>(roster: readonly T[], membershipId: number | null, role: MemberRole): T | undefined {
  if (role !== "captain") return undefined;
  return roster.find((m) => m.role === "captain" && m.left_on === null && m.id !== membershipId);
}

export const COMMUNITY_POSTS = ["party_branch_secretary", "grid_leader", "building_leader", "owners_committee"] as const;
export type CommunityPost = (typeof COMMUNITY_POSTS)[number];
export const FORMER_LEVELS = ["厅级", "处级", "科级", "其他"] as const;
