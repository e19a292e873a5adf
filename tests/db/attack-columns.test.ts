// The attacker's side, column by column: for every table and view in `public`, every column that the
// grant manifest does not make writable is written through PostgREST by each demo role and by anon —
// on update against a row of our own, on insert as part of a row that is otherwise valid. Each attempt
// must be refused (42501, permission denied) and the database must be unchanged afterwards. A control
// insert of the same row without the forbidden column succeeds, so the column is what was refused.
import { beforeAll, describe, expect, it } from "vitest";
import { MANIFEST } from "./grant-manifest";
import {
  as, newMember, OTHER_TEAM_SAME_STREET, OWN_COMMUNITY, OWN_STREET, OWN_TEAM, pastDay, sql, unique, type Actor,
} from "./helpers";
import { appIn, line } from "./funds-helpers";

const ACTORS: Actor[] = ["org", "street", "leader", "finance", "anon"];
const ORG_USER = "00000000-0000-4000-8000-000000000001";

interface Column {
  name: string;
  dataType: string;
  udt: string;
  /** generated always (identity or computed): PostgreSQL refuses a value with 428C9 before the privilege check */
  generated: boolean;
}

/** The refusal expected for writing this column: no privilege, or a value for a generated-always column. */
function refusals(c: Column): string[] {
  return c.generated ? ["42501", "428C9"] : ["42501"];
}

let columnsOf: Map<string, Column[]>;
let enumLabel: Map<string, string>;

/** A well-typed value an attacker would send: other people's ids, another street, a rewritten path. */
function attackValue(c: Column): unknown {
  if (c.name === "path") return "1";
  switch (c.dataType) {
    case "bigint":
    case "integer":
    case "smallint":
      return 3; // e.g. street 3, id 3
    case "numeric":
      return 99;
    case "uuid":
      return ORG_USER;
    case "date":
      return "2000-01-02";
    case "timestamp with time zone":
      return "2000-01-02T00:00:00Z";
    case "boolean":
      return true;
    case "ARRAY":
      return [];
    case "USER-DEFINED":
      return enumLabel.get(c.udt) ?? "1";
    default:
      return "x";
  }
}

async function snapshot(table: string, match: Record<string, unknown>): Promise<unknown> {
  const keys = Object.keys(match);
  const where = keys.map((k, i) => `${k} = $${i + 1}`).join(" and ");
  const rows = await sql(`select to_jsonb(t) as row from public.${table} t where ${where}`, keys.map((k) => match[k]));
  expect(rows, `${table} fixture row`).toHaveLength(1);
  return rows[0].row;
}

