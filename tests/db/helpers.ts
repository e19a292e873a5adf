// Test helpers: supabase-js clients signed in as the seeded demo users, as the browser meets the
// API, and a superuser SQL connection for fixtures and for computing expected results.
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
  pool ??= new pg.Pool({ connectionString: inject("dbUrl"), max: 3 });
  pool.on("error", () => undefined);
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
