// Supabase's Security and Performance Advisors, as tests of the migrated database. The dashboard runs
// the lints of github.com/supabase/splinter; each `it` below checks the condition of one of them with
// our own catalog query, named by splinter's number and name. ERROR-level findings must be none; a
// WARN or INFO finding either gets fixed in a migration or is accepted in ACCEPTED below with its
// reason (README.md, "Database advisors", shows the same list). Nothing here lists our tables: new
// tables, policies, functions and keys are checked as soon as a migration creates them.
//
// Every lint first proves it can fail: inside a transaction that is rolled back it plants an object
// that breaks the rule (a "canary") and expects to find it.
//
// Not checked, and why:
//   0005 unused_index     — needs pg_stat_user_indexes after real traffic, not the catalog.
//   0012 auth_allow_anonymous_sign_ins — an Auth server setting (config.toml / dashboard), not the
//                           database; anonymous sign-ins are off here.
//   0020 table_bloat      — needs pg_stats and dead-tuple figures of a running workload.
// Where our query is stricter than splinter's, the lint's comment says so.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { sql } from "./helpers";

type Level = "ERROR" | "WARN" | "INFO";

interface Finding {
  object: string;
  detail: string;
}

interface Ctx {
  /** 'true' when checking a canary; otherwise the lint's real precondition (pg_graphql installed). */
  graphql: string;
}

interface Lint {
  id: string;
  name: string;
  level: Level;
  /** SQL returning (object text, detail text), one row per finding. */
  query: (ctx: Ctx) => string;
  /** Only run the query when this returns true (objects it reads may not exist on this database). */
  applies?: string;
  /** Statements that create one violating object, named `canary` in the findings. */
  canary: string;
  canaryObject: string;
  /** The canary needs a superuser (foreign data wrappers, the auth schema). */
  canaryNeedsSuperuser?: boolean;
}

/** A finding we keep on purpose. `object` as the lint reports it. */
interface Accepted {
  lint: string;
  object: string;
  reason: string;
}

const SECDEF_RPC =
  "security definer on purpose: it checks the caller's scope itself (private.managed_unit_ids / readable_*), " +
  "raises 42501 outside it, and does what RLS cannot express (row locks, balances, certificate numbers); " +
  "revoked from public and anon";
const SECDEF_STATS =
  "security definer on purpose: a dashboard aggregate over the trigger-kept totals, restricted inside to the " +
  "caller's readable units (private.readable_unit_ids); through the policies a district-wide figure took 8× longer; " +
  "revoked from public and anon";

const SECDEF_FUNDS =
  "security definer on purpose: a funds workflow RPC (issue 9) that checks actor, scope (private.finance_unit_ids / " +
  "managed_unit_ids / led_team_ids / is_org_admin), state and four eyes itself, raises 42501 outside them, and writes " +
  "the append-only ledger and state columns no API role may write, under the documented lock order; revoked from public and anon";
const SECDEF_FUND_FIGURES =
  "security definer on purpose: a finance figure (issue 9) over the ledger that filters the caller's scope itself " +
  "(private.fund_source_scope / team_scope: the scope of the funds RLS policies, written out; funds-figures-scope.test " +
  "compares it with the policies' answer for every role); through the policies an enum condition cannot use its index " +
  "and the 'needs my action' counts took 40× longer at 100,000 ledger entries; revoked from public and anon";
const PUBLIC_NOTICE =
  "公示 on purpose: the one function anon may call; it returns only the published columns (project, team, street, amount, " +
  "purpose, notice dates, how to object) of applications in notice or approved in the last 30 days";