/** One row per table that no other test touches, named by its key. */
const TARGETS: Record<string, () => Promise<Record<string, unknown>>> = {
  org_units: async () => ({ id: (await sql<{ id: string }>("insert into org_units (parent_id, level, name) values ($1, 'team', $2) returning id", [OWN_COMMUNITY, unique("攻击队")]))[0].id }),
  staff_profiles: async () => {
    const [u] = await sql<{ id: string }>(
      `insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data, created_at, updated_at)
       values (gen_random_uuid(), $1, now(), '{}', now(), now()) returning id`, [`${unique("col")}@example.org`]);
    return { user_id: u.id };
  },
  role_grants: async () => ({ id: (await sql<{ id: string }>("insert into role_grants (email, role, org_unit_id) values ($1, 'team_leader', $2) returning id", [`${unique("g")}@example.org`, OWN_TEAM]))[0].id }),
  talent_categories: async () => ({ id: (await sql<{ id: string }>("insert into talent_categories (name) values ($1) returning id", [unique("类")]))[0].id }),
  guidance_groups: async () => ({ id: (await sql<{ id: string }>("insert into guidance_groups (name) values ($1) returning id", [unique("组")]))[0].id }),
  volunteers: async () => ({ id: await newMember(OWN_TEAM) }),
  volunteer_contacts: async () => {
    const v = await newMember(OWN_TEAM);
    await sql("insert into volunteer_contacts (volunteer_id, phone) values ($1, '13900000077')", [v]);
    return { volunteer_id: v };
  },
  team_memberships: async () => {
    const v = await newMember(OWN_TEAM);
    return { id: (await sql<{ id: string }>("select id from team_memberships where volunteer_id = $1", [v]))[0].id };
  },
  projects: async () => ({ id: (await sql<{ id: string }>("insert into projects (name, level, org_unit_id) values ($1, 'street', $2) returning id", [unique("攻击项目"), OWN_STREET]))[0].id }),
  service_activities: async () => ({ id: await activity() }),
  service_records: async () => {
    const v = await newMember(OWN_TEAM);
    const a = await activity();
    return { id: (await sql<{ id: string }>("insert into service_records (activity_id, volunteer_id, team_id, service_date, hours) select id, $2, team_id, service_date, 2 from service_activities where id = $1 returning id", [a, v]))[0].id };
  },
  star_levels: async () => ({ level: 5 }),
  volunteer_service_totals: async () => ({ volunteer_id: await newMember(OWN_TEAM) }),
  star_awards: async () => ({ id: (await sql<{ id: string }>("select id from star_awards where status = 'confirmed' order by id limit 1"))[0].id }),
  points_rules: async () => ({ id: (await sql<{ id: string }>("select id from points_rules order by effective_from limit 1"))[0].id }),
  alliance_partners: async () => ({ id: (await sql<{ id: string }>("insert into alliance_partners (name) values ($1) returning id", [unique("攻击单位")]))[0].id }),
  rewards: async () => ({ id: (await sql<{ id: string }>("insert into rewards (category, name, points_cost, stock) values ('daily_goods', $1, 10, 5) returning id", [unique("攻击礼品")]))[0].id }),
  points_ledger: async () => ({ id: (await sql<{ id: string }>("select id from points_ledger where created_at < '2026-01-01' order by id limit 1"))[0].id }),
  rating_rounds: async () => ({ id: await round() }),
  rating_criteria: async () => ({ id: (await sql<{ id: string }>("insert into rating_criteria (round_id, name, max_score) values ($1, '指标', 10) returning id", [await round()]))[0].id }),
  ratings: async () => ({ id: (await sql<{ id: string }>("select id from ratings where round_id = 1 order by id limit 1"))[0].id }),
  rating_scores: async () => {
    const [r] = await sql<{ rating_id: string; criterion_id: string }>("select rating_id, criterion_id from rating_scores s join ratings r on r.id = s.rating_id where r.round_id = 1 order by 1, 2 limit 1");
    return { rating_id: r.rating_id, criterion_id: r.criterion_id };
  },
  role_models: async () => ({ id: await roleModel() }),
  role_model_awards: async () => ({ id: (await sql<{ id: string }>("insert into role_model_awards (role_model_id, level, title) values ($1, 'district', '测试') returning id", [await roleModel()]))[0].id }),
  service_monthly_totals: async () => {
    const [r] = await sql<{ team_id: string; month: string }>("select team_id, month::text from service_monthly_totals where month = '2025-03-01' order by team_id limit 1");
    return { team_id: r.team_id, month: r.month };
  },
  service_monthly_street_totals: async () => ({ street_id: OWN_STREET, month: "2025-03-01" }),
  // funds and grants (issue 9): fresh rows where a test owns them, seeded rows (by key) where only RPCs write
  fund_settings: async () => ({ id: true }),
  fund_sources: async () => ({ id: (await line(1000)).sourceId }),
  budget_lines: async () => ({ id: (await line(1000)).lineId }),
  fund_year_closes: async () => ({ fiscal_year: 2025 }),
  fund_ledger: async () => ({ id: (await sql<{ id: string }>("select id from fund_ledger order by id limit 1"))[0].id }),
  grant_applications: async () => ({ id: await appIn("draft") }),
  application_budget_items: async () => ({ id: (await sql<{ id: string }>("select id from application_budget_items where application_id = $1", [await appIn("draft")]))[0].id }),
  application_allocations: async () => ({ id: (await sql<{ id: string }>("select id from application_allocations order by id limit 1"))[0].id }),
  application_transitions: async () => ({ id: (await sql<{ id: string }>("select id from application_transitions order by id limit 1"))[0].id }),
  application_approvals: async () => ({ id: (await sql<{ id: string }>("select id from application_approvals order by id limit 1"))[0].id }),
  grant_objections: async () => ({ id: (await sql<{ id: string }>("select id from grant_objections order by id limit 1"))[0].id }),
  grants: async () => ({ id: (await sql<{ id: string }>("select id from grants order by id limit 1"))[0].id }),
  grant_tranches: async () => ({ id: (await sql<{ id: string }>("select id from grant_tranches order by id limit 1"))[0].id }),
  grant_vouchers: async () => ({ id: (await sql<{ id: string }>("select id from grant_vouchers order by id limit 1"))[0].id }),
  grant_changes: async () => ({ id: (await sql<{ id: string }>("select id from grant_changes order by id limit 1"))[0].id }),
  performance_grades: async () => ({ grade: "pass" }),
  grant_evaluations: async () => ({ id: (await sql<{ id: string }>("select id from grant_evaluations order by id limit 1"))[0].id }),

  points_monthly_totals: async () => {
    const [r] = await sql<{ community_id: string; month: string }>("select community_id, month::text from points_monthly_totals where month = '2025-03-01' order by community_id limit 1");
    return { community_id: r.community_id, month: r.month };
  },
};

