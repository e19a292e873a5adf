// The district keeps an organisation-department administrator: an org admin cannot revoke their own
// last org_admin grant, and no revocation may leave the district with none (20261130003000).
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { account, signIn } from "./auth-helpers.ts";
import { as, DISTRICT, sql, unique } from "./helpers";

const ORG_EMAIL = "org@demo.local";

async function orgGrantId(email: string): Promise<number> {
  const [g] = await sql<{ id: string }>(
    "select id from role_grants where email = $1 and role = 'org_admin' and org_unit_id = $2 and revoked_at is null", [email, DISTRICT]);
  return Number(g.id);
}

describe("the district keeps an org admin", () => {
  it("an org admin who revokes their own last org_admin grant through the API is refused, and keeps it", async () => {
    const org = await as("org");
    const own = await orgGrantId(ORG_EMAIL);
    const { data, error } = await org.from("role_grants").update({ revoked_at: new Date().toISOString() }).eq("id", own).select();
    expect(data).toBeNull();
    expect(error?.hint).toBe("role_grants_own_last_admin");
    expect(error?.code).toBe("23514");
    expect(await orgGrantId(ORG_EMAIL)).toBe(own);
    const scope = await org.rpc("my_scope");
    expect(scope.data?.some((g: { role: string }) => g.role === "org_admin")).toBe(true);
  });

  it("a second org admin cannot step down alone, and the first may revoke them", async () => {
    const email = `${unique("second-admin")}@example.org`;
    await account(email, "secret123", true);
    const org = await as("org");
    const { data: grant, error } = await org.from("role_grants").insert({ email, role: "org_admin", org_unit_id: DISTRICT }).select().single();
    expect(error).toBeNull();
    expect(grant!.user_id).not.toBeNull();
    // the second admin cannot step down alone either: it is their own last grant
    const { sb: second } = await signIn(email, "secret123");
    const self = await second.from("role_grants").update({ revoked_at: new Date().toISOString() }).eq("id", grant!.id).select();
    expect(self.error?.hint).toBe("role_grants_own_last_admin");
    // another org admin revokes it: the district still has org@
    const { data: revoked, error: e2 } = await org.from("role_grants").update({ revoked_at: new Date().toISOString() }).eq("id", grant!.id).select();
    expect(e2).toBeNull();
    expect(revoked![0].revoked_at).not.toBeNull();
  });

  it("no revocation, not even by a database operator, leaves the district without an org admin", async () => {
    const own = await orgGrantId(ORG_EMAIL);
    // The seed has a second org admin (org2@, the second approver of large grants): it steps down first, in a
    // transaction that is rolled back, so that org@ is the last one.
    const db = new pg.Client({ connectionString: inject("dbUrl") });
    await db.connect();
    try {
      await db.query("begin");
      await db.query("update role_grants set revoked_at = now() where role = 'org_admin' and revoked_at is null and id <> $1", [own]);
      await db.query("savepoint last");
      await expect(db.query("update role_grants set revoked_at = now() where id = $1", [own])).rejects.toThrow(/no organisation-department administrator left/);
      await db.query("rollback to savepoint last");
      // a pending invitation holds nothing: it does not count as the remaining admin
      const pending = `${unique("pending-admin")}@example.org`;
      await db.query("insert into role_grants (email, role, org_unit_id) values ($1, 'org_admin', $2)", [pending, DISTRICT]);
      await expect(db.query("update role_grants set revoked_at = now() where id = $1", [own])).rejects.toThrow(/no organisation-department administrator left/);
    } finally {
      await db.query("rollback").catch(() => undefined);
      await db.end();
    }
    expect(await orgGrantId(ORG_EMAIL)).toBe(own);
  });

  it("revoking other roles is unaffected", async () => {
    const org = await as("org");
    const email = `${unique("finance")}@example.org`;
    const { data: g } = await org.from("role_grants").insert({ email, role: "finance", org_unit_id: DISTRICT }).select().single();
    const { error } = await org.from("role_grants").update({ revoked_at: new Date().toISOString() }).eq("id", g!.id).select();
    expect(error).toBeNull();
  });
});
