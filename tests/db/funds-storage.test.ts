// The `vouchers` bucket's policies on storage.objects (issue 9), evaluated as the Storage server runs a request:
// as the JWT's role with its claims (set role + request.jwt.claims), so RLS decides exactly as on hosted. The
// grantee uploads into a paid tranche's folder of its own grant only; finance of the scope and the organisation
// department read; nobody else reads or writes, anon nothing.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { grantWith, line, paid, UID } from "./funds-helpers";
import { sql } from "./helpers";

type Who = keyof typeof UID | "anon";

async function asRole<T>(who: Who, fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: inject("dbUrl") });
  await db.connect();
  try {
    await db.query("begin");
    if (who === "anon") {
      await db.query("select set_config('request.jwt.claims', '{\"role\":\"anon\"}', true)");
      await db.query("set local role anon");
    } else {
      await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: UID[who], role: "authenticated" })]);
      await db.query("set local role authenticated");
    }
    return await fn(db);
  } finally {
    await db.query("rollback").catch(() => undefined);
    await db.end();
  }
}

async function canUpload(who: Who, name: string): Promise<boolean> {
  return asRole(who, async (db) => {
    try {
      await db.query("insert into storage.objects (bucket_id, name, owner, owner_id, metadata) values ('vouchers', $1, $2, $3, '{\"mimetype\":\"image/jpeg\",\"size\":10}')",
        [name, who === "anon" ? null : UID[who], who === "anon" ? null : UID[who]]);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === "42501") return false;
      throw e;
    }
  });
}

async function sees(who: Who, name: string): Promise<boolean> {
  return asRole(who, async (db) => {
    try {
      return (await db.query("select 1 from storage.objects where bucket_id = 'vouchers' and name = $1", [name])).rowCount === 1;
    } catch (e) {
      if ((e as { code?: string }).code === "42501") return false;
      throw e;
    }
  });
}

describe("the vouchers bucket", () => {
  it("is private, 10 MB, images and PDF only", async () => {
    const [b] = await sql<{ public: boolean; file_size_limit: string; allowed_mime_types: string[] }>(
      "select public, file_size_limit, allowed_mime_types from storage.buckets where id = 'vouchers'");
    expect(b.public).toBe(false);
    expect(Number(b.file_size_limit)).toBe(10 * 1024 * 1024);
    expect(b.allowed_mime_types.sort()).toEqual(["application/pdf", "image/heic", "image/jpeg", "image/png", "image/webp"]);
  });

  it("the grantee uploads into a paid tranche of its own grant, and nowhere else; no other role uploads", async () => {
    const { lineId } = await line(1_000_000);
    const { grantId, tranches: [t1, t2] } = await grantWith(lineId, 100_000, [[50_000, "approved"], [50_000, "scheduled"]]);
    await paid(t1);
    const other = await grantWith(lineId, 10_000, [[10_000, "approved"]], { team: 1002, creator: UID.leader3 });
    await paid(other.tranches[0]);
    const file = `${grantId}/${t1}/${crypto.randomUUID()}.jpg`;
    expect(await canUpload("leader", file)).toBe(true);
    expect(await canUpload("leader", `${grantId}/${t2}/${crypto.randomUUID()}.jpg`), "unpaid tranche").toBe(false);
    expect(await canUpload("leader", `${other.grantId}/${other.tranches[0]}/${crypto.randomUUID()}.jpg`), "another team's grant").toBe(false);
    expect(await canUpload("leader", `${grantId}/${other.tranches[0]}/${crypto.randomUUID()}.jpg`), "a tranche of another grant").toBe(false);
    expect(await canUpload("leader", `${grantId}/${t1}/../x.jpg`), "a malformed path").toBe(false);
    expect(await canUpload("leader", `x/${t1}/a.jpg`), "not a grant id").toBe(false);
    expect(await canUpload("leader3", `${other.grantId}/${other.tranches[0]}/${crypto.randomUUID()}.jpg`)).toBe(true);
    for (const who of ["leader2", "leader3", "street", "finance", "finance2", "org", "org2", "anon"] as Who[]) {
      expect(await canUpload(who, `${grantId}/${t1}/${crypto.randomUUID()}.jpg`), who).toBe(false);
    }
  });

  it("finance of the scope and the organisation department read the files; the grantee, other leaders, street admins and anon do not", async () => {
    const { lineId } = await line(1_000_000);
    const { grantId, tranches: [t] } = await grantWith(lineId, 100_000, [[100_000, "approved"]]);
    await paid(t);
    const name = `${grantId}/${t}/${crypto.randomUUID()}.pdf`;
    await sql("insert into storage.objects (bucket_id, name, owner, owner_id) values ('vouchers', $1, $2, $3)", [name, UID.leader, UID.leader]);
    const expected: Record<Who, boolean> = {
      finance: true, finance2: true /* team 1001 is in 八大湖街道 */, org: true, org2: true,
      leader: false, leader2: false, leader3: false, street: false, street2: false, anon: false,
    };
    for (const [who, yes] of Object.entries(expected)) expect(await sees(who as Who, name), who).toBe(yes);
    const outside = await grantWith(lineId, 10_000, [[10_000, "approved"]], { team: 1006, creator: UID.leader2, screener: UID.street2 });
    await paid(outside.tranches[0]);
    const far = `${outside.grantId}/${outside.tranches[0]}/${crypto.randomUUID()}.pdf`;
    await sql("insert into storage.objects (bucket_id, name, owner, owner_id) values ('vouchers', $1, $2, $3)", [far, UID.leader2, UID.leader2]);
    expect(await sees("finance2", far), "a street's finance does not read another street's vouchers").toBe(false);
    expect(await sees("finance", far)).toBe(true);
  });

  it("nobody overwrites or removes a voucher file through the API", async () => {
    const { lineId } = await line(1_000_000);
    const { grantId, tranches: [t] } = await grantWith(lineId, 100_000, [[100_000, "approved"]]);
    await paid(t);
    const name = `${grantId}/${t}/${crypto.randomUUID()}.jpg`;
    await sql("insert into storage.objects (bucket_id, name, owner, owner_id) values ('vouchers', $1, $2, $3)", [name, UID.leader, UID.leader]);
    for (const who of ["leader", "finance", "org"] as Who[]) {
      const n = await asRole(who, async (db) => (await db.query("update storage.objects set name = name || 'x' where bucket_id = 'vouchers' and name = $1", [name])).rowCount);
      expect(n, who).toBe(0);
    }
  });
});
