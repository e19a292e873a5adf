// Every table and view in `public` has an explicit grant decision, and it is this one. A hosted project
// created today grants nothing automatically, and neither does the local stack: an object missing here
// is either unreachable (403 for everyone) or was granted without being reviewed. Functions in `public`
// and `private` are never executable by anon or PUBLIC unless listed as public on purpose.
// The manifest is the security model: it is what README's "who may write which columns" table shows.
import { describe, expect, it } from "vitest";
import { MANIFEST, PUBLIC_FUNCTIONS, SERVICE_ROLE, type Decision } from "./grant-manifest";
import { sql } from "./helpers";

interface Actual {
  table: Set<string>;
  columns: Map<string, Set<string>>;
}

async function actualPrivileges(role: string): Promise<Map<string, Actual>> {
  const tableRows = await sql<{ relname: string; privilege_type: string }>(
    `select c.relname, a.privilege_type
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       cross join lateral aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
      where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f')
        and a.grantee = (select oid from pg_roles where rolname = $1)`,
    [role],
  );
  const columnRows = await sql<{ relname: string; attname: string; privilege_type: string }>(
    `select c.relname, t.attname, a.privilege_type
       from pg_attribute t join pg_class c on c.oid = t.attrelid join pg_namespace n on n.oid = c.relnamespace
       cross join lateral aclexplode(t.attacl) a
      where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f') and t.attnum > 0 and not t.attisdropped
        and a.grantee = (select oid from pg_roles where rolname = $1)`,
    [role],
  );
  const out = new Map<string, Actual>();
  const get = (rel: string) => {
    if (!out.has(rel)) out.set(rel, { table: new Set(), columns: new Map() });
    return out.get(rel)!;
  };
  for (const r of tableRows) get(r.relname).table.add(r.privilege_type);
  for (const r of columnRows) {
    const a = get(r.relname);
    if (!a.columns.has(r.privilege_type)) a.columns.set(r.privilege_type, new Set());
    a.columns.get(r.privilege_type)!.add(r.attname);
  }
  return out;
}

/** The decision as the catalog holds it: table-level SELECT/DELETE, column lists for INSERT/UPDATE. */
function describeActual(a: Actual | undefined): Record<string, unknown> {
  if (!a) return {};
  const d: Record<string, unknown> = {};
  for (const p of [...a.table].sort()) d[`table ${p}`] = true;
  for (const [p, cols] of [...a.columns].sort()) {
    // a table-level privilege shows up on every column too: only column-only grants are listed
    if (a.table.has(p)) continue;
    d[`columns ${p}`] = [...cols].sort();
  }
  return d;
}

function describeDecision(x: Decision | undefined): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  if (!x) return d;
  if (x.delete) d["table DELETE"] = true;
  if (x.select === true) d["table SELECT"] = true;
  if (Array.isArray(x.select)) d["columns SELECT"] = [...x.select].sort();
  if (x.insert) d["columns INSERT"] = [...x.insert].sort();
  if (x.update) d["columns UPDATE"] = [...x.update].sort();
  return Object.fromEntries(Object.entries(d).sort(([a], [b]) => a.localeCompare(b)));
}

describe("explicit grants on every table and view in public", () => {
  it("every table and view has a decision in the manifest (and the manifest names nothing that is gone)", async () => {
    const rels = (await sql<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f') order by 1`,
    )).map((r) => r.relname);
    expect(rels.filter((r) => !(r in MANIFEST)), "objects without a grant decision").toEqual([]);
    expect(Object.keys(MANIFEST).filter((r) => !rels.includes(r)), "manifest entries without an object").toEqual([]);
  });

  it("authenticated holds exactly the manifest's privileges: column lists for insert and update, nothing table-wide", async () => {
    const actual = await actualPrivileges("authenticated");
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const rel of Object.keys(MANIFEST)) {
      got[rel] = describeActual(actual.get(rel));
      want[rel] = describeDecision(MANIFEST[rel]);
    }
    for (const rel of actual.keys()) if (!(rel in MANIFEST)) got[rel] = describeActual(actual.get(rel));
    expect(got).toEqual(want);
  });

  it("anon holds no privilege on any table or view, and PUBLIC none either", async () => {
    for (const role of ["anon"]) {
      const actual = await actualPrivileges(role);
      expect(Object.fromEntries([...actual].map(([rel, a]) => [rel, describeActual(a)])), role).toEqual({});
    }
    const pub = await sql(
      `select c.relname, a.privilege_type from pg_class c join pg_namespace n on n.oid = c.relnamespace
        cross join lateral aclexplode(c.relacl) a
        where n.nspname = 'public' and a.grantee = 0`,
    );
    expect(pub).toEqual([]);
  });

  it("service_role reads the staff tables only and writes nothing", async () => {
    const actual = await actualPrivileges("service_role");
    const got = Object.fromEntries([...actual].map(([rel, a]) => [rel, describeActual(a)]));
    const want = Object.fromEntries(Object.entries(SERVICE_ROLE).map(([rel, d]) => [rel, describeDecision(d)]));
    expect(got).toEqual(want);
  });

  it("no sequence in public is usable by anon, authenticated or service_role", async () => {
    const rows = await sql(
      `select c.relname, r.rolname, a.privilege_type from pg_class c join pg_namespace n on n.oid = c.relnamespace
        cross join lateral aclexplode(coalesce(c.relacl, acldefault('s', c.relowner))) a
        join pg_roles r on r.oid = a.grantee
        where n.nspname = 'public' and c.relkind = 'S' and r.rolname in ('anon', 'authenticated', 'service_role')`,
    );
    expect(rows).toEqual([]);
  });
});

describe("functions", () => {
  it("no function in public or private is executable by anon or PUBLIC unless listed as public", async () => {
    const rows = await sql<{ fn: string; grantee: string }>(
      `select p.oid::regprocedure::text as fn, coalesce(r.rolname, 'PUBLIC') as grantee
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
         left join pg_roles r on r.oid = a.grantee
        where n.nspname in ('public', 'private') and a.privilege_type = 'EXECUTE'
          and (a.grantee = 0 or r.rolname = 'anon')
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by 1, 2`,
    );
    expect(rows.filter((r) => !PUBLIC_FUNCTIONS.includes(r.fn))).toEqual([]);
  });

  it("service_role executes no function of ours (its key is for the Auth admin API only)", async () => {
    const rows = await sql(
      `select p.oid::regprocedure::text as fn
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
         join pg_roles r on r.oid = a.grantee
        where n.nspname in ('public', 'private') and a.privilege_type = 'EXECUTE' and r.rolname = 'service_role'`,
    );
    expect(rows).toEqual([]);
  });
});
