// Who reads and writes money (issue 9), through the real API as every demo role, a second leader and anon.
// Expected rows are computed independently of the policies, from the org tree: leaders their own team, street
// admins and a street's finance their street, district finance and both org admins everything; money (sources,
// lines, ledger and their views) only finance of the owning scope and the organisation department.
import { describe, expect, it } from "vitest";
import { appIn, UID } from "./funds-helpers";
import { as, count, sql, unique, type Actor } from "./helpers";

const STAFF: Actor[] = ["org", "org2", "street", "street2", "leader", "leader2", "leader3", "finance", "finance2"];

/** teams an actor reads applications and grants of (null = all) */
const TEAMS: Record<string, string> = {
  org: "select id from org_units where level = 'team'",
  org2: "select id from org_units where level = 'team'",
  finance: "select id from org_units where level = 'team'",
  street: "select id from org_units where level = 'team' and street_id = 2",
  finance2: "select id from org_units where level = 'team' and street_id = 2",
  street2: "select id from org_units where level = 'team' and street_id = 3",
  leader: "select 1001",
  leader2: "select 1006",
  leader3: "select 1002",
};
/** owner units of the sources an actor reads */
const OWNERS: Record<string, string> = {
  org: "select id from org_units", org2: "select id from org_units", finance: "select id from org_units",
  finance2: "select id from org_units where id = 2 or street_id = 2",
  street: "select null::bigint", street2: "select null::bigint", leader: "select null::bigint", leader2: "select null::bigint", leader3: "select null::bigint",
};

const BY_TEAM: Record<string, (teams: string) => string> = {
  grant_applications: (t) => `select 1 from grant_applications where team_id in (${t})`,
  application_budget_items: (t) => `select 1 from application_budget_items i join grant_applications a on a.id = i.application_id where a.team_id in (${t})`,
  application_allocations: (t) => `select 1 from application_allocations i join grant_applications a on a.id = i.application_id where a.team_id in (${t})`,
  application_transitions: (t) => `select 1 from application_transitions i join grant_applications a on a.id = i.application_id where a.team_id in (${t})`,
  application_approvals: (t) => `select 1 from application_approvals i join grant_applications a on a.id = i.application_id where a.team_id in (${t})`,
  grant_objections: (t) => `select 1 from grant_objections i join grant_applications a on a.id = i.application_id where a.team_id in (${t})`,
  grants: (t) => `select 1 from grants where team_id in (${t})`,
  grant_tranches: (t) => `select 1 from grant_tranches i join grants g on g.id = i.grant_id where g.team_id in (${t})`,
  grant_vouchers: (t) => `select 1 from grant_vouchers i join grants g on g.id = i.grant_id where g.team_id in (${t})`,
  grant_changes: (t) => `select 1 from grant_changes i join grants g on g.id = i.grant_id where g.team_id in (${t})`,
  grant_evaluations: (t) => `select 1 from grant_evaluations i join grants g on g.id = i.grant_id where g.team_id in (${t})`,
};
const BY_OWNER: Record<string, (owners: string) => string> = {
  fund_sources: (o) => `select 1 from fund_sources where org_unit_id in (${o})`,
  fund_source_balances: (o) => `select 1 from fund_sources where org_unit_id in (${o})`,
  budget_lines: (o) => `select 1 from budget_lines b join fund_sources s on s.id = b.source_id where s.org_unit_id in (${o})`,
  budget_line_balances: (o) => `select 1 from budget_lines b join fund_sources s on s.id = b.source_id where s.org_unit_id in (${o})`,
  fund_ledger: (o) => `select 1 from fund_ledger b join fund_sources s on s.id = b.source_id where s.org_unit_id in (${o})`,
  fund_ledger_effects: (o) => `select 1 from fund_ledger b join fund_sources s on s.id = b.source_id where s.org_unit_id in (${o})`,
};
const ALL_STAFF = ["fund_settings", "performance_grades", "fund_year_closes"];

async function visible(actor: Actor, table: string): Promise<number> {
  // grant_objections.content is not readable through the table (grant_objection_contents()): count by id
  const { count: n, error } = await (await as(actor)).from(table).select(table === "grant_objections" ? "id" : "*", { count: "exact", head: true });
  if (error) throw new Error(`${actor} ${table}: ${error.code} ${error.message}`);
  return n ?? -1;
}