async function activity(): Promise<string> {
  return (await sql<{ id: string }>("insert into service_activities (team_id, title, service_date) values ($1, '攻击活动', $2) returning id", [OWN_TEAM, pastDay()]))[0].id;
}
async function round(): Promise<string> {
  return (await sql<{ id: string }>("insert into rating_rounds (name, year, org_unit_id) values ($1, 2030, $2) returning id", [unique("攻击轮次"), OWN_STREET]))[0].id;
}
async function roleModel(): Promise<string> {
  return (await sql<{ id: string }>("insert into role_models (name, title, street_id) values ('测试', $1, $2) returning id", [unique("称号"), OWN_STREET]))[0].id;
}

/** A valid new row per insertable table, the actor who may insert it, and how to find it again. */
const INSERTS: Record<string, () => Promise<{ owner: Actor; row: Record<string, unknown>; marker: Record<string, unknown> }>> = {
  org_units: async () => named("street", { parent_id: OWN_COMMUNITY, level: "team" }, "name"),
  role_grants: async () => {
    const email = `${unique("ins")}@example.org`;
    return { owner: "street", row: { email, role: "team_leader", org_unit_id: OTHER_TEAM_SAME_STREET }, marker: { email } };
  },
  talent_categories: async () => named("org", {}, "name"),
  guidance_groups: async () => named("org", {}, "name"),
  volunteers: async () => named("street", { gender: "female", home_community_id: OWN_COMMUNITY }, "name"),
  volunteer_contacts: async () => {
    const [v] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) values ($1, 'male', $2) returning id", [unique("无电话"), OWN_COMMUNITY]);
    return { owner: "street", row: { volunteer_id: v.id, phone: "13900000088" }, marker: { volunteer_id: v.id } };
  },
  team_memberships: async () => {
    const [v] = await sql<{ id: string }>("insert into volunteers (name, gender, home_community_id) values ($1, 'male', $2) returning id", [unique("新成员"), OWN_COMMUNITY]);
    return { owner: "street", row: { team_id: OWN_TEAM, volunteer_id: v.id, role: "member" }, marker: { volunteer_id: v.id } };
  },
  projects: async () => named("street", { level: "street", org_unit_id: OWN_STREET }, "name"),
  service_activities: async () => named("leader", { team_id: OWN_TEAM, service_date: pastDay() }, "title"),
  service_records: async () => {
    const v = await newMember(OWN_TEAM);
    const a = await activity();
    return { owner: "leader", row: { activity_id: Number(a), volunteer_id: v, hours: 1 }, marker: { activity_id: a } };
  },
  points_rules: async () => {
    const day = new Date(Date.UTC(2200, 0, 1) + Math.floor(Math.random() * 36500) * 86400000).toISOString().slice(0, 10);
    return { owner: "org", row: { effective_from: day, points_per_hour: 11, cap_per_activity: 70 }, marker: { effective_from: day } };
  },
  alliance_partners: async () => named("org", {}, "name"),
  rewards: async () => named("org", { category: "daily_goods", points_cost: 10, stock: 1 }, "name"),
  rating_rounds: async () => named("street", { year: 2030, org_unit_id: OWN_STREET }, "name"),
  rating_criteria: async () => named("street", { round_id: Number(await round()), max_score: 10 }, "name"),
  role_models: async () => named("street", { name: "测试", street_id: OWN_STREET }, "title"),
  role_model_awards: async () => named("street", { role_model_id: Number(await roleModel()), level: "district" }, "title"),
  fund_sources: async () => named("finance", { fiscal_year: 2026, kind: "district_special", org_unit_id: 1, appropriated_fen: 100 }, "name"),
  grant_applications: async () => named("leader", { team_id: OWN_TEAM, purpose: "activities", amount_requested_fen: 100,
    period_start: "2026-12-01", period_end: "2026-12-31" }, "title"),
  application_budget_items: async () => named("leader", { application_id: await appIn("draft"), amount_fen: 100 }, "item"),
  performance_grades: async () => {
    const grade = `t${Date.now().toString(36)}`.replace(/[0-9]/g, "x");
    return { owner: "org", row: { grade, label: "测", min_achievement: Math.round(Math.random() * 1000) / 1000 }, marker: { grade } };
  },
};

