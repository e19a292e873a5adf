// The district's time zone is named in ONE place in SQL (private.district_day); request-keys.test.ts
// checks column defaults and function bodies. This covers what those do not: views, policies, check
// constraints, index expressions and column defaults of any type — none may name a time zone or use
// the server's own day (current_date, localtimestamp, now()::date).
import { describe, expect, it } from "vitest";
import { sql } from "./helpers";

const FORBIDDEN = "~* 'asia/shanghai|current_date|localtimestamp|now\\(\\)\\)?::date|at time zone'";

describe("the district's time zone in one place in SQL", () => {
  it("no view, policy, constraint, index or default names a time zone or the server's day", async () => {
    const found = await sql<{ kind: string; name: string; text: string }>(`
      select 'view' kind, schemaname || '.' || viewname name, definition text from pg_views
       where schemaname in ('public', 'private') and definition ${FORBIDDEN}
      union all
      select 'policy', schemaname || '.' || tablename || '.' || policyname, coalesce(qual, '') || ' ' || coalesce(with_check, '') from pg_policies
       where schemaname in ('public', 'private') and (coalesce(qual, '') || ' ' || coalesce(with_check, '')) ${FORBIDDEN}
      union all
      select 'constraint', c.conrelid::regclass::text || '.' || c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
        join pg_namespace n on n.oid = c.connamespace
       where n.nspname in ('public', 'private') and pg_get_constraintdef(c.oid) ${FORBIDDEN}
      union all
      select 'index', i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
        join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'private') and pg_get_indexdef(i.indexrelid) ${FORBIDDEN}
      union all
      select 'default', c.relname || '.' || a.attname, pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d
        join pg_class c on c.oid = d.adrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
       where n.nspname in ('public', 'private') and pg_get_expr(d.adbin, d.adrelid) ${FORBIDDEN}`);
    expect(found).toEqual([]);
  });

  it("private.district_day names Asia/Shanghai, and it alone", async () => {
    const rows = await sql<{ fn: string }>(`
      select p.oid::regprocedure::text fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and p.prosrc ilike '%Asia/Shanghai%'`);
    expect(rows.map((r) => r.fn)).toEqual(["private.district_day(timestamp with time zone)"]);
  });
});
