// What each role reads, table by table, compared with what the access table in DOMAIN.md says.
// Expected sets are computed with independent SQL as the superuser.
import { describe, expect, it } from "vitest";
import { as, count, OWN_STREET, OWN_TEAM, sql, type Actor } from "./helpers";

const uid = (email: string) => `(select id from auth.users where email = '${email}')`;

async function visible(actor: Actor, table: string, column = "*"): Promise<number> {
  const sb = await as(actor);
  const { count: n, error } = await sb.from(table).select(column, { count: "exact", head: true });
  expect(error).toBeNull();
  return n ?? 0;
}

describe("anonymous users read nothing", () => {
  for (const table of ["org_units", "volunteers", "volunteer_contacts", "team_memberships", "role_grants", "staff_profiles", "talent_categories", "guidance_groups", "street_team_summary"]) {
    it(`anon sees no row of ${table}`, async () => {
      const total = await count(`select 1 from ${table}`);
      expect(total).toBeGreaterThan(0);
      const sb = await as("anon");
      const { data, error } = await sb.from(table).select("*");
      expect(error === null ? data : []).toEqual([]);
    });
  }
  it("anon cannot call the RPCs", async () => {
    const sb = await as("anon");
    for (const fn of ["my_scope", "volunteer_summary"]) {
      const { error } = await sb.rpc(fn);
      expect(error?.code).toBe("42501");
    }
  });
});

describe("organisation tree", () => {
  it("every staff role reads the whole tree (names are not personal data)", async () => {
    const total = await count("select 1 from org_units");
    for (const a of ["org", "street", "leader", "finance"] as const) expect(await visible(a, "org_units")).toBe(total);
  });
});

describe("volunteers (talent pool)", () => {
  it("the organisation department and finance read the whole district", async () => {
    const total = await count("select 1 from volunteers");
    expect(await visible("org", "volunteers")).toBe(total);
    expect(await visible("finance", "volunteers")).toBe(total);
  });

  it("a street admin reads the people living in the street or on its teams' rosters, and no one else", async () => {
    const expected = await count(
      `select id from volunteers v where v.home_street_id = $1
        or exists (select 1 from team_memberships m join org_units t on t.id = m.team_id where m.volunteer_id = v.id and t.street_id = $1)`,
      [OWN_STREET],
    );
    const total = await count("select 1 from volunteers");
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(total);
    expect(await visible("street", "volunteers")).toBe(expected);
  });

  it("a team leader reads only the people on the team's roster (and those they registered who are on no roster yet)", async () => {
    const expected = await count(
      `select id from volunteers v where exists (select 1 from team_memberships m where m.volunteer_id = v.id and m.team_id = $1)
        or (v.created_by = ${uid("leader@demo.local")} and not exists (select 1 from team_memberships m where m.volunteer_id = v.id))`,
      [OWN_TEAM],
    );
    expect(expected).toBeGreaterThan(2);
    expect(await visible("leader", "volunteers")).toBe(expected);
  });
});

describe("phone numbers (volunteer_contacts)", () => {
  it("finance reads no phone number, not even through an embed", async () => {
    expect(await visible("finance", "volunteer_contacts")).toBe(0);
    const sb = await as("finance");
    const { data, error } = await sb.from("volunteers").select("id, volunteer_contacts(phone)").limit(50);
    expect(error).toBeNull();
    expect(data!.length).toBe(50);
    expect(data!.every((v) => v.volunteer_contacts === null)).toBe(true);
  });

  it("a team leader reads the phones of the team's active members only", async () => {
    const expected = await count(
      `select distinct c.volunteer_id from volunteer_contacts c join team_memberships m on m.volunteer_id = c.volunteer_id
        where m.team_id = $1 and m.left_on is null`,
      [OWN_TEAM],
    );
    expect(await visible("leader", "volunteer_contacts")).toBe(expected);
  });

  it("a street admin reads the phones of people it manages, not of the whole district", async () => {
    const n = await visible("street", "volunteer_contacts");
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(await count("select 1 from volunteer_contacts"));
  });
});

