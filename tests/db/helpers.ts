// Test helpers: supabase-js clients signed in as the seeded demo users, as the browser meets the
// API, and a SQL connection as `postgres` (the owner, BYPASSRLS, not a superuser: as on hosted) for fixtures and for computing expected results.
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";
import { inject } from "vitest";
import ws from "ws";

export const PASSWORD = "demo123456";
export const USERS = {
  org: "org@demo.local",
  street: "street@demo.local",
  leader: "leader@demo.local",
  finance: "finance@demo.local",
  // issue 9 (funds): a second org admin, a second street admin, a street's finance and two more leaders
  org2: "org2@demo.local",
  street2: "street2@demo.local",
  finance2: "finance2@demo.local",
  leader2: "leader2@demo.local",
  leader3: "leader3@demo.local",
} as const;
export type Actor = keyof typeof USERS | "anon";

// Fixture units from supabase/seed.sql
export const DISTRICT = 1;
export const OWN_STREET = 2; // 八大湖街道 (street@ administers it)
export const OTHER_STREET = 3; // 中山路街道
export const OWN_COMMUNITY = 101; // 宁夏路社区, street 2
export const OTHER_COMMUNITY_SAME_STREET = 102;
export const OUTSIDE_COMMUNITY = 106; // in street 3
export const OWN_TEAM = 1001; // leader@ leads it
export const OTHER_TEAM_SAME_STREET = 1002;
export const OUTSIDE_TEAM = 1006; // in street 3

export function client(): SupabaseClient {
  return createClient(inject("apiUrl"), inject("anonKey"), {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: ws as never },
  });
}

const signedIn = new Map<string, Promise<SupabaseClient>>();

export function as(actor: Actor): Promise<SupabaseClient> {
  if (actor === "anon") return Promise.resolve(client());
  let c = signedIn.get(actor);
  if (!c) {
    c = (async () => {
      const sb = client();
      const { error } = await sb.auth.signInWithPassword({ email: USERS[actor], password: PASSWORD });
      if (error) throw error;
      return sb;
    })();
    signedIn.set(actor, c);
  }
  return c;
}

export function service(): SupabaseClient {
  return createClient(inject("apiUrl"), inject("serviceKey"), {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: ws as never },
  });
}

let pool: pg.Pool | undefined;
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  if (!pool) {
    pool = new pg.Pool({ connectionString: inject("dbUrl"), max: 3 });
    pool.on("error", () => undefined);
  }
  return (await pool.query<T>(text, params)).rows;
}

export async function count(text: string, params: unknown[] = []): Promise<number> {
  const [r] = await sql<{ n: string }>(`select count(*) as n from (${text}) q`, params);
  return Number(r.n);
}

/** A volunteer who is an active (non-captain) member of a team. */
export async function activeMember(teamId: number): Promise<{ volunteer_id: string; membership_id: number }> {
  const [r] = await sql<{ volunteer_id: string; id: number }>(
    "select volunteer_id, id from team_memberships where team_id = $1 and left_on is null and role = 'member' order by id limit 1",
    [teamId],
  );
  return { volunteer_id: r.volunteer_id, membership_id: Number(r.id) };
}

/** A volunteer living in the given street with no membership in the other street's teams. */
export async function volunteerOnlyIn(streetId: number, otherStreetId: number): Promise<string> {
  const [r] = await sql<{ id: string }>(
    `select v.id from volunteers v where v.home_street_id = $1
       and not exists (select 1 from team_memberships m join org_units t on t.id = m.team_id
                       where m.volunteer_id = v.id and t.street_id = $2)
     order by v.id limit 1`,
    [streetId, otherStreetId],
  );
  return r.id;
}

let seq = 0;
export function unique(prefix: string): string {
  seq += 1;
  return `${prefix}${Date.now().toString(36)}${seq}`;
}

/** A new person on a team's roster since 2020 (superuser fixture), so tests own their figures. */
export async function newMember(teamId: number): Promise<string> {
  const [team] = await sql<{ community_id: string }>("select community_id from org_units where id = $1", [teamId]);
  const [v] = await sql<{ id: string }>(
    "insert into volunteers (name, gender, home_community_id) values ($1, 'female', $2) returning id",
    [unique("测试"), team.community_id],
  );
  await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [teamId, v.id]);
  return v.id;
}

let dayOffset = 0;
/** Approved service for a person, one record a day on distinct past days (superuser fixture: the
 *  triggers run as they do for an approval, so totals, queue and passbook follow). */
export async function approvedHours(volunteerId: string, teamId: number, hours: number[]): Promise<number[]> {
  const ids: number[] = [];
  for (const h of hours) {
    dayOffset += 1;
    const [a] = await sql<{ id: string }>(
      "insert into service_activities (team_id, title, service_date) values ($1, '测试活动', date '2021-01-01' + $2::int) returning id",
      [teamId, dayOffset],
    );
    const [r] = await sql<{ id: string }>(
      `insert into service_records (activity_id, volunteer_id, team_id, service_date, hours, status, reviewed_at)
       values ($1, $2, $3, date '2021-01-01' + $4::int, $5, 'approved', now()) returning id`,
      [a.id, volunteerId, teamId, dayOffset, h],
    );
    ids.push(Number(r.id));
  }
  return ids;
}

export async function balanceOf(volunteerId: string): Promise<number> {
  const [r] = await sql<{ b: string }>("select coalesce(sum(points), 0) as b from points_ledger where volunteer_id = $1", [volunteerId]);
  return Number(r.b);
}

/** A day in the past that no other test uses, as YYYY-MM-DD. */
export function pastDay(): string {
  dayOffset += 1;
  const d = new Date(Date.UTC(2021, 0, 1) + dayOffset * 86400000);
  return d.toISOString().slice(0, 10);
}