function named(owner: Actor, row: Record<string, unknown>, column: string) {
  const value = unique("攻");
  return { owner, row: { ...row, [column]: value }, marker: { [column]: value } };
}

async function rowsMatching(table: string, marker: Record<string, unknown>): Promise<number> {
  const keys = Object.keys(marker);
  const rows = await sql(`select 1 from public.${table} where ${keys.map((k, i) => `${k} = $${i + 1}`).join(" and ")}`, keys.map((k) => marker[k]));
  return rows.length;
}

beforeAll(async () => {
  const cols = await sql<{ table_name: string; column_name: string; data_type: string; udt_name: string; generated: boolean }>(
    `select table_name, column_name, data_type, udt_name,
            (identity_generation = 'ALWAYS' or is_generated = 'ALWAYS') as generated
       from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
  columnsOf = new Map();
  for (const c of cols) {
    if (!columnsOf.has(c.table_name)) columnsOf.set(c.table_name, []);
    columnsOf.get(c.table_name)!.push({ name: c.column_name, dataType: c.data_type, udt: c.udt_name, generated: !!c.generated });
  }
  enumLabel = new Map((await sql<{ typname: string; label: string }>(
    "select t.typname, min(e.enumlabel) as label from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname",
  )).map((r) => [r.typname, r.label]));
});

describe("no column outside the manifest is writable by any role", () => {
  for (const [table, decision] of Object.entries(MANIFEST)) {
    const isView = !(table in TARGETS);
    it(`${table}: updating each non-writable column is refused for every role, and the row stays as it was`, async () => {
      const forbidden = columnsOf.get(table)!.filter((c) => !(decision.update ?? []).includes(c.name));
      expect(forbidden.length, "columns to attack").toBeGreaterThan(0);
      if (isView) {
        for (const actor of ACTORS) {
          const sb = await as(actor);
          for (const c of forbidden) {
            // no privilege (42501), or a view PostgreSQL cannot write through at all (55000)
            const { error } = await sb.from(table).update({ [c.name]: attackValue(c) }).not(c.name, "is", null).select();
            expect(["42501", "55000"], `${actor} → ${table}.${c.name}: ${error?.code} ${error?.message}`).toContain(error?.code);
          }
        }
        return;
      }
      const match = await TARGETS[table]();
      const before = await snapshot(table, match);
      await Promise.all(ACTORS.map(async (actor) => {
        const sb = await as(actor);
        for (const c of forbidden) {
          const { error } = await sb.from(table).update({ [c.name]: attackValue(c) }).match(match).select();
          expect(refusals(c), `${actor} → ${table}.${c.name}: ${error?.code} ${error?.message}`).toContain(error?.code);
        }
      }));
      expect(await snapshot(table, match)).toEqual(before);
    });

    if (decision.insert || isView || Object.keys(decision).length === 1) {
      it(`${table}: inserting with a non-writable column is refused for every role; the same row without it is accepted`, async () => {
        const allowed = decision.insert ?? [];
        const forbidden = columnsOf.get(table)!.filter((c) => !allowed.includes(c.name));
        if (!INSERTS[table]) {
          // nothing is insertable: any row, any role
          for (const actor of ACTORS) {
            const { error } = await (await as(actor)).from(table).insert({ [forbidden[0].name]: attackValue(forbidden[0]) });
            expect([...refusals(forbidden[0]), ...(isView ? ["55000"] : [])], `${actor} → ${table}: ${error?.code} ${error?.message}`).toContain(error?.code);
          }
          return;
        }
        const { owner, row, marker } = await INSERTS[table]();
        await Promise.all(ACTORS.map(async (actor) => {
          const sb = await as(actor);
          for (const c of forbidden) {
            const { error } = await sb.from(table).insert({ ...row, [c.name]: attackValue(c) }).select();
            expect(refusals(c), `${actor} → ${table}.${c.name}: ${error?.code} ${error?.message}`).toContain(error?.code);
          }
        }));
        expect(await rowsMatching(table, marker), `${table}: nothing was inserted`).toBe(0);
        const control = await (await as(owner)).from(table).insert(row).select();
        expect(control.error, `${owner} inserts the plain row into ${table}`).toBeNull();
        expect(await rowsMatching(table, marker)).toBe(1);
      });
    }
  }
});