describe("read matrix: every funds table and view, every role", () => {
  for (const [table, q] of Object.entries(BY_TEAM)) {
    it(`${table}: each role sees exactly its teams' rows`, async () => {
      for (const actor of STAFF) expect(await visible(actor, table), actor).toBe(await count(q(TEAMS[actor])));
      expect(await count(q(TEAMS.leader)), "the leader has rows to see").toBeGreaterThan(0);
      if (!["grant_objections", "grant_changes"].includes(table)) {
        expect(await count(q(TEAMS.leader2)), "the second leader has rows to see").toBeGreaterThan(0);
      }
    });
  }
  for (const [table, q] of Object.entries(BY_OWNER)) {
    it(`${table}: only finance of the owning scope and the organisation department see money`, async () => {
      for (const actor of STAFF) expect(await visible(actor, table), actor).toBe(await count(q(OWNERS[actor])));
      expect(await count(q(OWNERS.finance2)), "the street's finance has its own money").toBeGreaterThan(0);
      expect(await visible("leader", table)).toBe(0);
    });
  }
  for (const table of ALL_STAFF) {
    it(`${table}: every staff role reads it`, async () => {
      const total = await count(`select 1 from ${table}`);
      expect(total).toBeGreaterThan(0);
      for (const actor of STAFF) expect(await visible(actor, table), actor).toBe(total);
    });
  }
  it("anon reads no funds table or view", async () => {
    const anon = await as("anon");
    for (const table of [...Object.keys(BY_TEAM), ...Object.keys(BY_OWNER), ...ALL_STAFF]) {
      expect((await anon.from(table).select("*").limit(1)).error?.code, table).toBe("42501");
    }
  });
  it("the dashboard functions follow the same scope: leaders and street admins get no money, a street's finance its street's", async () => {
    for (const actor of ["leader", "leader2", "street", "street2"] as Actor[]) {
      const sb = await as(actor);
      expect((await sb.rpc("finance_money_by_stream", { p_from_year: 2025, p_to_year: 2026 })).data, actor).toEqual([]);
      expect((await sb.rpc("fund_accounts", { p_year: 2026 })).data, actor).toEqual([]);
      expect((await sb.rpc("finance_disbursements_by_month", { p_from: "2025-01-01", p_to: "2026-12-31" })).data, actor).toEqual([]);
    }
    const mine = (await (await as("finance2")).rpc("fund_accounts", { p_year: 2026 })).data as { source_id: number }[];
    expect(new Set(mine.map((r) => r.source_id))).toEqual(new Set((await sql<{ id: string }>("select id from fund_sources where org_unit_id = 2 and fiscal_year = 2026")).map((r) => Number(r.id))));
    const all = (await (await as("finance")).rpc("fund_accounts", { p_year: 2026 })).data as unknown[];
    expect(all.length).toBe(await count("select 1 from fund_sources where fiscal_year = 2026 union all select 1 from budget_lines where fiscal_year = 2026"));
  });
  it("the timeline's units: the leader of the team learns which unit took each step; another team's leader learns nothing", async () => {
    const [app] = await sql<{ id: string; street: string }>(
      `select a.id, s.name as street from grant_applications a join org_units t on t.id = a.team_id join org_units s on s.id = t.street_id
        where a.team_id = 1001 and a.status = 'approved' order by a.id limit 1`);
    const rows = (await (await as("leader")).rpc("application_actor_units", { p_application_id: Number(app.id) })).data as
      { transition_id: number; role: string; unit_name: string; unit_level: string }[];
    const steps = await sql<{ id: string; from_status: string | null; to_status: string }>(
      "select id, from_status, to_status from application_transitions where application_id = $1 order by id", [app.id]);
    expect(rows.map((r) => r.transition_id)).toEqual(steps.map((t) => Number(t.id)));
    const at = (from: string) => rows.find((r) => r.transition_id === Number(steps.find((t) => t.from_status === from)!.id))!;
    expect([at("submitted").role, at("submitted").unit_name]).toEqual(["street_admin", app.street]);
    expect([at("screened").role, at("screened").unit_level]).toEqual(["finance", "district"]);
    expect(at("checked").role).toBe("org_admin");
    expect((await (await as("leader2")).rpc("application_actor_units", { p_application_id: Number(app.id) })).data).toEqual([]);
  });
});

