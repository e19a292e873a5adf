// Row shapes as the app reads them (a subset of the generated database types, with embeds).
import type { AppRole, OrgLevel } from "../domain/scope";
import type { CommunityPost, MemberRole } from "../domain/volunteer";

export interface OrgUnit {
  id: number;
  parent_id: number | null;
  level: OrgLevel;
  name: string;
  description?: string | null;
  established_on?: string | null;
  district_id: number | null;
  street_id: number | null;
  community_id: number | null;
  active_member_count: number;
  sort_order?: number;
}

export interface Volunteer {
  id: string;
  name: string;
  gender: "male" | "female";
  birth_year: number | null;
  home_community_id: number;
  home_street_id: number | null;
  former_unit: string | null;
  former_post: string | null;
  former_level: string | null;
  is_party_member: boolean;
  talent_category_ids: number[];
  in_talent_pool: boolean;
  skills: string[];
  community_posts: CommunityPost[];
  guidance_group_ids: number[];
  status: "active" | "paused" | "withdrawn";
  note: string | null;
  created_at: string;
  home_community?: { name: string } | null;
  home_street?: { name: string } | null;
  volunteer_contacts?: { phone: string } | null;
}

export interface Membership {
  id: number;
  team_id: number;
  volunteer_id: string;
  role: MemberRole;
  joined_on: string;
  left_on: string | null;
  left_reason: string | null;
  volunteers?: Pick<Volunteer, "id" | "name" | "gender" | "birth_year" | "is_party_member" | "volunteer_contacts"> | null;
}

export interface RoleGrant {
  id: number;
  email: string;
  user_id: string | null;
  role: AppRole;
  org_unit_id: number;
  note: string | null;
  granted_at: string;
  revoked_at: string | null;
  org_units?: { name: string; level: OrgLevel } | null;
}

export interface NamedRef {
  id: number;
  name: string;
}
