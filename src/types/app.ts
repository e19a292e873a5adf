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
  volunteer_service_totals?: { star_level: number; approved_hours: number } | null;
}

export interface Membership {
  id: number;
  team_id: number;
  volunteer_id: string;
  role: MemberRole;
  joined_on: string;
  left_on: string | null;
  left_reason: string | null;
  volunteers?: Pick<Volunteer, "id" | "name" | "gender" | "birth_year" | "is_party_member" | "volunteer_contacts" | "volunteer_service_totals"> | null;
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

export interface ServiceRecord {
  id: number;
  activity_id: number;
  volunteer_id: string;
  team_id: number;
  service_date: string;
  hours: number;
  kind: "service" | "reversal";
  reverses_id: number | null;
  status: "pending" | "approved" | "rejected";
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
  reviewed_at: string | null;
  review_note: string | null;
  volunteers?: { name: string } | null;
  team?: { name: string; street_id: number | null; community_id: number | null; district_id: number | null } | null;
  service_activities?: { title: string; place: string | null; projects?: { name: string } | null } | null;
}

export interface ServiceTotals {
  volunteer_id: string;
  approved_hours: number;
  star_level: number;
  last_service_on: string | null;
}

export interface PointsBalance {
  volunteer_id: string;
  balance: number;
  earned: number;
  redeemed: number;
}

export interface Reward {
  id: number;
  partner_id: number | null;
  category: import("../domain/passbook").RewardCategory;
  name: string;
  description: string | null;
  points_cost: number;
  stock: number;
  active: boolean;
  alliance_partners?: { name: string } | null;
}

export interface PointsEntry {
  id: number;
  volunteer_id: string;
  entry_type: import("../domain/passbook").EntryType;
  points: number;
  service_record_id: number | null;
  reward_id: number | null;
  quantity: number | null;
  reverses_entry_id: number | null;
  note: string | null;
  created_at: string;
  rewards?: { name: string } | null;
  service_records?: { service_date: string; hours: number; service_activities?: { title: string } | null } | null;
}

export interface StarAward {
  id: number;
  volunteer_id: string;
  level: number;
  eligible_on: string;
  hours_at_eligibility: number;
  status: "queued" | "confirmed";
  confirmed_at: string | null;
  certificate_no: string | null;
  hours_at_certificate: number | null;
  volunteers?: { name: string; gender: "male" | "female"; home_street_id: number | null; home_community_id: number } | null;
}

export interface RatingRound {
  id: number;
  name: string;
  year: number;
  org_unit_id: number;
  star_bands: number[];
  closed: boolean;
}

export interface RatingCriterion {
  id: number;
  round_id: number;
  name: string;
  max_score: number;
  sort_order: number;
}

export interface Rating {
  id: number;
  round_id: number;
  subject_kind: "project" | "team";
  project_id: number | null;
  team_id: number | null;
  unit_id: number;
  status: import("../domain/rating").RatingStatus;
  self_total: number;
  review_total: number | null;
  star_level: number | null;
  certificate_no: string | null;
  submitted_by: string | null;
  awarded_at: string | null;
  projects?: { name: string } | null;
  team?: { name: string } | null;
  unit?: { name: string; street_id: number | null; community_id: number | null; district_id: number | null } | null;
  rating_scores?: { criterion_id: number; self_score: number; review_score: number | null }[];
}

export interface RoleModel {
  id: number;
  volunteer_id: string | null;
  name: string;
  title: string;
  story: string | null;
  photo_url: string | null;
  street_id: number | null;
  sort_order: number;
  published: boolean;
  street?: { name: string } | null;
  role_model_awards?: { id: number; level: "provincial" | "municipal" | "district"; title: string; year: number | null }[];
}