describe("write matrix", () => {
  it("fund_sources: finance inserts, changes and deletes in its own scope only; nobody else writes", async () => {
    const row = (unit: number) => ({ fiscal_year: 2026, kind: "district_special", name: unique("来源"), org_unit_id: unit, appropriated_fen: 1000 });
    for (const actor of ["org", "org2", "street", "leader", "leader2"] as Actor[]) {
      expect((await (await as(actor)).from("fund_sources").insert(row(1))).error?.code, actor).toBe("42501");
    }
    expect((await (await as("finance2")).from("fund_sources").insert(row(1))).error?.code).toBe("42501");
    const { data: street, error: e1 } = await (await as("finance2")).from("fund_sources").insert(row(2)).select().single();
    expect(e1).toBeNull();
    expect(street!.created_by).toBe(UID.finance2);
    const { data: district } = await (await as("finance")).from("fund_sources").insert(row(1)).select().single();
    // out of scope: 0 rows changed or deleted
    expect((await (await as("finance2")).from("fund_sources").update({ note: "改" }).eq("id", district!.id).select()).data).toEqual([]);
    expect((await (await as("finance2")).from("fund_sources").delete().eq("id", district!.id).select()).data).toEqual([]);
    expect((await (await as("org")).from("fund_sources").delete().eq("id", district!.id).select()).data).toEqual([]);
    expect((await (await as("finance")).from("fund_sources").update({ note: "改" }).eq("id", district!.id).select()).data?.[0]?.note).toBe("改");
    expect((await (await as("finance")).from("fund_sources").delete().eq("id", district!.id).select()).data).toHaveLength(1);
    // a source that money references is not deleted
    expect((await (await as("finance")).from("fund_sources").delete().eq("id", 2).select()).error?.code).toBe("23503");
  });

  it("grant_applications and their items: a leader writes drafts of its own team only; other roles write none", async () => {
    const draft = (team: number) => ({ team_id: team, purpose: "activities", title: unique("草稿"), amount_requested_fen: 1000,
      period_start: "2026-12-01", period_end: "2026-12-31", target_hours: 1 });
    for (const actor of ["org", "street", "finance", "finance2", "leader2"] as Actor[]) {
      expect((await (await as(actor)).from("grant_applications").insert(draft(1001))).error?.code, actor).toBe("42501");
    }
    expect((await (await as("leader")).from("grant_applications").insert(draft(1002))).error?.code).toBe("42501");
    const { data: mine } = await (await as("leader3")).from("grant_applications").insert(draft(1002)).select().single();
    expect(mine!.status).toBe("draft");
    expect((await (await as("leader")).from("application_budget_items").insert({ application_id: mine!.id, item: "x", amount_fen: 1 })).error?.code).toBe("42501");
    expect((await (await as("leader3")).from("application_budget_items").insert({ application_id: mine!.id, item: "x", amount_fen: 1000 })).error).toBeNull();
    expect((await (await as("leader")).from("grant_applications").delete().eq("id", mine!.id).select()).data).toEqual([]);
    expect((await (await as("street")).from("grant_applications").delete().eq("id", mine!.id).select()).data).toEqual([]);
    // a project of another street is refused
    expect((await (await as("leader3")).from("grant_applications").insert({ ...draft(1002), project_id: 9 })).error?.hint).toBe("funds.project_scope");
    const submitted = await appIn("submitted", { team: 1002, creator: UID.leader3 });
    expect((await (await as("leader3")).from("grant_applications").delete().eq("id", submitted).select()).data).toEqual([]);
    expect((await (await as("leader3")).from("grant_applications").delete().eq("id", mine!.id).select()).data).toHaveLength(1);
  });

  it("fund_settings is changed by no one through the API (a migration changes it); performance_grades only by the organisation department", async () => {
    for (const actor of ["org", "finance", "street", "leader"] as Actor[]) {
      expect((await (await as(actor)).from("fund_settings").update({ warn_ratio: 0.5 }).eq("id", true).select()).data ?? [], actor).toEqual([]);
    }
    for (const actor of ["finance", "street", "leader"] as Actor[]) {
      expect((await (await as(actor)).from("performance_grades").insert({ grade: "x_test", label: "测", min_achievement: 0.5 })).error?.code, actor).toBe("42501");
    }
    expect((await (await as("org")).from("performance_grades").insert({ grade: "x_test", label: "测", min_achievement: 0.5 })).error).toBeNull();
    expect((await (await as("org")).from("performance_grades").delete().eq("grade", "x_test").select()).data).toHaveLength(1);
  });

  it("tables written only by the RPCs refuse inserts from every role", async () => {
    const column: Record<string, string> = {
      budget_lines: "name", fund_ledger: "note", application_allocations: "amount_fen", application_transitions: "reason",
      application_approvals: "reason", grant_objections: "content", grants: "agreement_no", grant_tranches: "note",
      grant_vouchers: "description", grant_changes: "reason", grant_evaluations: "grade", fund_year_closes: "note",
    };
    for (const [table, col] of Object.entries(column)) {
      for (const actor of [...STAFF, "anon"] as Actor[]) {
        const { error } = await (await as(actor)).from(table).insert({ [col]: col === "amount_fen" ? 1 : "x" } as never);
        expect(error?.code, `${actor} → ${table}`).toBe("42501");
      }
    }
  });
});