export const ACCEPTED: Accepted[] = [
  { lint: "rls_enabled_no_policy", object: "private.request_keys",
    reason: "not exposed (schema private, nothing granted): only the security-definer request-key helpers read and write it; RLS without a policy refuses any role granted it by mistake" },
  { lint: "authenticated_security_definer_function_executable", object: "public.adjust_reward_stock", reason: SECDEF_RPC },
  { lint: "authenticated_security_definer_function_executable", object: "public.award_rating", reason: SECDEF_RPC },
  { lint: "authenticated_security_definer_function_executable", object: "public.confirm_star_award", reason: SECDEF_RPC },
  { lint: "authenticated_security_definer_function_executable", object: "public.redeem_reward", reason: SECDEF_RPC },
  { lint: "authenticated_security_definer_function_executable", object: "public.reverse_redemption", reason: SECDEF_RPC },
  { lint: "authenticated_security_definer_function_executable", object: "public.reverse_service_record", reason: SECDEF_RPC },
  { lint: "authenticated_security_definer_function_executable", object: "public.review_rating", reason: SECDEF_RPC },
  { lint: "authenticated_security_definer_function_executable", object: "public.self_assess_rating", reason: SECDEF_RPC },
  { lint: "authenticated_security_definer_function_executable", object: "public.dashboard_kpis", reason: SECDEF_STATS },
  { lint: "authenticated_security_definer_function_executable", object: "public.service_hours_between", reason: SECDEF_STATS },
  { lint: "authenticated_security_definer_function_executable", object: "public.service_hours_by_month", reason: SECDEF_STATS },
  { lint: "authenticated_security_definer_function_executable", object: "public.service_hours_by_street", reason: SECDEF_STATS },
  { lint: "authenticated_security_definer_function_executable", object: "public.service_hours_by_team", reason: SECDEF_STATS },
  { lint: "authenticated_security_definer_function_executable", object: "public.star_distribution", reason: SECDEF_STATS },
  { lint: "authenticated_security_definer_function_executable", object: "public.top_volunteers", reason: SECDEF_STATS },
  { lint: "authenticated_security_definer_function_executable", object: "public.add_voucher", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.approve_application", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.approve_tranche", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.cancel_tranche", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.check_application", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.close_fiscal_year", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.close_grant", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.decide_application", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.decide_grant_change", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.evaluate_grant", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.pay_tranche", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.publish_evaluation", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.record_objection", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.record_receipt", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.reject_application", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.request_grant_change", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.request_tranche", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.resolve_objection", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.return_tranche", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.reverse_ledger_entry", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.save_budget_line", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.schedule_tranche", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.screen_application", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.submit_application", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.verify_voucher", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.withdraw_application", reason: SECDEF_FUNDS },
  { lint: "authenticated_security_definer_function_executable", object: "public.grant_notices", reason: PUBLIC_NOTICE },
  ...["finance_by_street", "finance_concentration", "finance_cost_per_hour", "finance_disbursements_by_month",
      "finance_money_by_stream", "finance_tilt_share", "fund_accounts", "funds_action_counts", "funds_action_items", "grant_objection_contents"].map((f) => (
    { lint: "authenticated_security_definer_function_executable", object: `public.${f}`, reason: SECDEF_FUND_FIGURES })),
  { lint: "authenticated_security_definer_function_executable", object: "public.application_actor_units",
    reason: "security definer on purpose: a leader may not read role grants, yet the timeline of its own application names the " +
      "unit each step was taken for (八大湖街道 / 区财政); only readers of the application (its select policy's scope) get rows, " +
      "and only the role and unit name, never who" },
  { lint: "anon_security_definer_function_executable", object: "public.grant_notices", reason: PUBLIC_NOTICE },
];

// Schemas the API serves: supabase/config.toml [api] schemas (PostgREST's db-schemas on hosted and locally).
function exposedSchemas(): string[] {
  const toml = fs.readFileSync(fileURLToPath(new URL("../../supabase/config.toml", import.meta.url)), "utf8");
  const api = toml.split(/^\[api\]\s*$/m)[1]?.split(/^\[/m)[0] ?? "";
  const list = /^\s*schemas\s*=\s*\[([^\]]*)\]/m.exec(api)?.[1] ?? '"public"';
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}
const lit = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ")}]::text[]`;
const EXPOSED = lit(exposedSchemas());
// Schemas the platform (Postgres, Supabase services, extensions) owns; the lints judge our own objects.
const PLATFORM = lit([
  "information_schema", "auth", "storage", "realtime", "extensions", "graphql", "graphql_public", "vault",
  "pgsodium", "pgsodium_masks", "supabase_functions", "supabase_migrations", "net", "cron", "pgbouncer",
  "pgtle", "repack", "pgmq", "pgmq_public", "topology", "tiger", "_analytics", "_realtime", "_supavisor",
]);
/** the namespace alias is one of our schemas (pg_catalog, pg_toast, pg_temp_* start with pg_) */
const ours = (n: string) => `(${n}.nspname::text <> all (${PLATFORM}) and ${n}.nspname !~ '^pg_')`;
const exposed = (n: string) => `(${n}.nspname::text = any (${EXPOSED}))`;
/** not a member of an extension */
const notExtension = (oid: string) => `not exists (select 1 from pg_depend x where x.objid = ${oid} and x.deptype = 'e')`;
/** anon or authenticated may select the relation, or at least one of its columns */
const apiCanSelect = (oid: string) =>
  `(has_any_column_privilege('anon', ${oid}, 'select') or has_any_column_privilege('authenticated', ${oid}, 'select'))`;
const securityInvoker = (c: string) =>
  `coalesce((select o.option_value::boolean from pg_options_to_table(${c}.reloptions) o where o.option_name = 'security_invoker'), false)`;
const qname = (n: string, c: string) => `${n}.nspname || '.' || ${c}.relname`;
/** policies with their table and readable expressions */
const POLICIES = `
  select p.oid, p.polname, p.polcmd, p.polpermissive, p.polroles, t.oid as table_oid, t.relrowsecurity,
         n.nspname || '.' || t.relname as table_name,
         coalesce(pg_get_expr(p.polqual, p.polrelid), '') as using_expr,
         coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as check_expr,
         p.polqual is null as no_using, p.polwithcheck is null as no_check, n.nspname
  from pg_policy p join pg_class t on t.oid = p.polrelid join pg_namespace n on n.oid = t.relnamespace`;

const LINTS: Lint[] = [
  {
    id: "0001",
    name: "unindexed_foreign_keys",
    level: "INFO",
    // A key is covered when some valid index starts with exactly its columns, in order.
    query: () => `
      select ${qname("n", "t")} || '.' || k.conname as object, 'references ' || k.confrelid::regclass::text as detail
      from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace
      where k.contype = 'f' and ${ours("n")} and ${notExtension("t.oid")}
        and not exists (select 1 from pg_index i
                        where i.indrelid = k.conrelid and i.indisvalid
                          and (i.indkey::int2[])[0:cardinality(k.conkey) - 1] = k.conkey)`,
    canary: `create table public.canary_parent (id int primary key);
             create table public.canary (id int primary key, parent_id int constraint canary_fk references public.canary_parent);`,
    canaryObject: "public.canary.canary_fk",
  },
  {
    id: "0002",
    name: "auth_users_exposed",
    level: "ERROR",
    // A view or materialized view of the API that reads auth.users and that anon/authenticated may
    // select, unless it is a security-invoker view over an auth.users guarded by RLS.
    query: () => `
      select ${qname("n", "v")} as object, 'reads auth.users' as detail
      from pg_class v join pg_namespace n on n.oid = v.relnamespace
      where v.relkind in ('v', 'm') and ${exposed("n")} and ${apiCanSelect("v.oid")}
        and exists (select 1 from pg_rewrite r join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                    where r.ev_class = v.oid and d.refobjid = to_regclass('auth.users'))
        and (v.relkind = 'm' or not ${securityInvoker("v")}
             or not (select u.relrowsecurity from pg_class u where u.oid = to_regclass('auth.users')))`,
    canary: `create view public.canary as select id, email from auth.users; grant select on public.canary to authenticated;`,
    canaryObject: "public.canary",
  },
  {
    id: "0003",
    name: "auth_rls_initplan",
    level: "WARN",
    // Stricter than splinter: every call of auth.uid/jwt/role/email() or current_setting() must sit
    // directly in a sub-select, not just one of them.
    query: () => `
      select table_name || '.' || polname as object, 'calls auth.*() or current_setting() per row' as detail
      from (${POLICIES}) p
      where relrowsecurity and ${ours("p")}
        and (using_expr || ' ' || check_expr) ~* '(?<!select )(auth\\.(uid|jwt|role|email)\\(\\)|current_setting\\()'`,
    canary: `create table public.canary (id int primary key, owner uuid);
             alter table public.canary enable row level security;
             create policy canary_bare on public.canary for select to authenticated using (owner = auth.uid());`,
    canaryObject: "public.canary.canary_bare",
  },
  {
    id: "0004",
    name: "no_primary_key",
    level: "INFO",
    query: () => `
      select ${qname("n", "t")} as object, 'no primary key' as detail
      from pg_class t join pg_namespace n on n.oid = t.relnamespace
      where t.relkind in ('r', 'p') and not t.relispartition and ${ours("n")} and ${notExtension("t.oid")}
        and not exists (select 1 from pg_constraint k where k.conrelid = t.oid and k.contype = 'p')`,
    canary: `create table public.canary (id int);`,
    canaryObject: "public.canary",
  },
  {
    id: "0006",
    name: "multiple_permissive_policies",
    level: "WARN",
    // Per role and action, more than one permissive policy. A policy `to public` counts for anon and
    // authenticated; `for all` counts for each of select, insert, update and delete.
    query: () => `
      select table_name || ' ' || role || ' ' || action as object, string_agg(polname, ', ' order by polname) as detail
      from (${POLICIES}) p
      cross join lateral unnest(case when p.polroles = '{0}' then array['anon', 'authenticated']
                                     else array(select r.rolname::text from pg_roles r where r.oid = any (p.polroles) and not r.rolbypassrls) end) as role
      cross join lateral unnest(case p.polcmd when 'r' then array['SELECT'] when 'a' then array['INSERT'] when 'w' then array['UPDATE']
                                              when 'd' then array['DELETE'] else array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] end) as action
      where p.polpermissive and ${ours("p")}
      group by table_name, role, action
      having count(*) > 1`,
    canary: `create table public.canary (id int primary key);
             alter table public.canary enable row level security;
             create policy canary_a on public.canary for select to authenticated using (id > 0);
             create policy canary_b on public.canary for all to authenticated using (id < 0);`,
    canaryObject: "public.canary authenticated SELECT",
  },
  {
    id: "0007",
    name: "policy_exists_rls_disabled",
    level: "ERROR",
    query: () => `
      select distinct table_name as object, 'policies exist, row level security is off' as detail
      from (${POLICIES}) p
      where not relrowsecurity and ${ours("p")}`,
    canary: `create table public.canary (id int primary key);
             create policy canary_p on public.canary for select to authenticated using (true);`,
    canaryObject: "public.canary",
  },
  {
    id: "0008",
    name: "rls_enabled_no_policy",
    level: "INFO",
    query: () => `
      select ${qname("n", "t")} as object, 'row level security on, no policy' as detail
      from pg_class t join pg_namespace n on n.oid = t.relnamespace
      where t.relkind in ('r', 'p') and t.relrowsecurity and ${ours("n")} and ${notExtension("t.oid")}
        and not exists (select 1 from pg_policy p where p.polrelid = t.oid)`,
    canary: `create table public.canary (id int primary key); alter table public.canary enable row level security;`,
    canaryObject: "public.canary",
  },
  {
    id: "0009",
    name: "duplicate_index",
    level: "WARN",
    // Same table, access method, columns or expressions, operator classes, collations, options,
    // predicate and uniqueness.
    query: () => `
      select ${qname("n", "t")} || ': ' || string_agg(c.relname, ', ' order by c.relname) as object, 'identical indexes' as detail
      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
           join pg_namespace n on n.oid = t.relnamespace
      where t.relkind in ('r', 'm', 'p') and ${ours("n")} and ${notExtension("t.oid")}
      group by n.nspname, t.relname, c.relam, i.indkey::text, i.indclass::text, i.indcollation::text, i.indoption::text,
               coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), ''),
               i.indisunique, i.indnullsnotdistinct
      having count(*) > 1`,
    canary: `create table public.canary (id int primary key, v int);
             create index canary_v1 on public.canary (v); create index canary_v2 on public.canary (v);`,
    canaryObject: "public.canary: canary_v1, canary_v2",
  },
  {
    id: "0010",
    name: "security_definer_view",
    level: "ERROR",
    query: () => `
      select ${qname("n", "v")} as object, 'view runs with its owner''s rights' as detail
      from pg_class v join pg_namespace n on n.oid = v.relnamespace
      where v.relkind = 'v' and ${exposed("n")} and ${apiCanSelect("v.oid")} and ${notExtension("v.oid")}
        and not ${securityInvoker("v")}`,
    canary: `create view public.canary as select 1 as one; grant select on public.canary to authenticated;`,
    canaryObject: "public.canary",
  },
  {
    id: "0011",
    name: "function_search_path_mutable",
    level: "WARN",
    query: () => `
      select n.nspname || '.' || f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')' as object,
             'no search_path set' as detail
      from pg_proc f join pg_namespace n on n.oid = f.pronamespace
      where ${ours("n")} and ${notExtension("f.oid")}
        and not exists (select 1 from unnest(f.proconfig) s where s like 'search\\_path=%')`,
    canary: `create function public.canary() returns int language sql as 'select 1';`,
    canaryObject: "public.canary()",
  },
  {
    id: "0013",
    name: "rls_disabled_in_public",
    level: "ERROR",
    // Stricter than splinter: every table of an API schema, granted or not (one grant away from exposure).
    query: () => `
      select ${qname("n", "t")} as object, 'row level security off' as detail
      from pg_class t join pg_namespace n on n.oid = t.relnamespace
      where t.relkind in ('r', 'p') and not t.relrowsecurity and ${exposed("n")} and ${notExtension("t.oid")}`,
    canary: `create table public.canary (id int primary key);`,
    canaryObject: "public.canary",
  },
  {
    id: "0014",
    name: "extension_in_public",
    level: "WARN",
    query: () => `
      select e.extname::text as object, 'installed in public' as detail
      from pg_extension e where e.extnamespace = 'public'::regnamespace and e.extname <> 'plpgsql'`,
    canary: `create extension seg schema public;`,
    canaryObject: "seg",
  },
  {
    id: "0015",
    name: "rls_references_user_metadata",
    level: "ERROR",
    // user_metadata is written by the user. Stricter than splinter: also the functions a policy calls.
    query: () => `
      select table_name || '.' || polname as object, 'reads user_metadata' as detail
      from (${POLICIES}) p
      where ${ours("p")}
        and ((using_expr || check_expr) ~* 'user_meta_?data'
             or exists (select 1 from pg_depend d join pg_proc f on f.oid = d.refobjid
                        where d.classid = 'pg_policy'::regclass and d.objid = p.oid and d.refclassid = 'pg_proc'::regclass
                          and f.prosrc ~* 'user_meta_?data'))`,
    canary: `create table public.canary (id int primary key);
             alter table public.canary enable row level security;
             create policy canary_meta on public.canary for select to authenticated
               using (((select auth.jwt()) -> 'user_metadata' ->> 'role') = 'admin');`,
    canaryObject: "public.canary.canary_meta",
  },
  {
    id: "0016",
    name: "materialized_view_in_api",
    level: "WARN",
    query: () => `
      select ${qname("n", "m")} as object, 'materialized views have no row level security' as detail
      from pg_class m join pg_namespace n on n.oid = m.relnamespace
      where m.relkind = 'm' and ${exposed("n")} and ${apiCanSelect("m.oid")} and ${notExtension("m.oid")}`,
    canary: `create materialized view public.canary as select 1 as one; grant select on public.canary to authenticated;`,
    canaryObject: "public.canary",
  },
  {
    id: "0017",
    name: "foreign_table_in_api",
    level: "WARN",
    query: () => `
      select ${qname("n", "f")} as object, 'foreign tables have no row level security' as detail
      from pg_class f join pg_namespace n on n.oid = f.relnamespace
      where f.relkind = 'f' and ${exposed("n")} and ${apiCanSelect("f.oid")} and ${notExtension("f.oid")}`,
    canary: `create foreign data wrapper canary_fdw; create server canary_srv foreign data wrapper canary_fdw;
             create foreign table public.canary (id int) server canary_srv; grant select on public.canary to authenticated;`,
    canaryObject: "public.canary",
    canaryNeedsSuperuser: true,
  },
  {
    id: "0018",
    name: "unsupported_reg_types",
    level: "WARN",
    // Columns (or arrays) of the reg* types that pg_upgrade cannot carry over.
    query: () => `
      select ${qname("n", "c")} || '.' || a.attname as object, format_type(a.atttypid, a.atttypmod) as detail
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
           join pg_type ty on ty.oid = a.atttypid
      where a.attnum > 0 and not a.attisdropped and ${ours("n")}
        and (case when ty.typelem <> 0 and ty.typlen = -1 then ty.typelem else ty.oid end)
            = any (array['regcollation', 'regconfig', 'regdictionary', 'regnamespace', 'regoper', 'regoperator',
                         'regproc', 'regprocedure']::regtype[])`,
    canary: `create table public.canary (id int primary key, handler regproc);`,
    canaryObject: "public.canary.handler",
  },
  {
    id: "0019",
    name: "insecure_queue_exposed_in_api",
    level: "ERROR",
    // A Supabase Queues (pgmq) table that the API roles can read without row level security.
    query: () => `
      select ${qname("n", "q")} as object, 'queue table readable without row level security' as detail
      from pg_class q join pg_namespace n on n.oid = q.relnamespace
      where n.nspname = 'pgmq' and q.relname like 'q\\_%' and q.relkind in ('r', 'p') and not q.relrowsecurity
        and ${apiCanSelect("q.oid")}`,
    canary: `create schema if not exists pgmq; create table pgmq.q_canary (msg_id bigint primary key);
             grant usage on schema pgmq to anon; grant select on pgmq.q_canary to anon;`,
    canaryObject: "pgmq.q_canary",
  },
  {
    id: "0021",
    name: "fkey_to_auth_unique",
    level: "ERROR",
    // Supabase Auth will drop its non-primary unique constraints; a key onto one blocks Auth upgrades.
    query: () => `
      select ${qname("n", "t")} || '.' || k.conname as object, 'references ' || k.confrelid::regclass::text as detail
      from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace
           join pg_class r on r.oid = k.confrelid join pg_index i on i.indexrelid = k.conindid
      where k.contype = 'f' and r.relnamespace = 'auth'::regnamespace and i.indisunique and not i.indisprimary`,
    canary: `create unique index if not exists canary_users_email on auth.users (email);
             create table public.canary (id int primary key, email varchar(255) constraint canary_fk references auth.users (email));`,
    canaryObject: "public.canary.canary_fk",
    canaryNeedsSuperuser: true,
  },
  {
    id: "0022",
    name: "extension_versions_outdated",
    level: "WARN",
    query: () => `
      select e.name::text as object, e.installed_version || ' installed, ' || e.default_version || ' available' as detail
      from pg_available_extensions e
      where e.installed_version is not null and e.default_version is not null and e.installed_version <> e.default_version`,
    canary: `create schema canary; create extension cube schema canary version '1.4';`,
    canaryObject: "cube",
  },
  {
    id: "0023",
    name: "sensitive_columns_exposed",
    level: "ERROR",
    // An API table without row level security with a column whose name says credentials, identity
    // documents, money or health. Ours adds what matters here: phone numbers and ID card numbers (身份证).
    query: () => `
      select ${qname("n", "t")} || '.' || a.attname as object, 'sensitive column readable without row level security' as detail
      from pg_class t join pg_namespace n on n.oid = t.relnamespace
           join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
      where t.relkind in ('r', 'p') and not t.relrowsecurity and ${exposed("n")} and ${apiCanSelect("t.oid")}
        and lower(replace(a.attname, '-', '_')) ~ '^(.*_)?(password|passwd|pwd|passphrase|secret|secret_key|private_key|api_?key|auth_key|token|jwt|access_token|refresh_token|session_(id|key|secret|token)|otp|recovery_code|backup_code|verification_code|2fa_(secret|code)|ssn|social_security(_number)?|national_id|id_card(_no|_number)?|id_number|passport(_number|_id)?|drivers?_license|tax_id|credit_card|card_number|cvv|cvc|bank_account|account_number|iban|routing_number|medical_record|health_record|insurance_number|phone|mobile|phone_number)$'`,
    canary: `create table public.canary (id int primary key, password text); grant select on public.canary to anon;`,
    canaryObject: "public.canary.password",
  },
  {
    id: "0024",
    name: "rls_policy_always_true",
    level: "WARN",
    // A permissive write policy for public/anon/authenticated whose condition admits every row.
    query: () => `
      select table_name || '.' || polname as object, 'condition is always true' as detail
      from (${POLICIES}) p
      where relrowsecurity and polpermissive and ${ours("p")}
        and (polroles = '{0}' or exists (select 1 from pg_roles r where r.oid = any (polroles) and r.rolname in ('anon', 'authenticated')))
        and ((polcmd in ('w', 'd', '*') and (no_using or regexp_replace(lower(using_expr), '[\\s()]', '', 'g') in ('true', '1=1')))
             or (polcmd in ('a', 'w', '*') and regexp_replace(lower(check_expr), '[\\s()]', '', 'g') in ('true', '1=1'))
             or (polcmd = 'a' and no_check))`,
    canary: `create table public.canary (id int primary key);
             alter table public.canary enable row level security;
             create policy canary_open on public.canary for update to authenticated using (true);`,
    canaryObject: "public.canary.canary_open",
  },
  {
    id: "0025",
    name: "public_bucket_allows_listing",
    level: "WARN",
    // A public bucket's files are served by URL; a broad SELECT policy on storage.objects also lets
    // anyone list them.
    applies: "select to_regclass('storage.buckets') is not null and to_regclass('storage.objects') is not null",
    query: () => `
      select 'bucket ' || b.id as object, string_agg(p.polname, ', ' order by p.polname) as detail
      from storage.buckets b
      join pg_policy p on p.polrelid = 'storage.objects'::regclass and p.polpermissive and p.polcmd in ('r', '*')
           and (p.polroles = '{0}' or exists (select 1 from pg_roles r where r.oid = any (p.polroles) and r.rolname in ('anon', 'authenticated')))
      where b.public
        and (p.polqual is null
             or regexp_replace(lower(pg_get_expr(p.polqual, p.polrelid)), '[\\s()]', '', 'g') in ('true', '1=1')
             or regexp_replace(pg_get_expr(p.polqual, p.polrelid), '[\\s()]|::text', '', 'g') = 'bucket_id=' || quote_literal(b.id))
      group by b.id`,
    canary: `create schema if not exists storage;
             create table if not exists storage.buckets (id text primary key, name text, public boolean default false);
             create table if not exists storage.objects (id uuid primary key, bucket_id text, name text);
             insert into storage.buckets (id, name, public) values ('canary', 'canary', true);
             create policy canary_list on storage.objects for select to anon using (bucket_id = 'canary');`,
    canaryObject: "bucket canary",
  },
  {
    id: "0026",
    name: "pg_graphql_anon_table_exposed",
    level: "WARN",
    // Stricter than splinter: whether or not pg_graphql is installed, anon may select nothing in an
    // API schema (nothing in this product is public before sign-in).
    query: () => `
      select ${qname("n", "c")} as object, 'anon may select it' as detail
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f') and ${exposed("n")} and ${notExtension("c.oid")}
        and has_any_column_privilege('anon', c.oid, 'select')`,
    canary: `create table public.canary (id int primary key); grant select (id) on public.canary to anon;`,
    canaryObject: "public.canary",
  },
  {
    id: "0027",
    name: "pg_graphql_authenticated_table_exposed",
    level: "WARN",
    // Only when pg_graphql is installed, as in splinter: then every relation signed-in users may select
    // is visible in /graphql/v1. We do not install it (the app speaks PostgREST only).
    query: (ctx) => `
      select ${qname("n", "c")} as object, 'authenticated may select it and pg_graphql is installed' as detail
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${ctx.graphql} and c.relkind in ('r', 'v', 'm', 'f') and ${ours("n")} and ${notExtension("c.oid")}
        and has_any_column_privilege('authenticated', c.oid, 'select')`,
    canary: `create table public.canary (id int primary key); grant select on public.canary to authenticated;`,
    canaryObject: "public.canary",
  },
  {
    id: "0028",
    name: "anon_security_definer_function_executable",
    level: "WARN",
    query: () => `
      select n.nspname || '.' || f.proname as object, 'anon may execute it; it runs with its owner''s rights' as detail
      from pg_proc f join pg_namespace n on n.oid = f.pronamespace
      where f.prosecdef and ${exposed("n")} and ${notExtension("f.oid")} and has_function_privilege('anon', f.oid, 'execute')`,
    canary: `create function public.canary() returns int language sql security definer set search_path = '' as 'select 1';
             grant execute on function public.canary() to anon;`,
    canaryObject: "public.canary",
  },
  {
    id: "0029",
    name: "authenticated_security_definer_function_executable",
    level: "WARN",
    query: () => `
      select n.nspname || '.' || f.proname as object, 'authenticated may execute it; it runs with its owner''s rights' as detail
      from pg_proc f join pg_namespace n on n.oid = f.pronamespace
      where f.prosecdef and ${exposed("n")} and ${notExtension("f.oid")} and has_function_privilege('authenticated', f.oid, 'execute')`,
    canary: `create function public.canary() returns int language sql security definer set search_path = '' as 'select 1';
             grant execute on function public.canary() to authenticated;`,
    canaryObject: "public.canary",
  },
];

const REAL: Ctx = { graphql: "exists (select 1 from pg_extension where extname = 'pg_graphql')" };
const CANARY: Ctx = { graphql: "true" };

async function findings(lint: Lint): Promise<Finding[]> {
  if (lint.applies) {
    const [row] = await sql<{ applies: boolean }>(`select (${lint.applies}) as applies`);
    if (!row.applies) return [];
  }
  const rows = await sql<Finding>(`select distinct object, detail from (${lint.query(REAL)}) f order by 1`);
  return rows;
}

/** Plants the canary in a transaction that is rolled back and returns what the lint finds then. */
async function canaryFindings(lint: Lint): Promise<string[] | "needs superuser"> {
  const db = new pg.Client({ connectionString: inject("dbUrl") });
  await db.connect();
  try {
    const { rows: [me] } = await db.query<{ rolsuper: boolean }>("select rolsuper from pg_roles where rolname = current_user");
    if (lint.canaryNeedsSuperuser && !me.rolsuper) return "needs superuser";
    await db.query("begin");
    try {
      await db.query(lint.canary);
    } catch (e) {
      // A non-superuser connection (as on a hosted-like stack) may not create every canary.
      if (!me.rolsuper && (e as { code?: string }).code === "42501") return "needs superuser";
      throw e;
    }
    const { rows } = await db.query<Finding>(`select distinct object from (${lint.query(CANARY)}) f`);
    return rows.map((r) => r.object);
  } finally {
    await db.query("rollback").catch(() => undefined);
    await db.end();
  }
}

describe("Supabase advisors (splinter lints) on the migrated database", () => {
  for (const lint of LINTS) {
    it(`${lint.id} ${lint.name} (${lint.level})`, async () => {
      const caught = await canaryFindings(lint);
      if (caught !== "needs superuser") expect(caught, "the lint finds a planted violation").toContain(lint.canaryObject);

      const found = await findings(lint);
      const accepted = ACCEPTED.filter((a) => a.lint === lint.name);
      const unaccepted = found.filter((f) => !accepted.some((a) => a.object === f.object));
      expect(unaccepted, `${lint.level} findings not fixed and not accepted`).toEqual([]);
      const stale = accepted.filter((a) => !found.some((f) => f.object === a.object)).map((a) => a.object);
      expect(stale, "accepted findings that no longer occur: remove them from ACCEPTED and README").toEqual([]);
    });
  }

  it("only WARN and INFO findings may be accepted, each with a reason, and README.md lists them", () => {
    const levels = new Map(LINTS.map((l) => [l.name, l.level]));
    const readme = fs.readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
    const section = readme.split(/^## Database advisors/m)[1]?.split(/^## /m)[0] ?? "";
    for (const a of ACCEPTED) {
      expect(levels.get(a.lint), `${a.lint} is a lint we check`).toMatch(/^(WARN|INFO)$/);
      expect(a.reason.length).toBeGreaterThan(20);
      expect(section, `README "Database advisors" lists ${a.object}`).toContain(`\`${a.object}\``);
    }
  });
});