describe("rosters (team_memberships)", () => {
  it("each role reads exactly the rosters of its scope", async () => {
    expect(await visible("org", "team_memberships")).toBe(await count("select 1 from team_memberships"));
    expect(await visible("finance", "team_memberships")).toBe(await count("select 1 from team_memberships"));
    expect(await visible("street", "team_memberships")).toBe(
      await count("select 1 from team_memberships m join org_units t on t.id = m.team_id where t.street_id = $1", [OWN_STREET]),
    );
    expect(await visible("leader", "team_memberships")).toBe(await count("select 1 from team_memberships where team_id = $1", [OWN_TEAM]));
  });
});

describe("role grants and staff profiles", () => {
  it("admins read the grants inside their scope; others only their own", async () => {
    expect(await visible("org", "role_grants")).toBe(await count("select 1 from role_grants"));
    const inStreet = await count(
      `select 1 from role_grants g join org_units u on u.id = g.org_unit_id
        where u.street_id = $1 or g.email = 'street@demo.local'`,
      [OWN_STREET],
    );
    expect(await visible("street", "role_grants")).toBe(inStreet);
    expect(await visible("leader", "role_grants")).toBe(await count("select 1 from role_grants where email = 'leader@demo.local'"));
    expect(await visible("finance", "role_grants")).toBe(await count("select 1 from role_grants where email = 'finance@demo.local'"));
  });

  it("a team leader reads only their own staff profile", async () => {
    const sb = await as("leader");
    const { data } = await sb.from("staff_profiles").select("email");
    expect(data).toEqual([{ email: "leader@demo.local" }]);
  });

  it("my_scope returns the caller's grants", async () => {
    const sb = await as("street");
    const { data, error } = await sb.rpc("my_scope");
    expect(error).toBeNull();
    expect(data).toMatchObject([{ role: "street_admin", org_unit_id: OWN_STREET, level: "street" }]);
  });
});

describe("statistics respect the caller's scope", () => {
  it("volunteer_summary counts only what the caller may read", async () => {
    const org = await (await as("org")).rpc("volunteer_summary").single<{ volunteers: number }>();
    const leader = await (await as("leader")).rpc("volunteer_summary").single<{ volunteers: number }>();
    expect(Number(org.data!.volunteers)).toBe(await count("select 1 from volunteers where status <> 'withdrawn'"));
    expect(Number(leader.data!.volunteers)).toBeLessThan(Number(org.data!.volunteers));
    expect(Number(leader.data!.volunteers)).toBeGreaterThan(0);
  });
});

describe("team_list", () => {
  it("names each team's community and street, and anon sees none", async () => {
    const { data } = await (await as("leader")).from("team_list").select("id, community_name, street_name").eq("id", OWN_TEAM);
    expect(data).toEqual([{ id: OWN_TEAM, community_name: "宁夏路社区", street_name: "八大湖街道" }]);
    const anon = await (await as("anon")).from("team_list").select("id");
    expect(anon.error?.code ?? (anon.data!.length === 0 ? "empty" : "rows")).not.toBe("rows");
  });
});

describe("street_team_summary", () => {
  it("counts only the teams of the caller's scope", async () => {
    const leader = await (await as("leader")).from("street_team_summary").select("team_count, active_members").gt("team_count", 0);
    const [own] = await sql<{ n: number }>("select active_member_count as n from org_units where id = $1", [OWN_TEAM]);
    expect(leader.data).toEqual([{ team_count: 1, active_members: own.n }]);
    const org = await (await as("org")).from("street_team_summary").select("team_count");
    expect(org.data!.reduce((a, r) => a + r.team_count, 0)).toBe(await count("select 1 from org_units where level = 'team'"));
  });
});

describe("schema guards", () => {
  it("every table in public has row-level security enabled", async () => {
    const rows = await sql<{ relname: string }>(
      "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r','p') and not c.relrowsecurity",
    );
    expect(rows).toEqual([]);
    expect(await count("select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'")).toBeGreaterThanOrEqual(8);
  });

  it("every view in public runs with the caller's rights (security_invoker)", async () => {
    const rows = await sql<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'v' and not coalesce('security_invoker=true' = any (c.reloptions), false)`,
    );
    expect(rows).toEqual([]);
  });

  it("no policy in public is granted to anon or public", async () => {
    const rows = await sql("select tablename, policyname, roles from pg_policies where schemaname = 'public' and not (roles = '{authenticated}')");
    expect(rows).toEqual([]);
  });
});
