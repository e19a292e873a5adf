// Row shapes as the app reads them: only aliases of the generated rows (src/types/database.ts, made by
// `npm run types`) and, where a page selects embedded rows, the generated row intersected with the
// embed as its select names it. Nothing here is written by hand that the schema already says.
import type { Tables } from "./database";

type Pick2<T extends keyof DbTables, K extends keyof Tables<T>> = Pick<Tables<T>, K>;
type DbTables = import("./database").Database["public"]["Tables"] & import("./database").Database["public"]["Views"];

/** A unit of the tree (`path` is an ltree the app never reads). */
export type OrgUnit = Omit<Tables<"org_units">, "path">;

export type Volunteer = Tables<"volunteers"> & {
  home_community?: Pick2<"org_units", "name"> | null;
  home_street?: Pick2<"org_units", "name"> | null;
  volunteer_contacts?: Pick2<"volunteer_contacts", "phone"> | null;
  volunteer_service_totals?: Pick2<"volunteer_service_totals", "star_level" | "approved_hours"> | null;
};

/** A roster line with the person (select of the roster page). */
export type Membership = Tables<"team_memberships"> & {
  volunteers?: Pick<Volunteer, "id" | "name" | "gender" | "birth_year" | "is_party_member" | "volunteer_contacts" | "volunteer_service_totals"> | null;
};

export type RoleGrant = Tables<"role_grants"> & {
  org_units?: Pick2<"org_units", "name" | "level"> | null;
};

/** Any named row picked in a select (teams, projects, categories…). */
export type NamedRef = Pick2<"org_units", "id" | "name">;

export type ServiceRecord = Tables<"service_records"> & {
  volunteers?: Pick2<"volunteers", "name"> | null;
  team?: Pick2<"org_units", "name" | "street_id" | "community_id" | "district_id"> | null;
  service_activities?: (Pick2<"service_activities", "title" | "place"> & { projects?: Pick2<"projects", "name"> | null }) | null;
};

export type ServiceTotals = Tables<"volunteer_service_totals">;

/** The points_balances view (a view's columns are nullable to the generator: a missing row reads as 0). */
export type PointsBalance = Tables<"points_balances">;

export type Reward = Tables<"rewards"> & {
  alliance_partners?: Pick2<"alliance_partners", "name"> | null;
};

export type PointsEntry = Tables<"points_ledger"> & {
  rewards?: Pick2<"rewards", "name"> | null;
  service_records?: (Pick2<"service_records", "service_date" | "hours"> & { service_activities?: Pick2<"service_activities", "title"> | null }) | null;
};

export type StarAward = Tables<"star_awards"> & {
  volunteers?: Pick2<"volunteers", "name" | "gender" | "home_street_id" | "home_community_id"> | null;
};

export type RatingRound = Tables<"rating_rounds">;

export type RatingCriterion = Tables<"rating_criteria">;

export type Rating = Tables<"ratings"> & {
  projects?: Pick2<"projects", "name"> | null;
  team?: Pick2<"org_units", "name"> | null;
  unit?: Pick2<"org_units", "name" | "street_id" | "community_id" | "district_id"> | null;
  rating_scores?: Pick2<"rating_scores", "criterion_id" | "self_score" | "review_score">[];
};

export type RoleModel = Tables<"role_models"> & {
  street?: Pick2<"org_units", "name"> | null;
  role_model_awards?: Pick2<"role_model_awards", "id" | "level" | "title" | "year">[];
};
