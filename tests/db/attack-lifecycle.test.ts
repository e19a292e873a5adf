// The attacker's side, over time: what a round's closing, a revoked grant or a team's street should
// end is tried again through the API afterwards. Each attempt must be refused (or read nothing) and
// leave the database as it was.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { account, signIn } from "./auth-helpers";
import { approvedHours, as, count, DISTRICT, OTHER_STREET, OWN_COMMUNITY, OWN_STREET, OWN_TEAM, pastDay, sql, unique, activeMember } from "./helpers";

describe("a closed rating round is final", () => {
  it("nothing in a closed round is reviewed or awarded: refused with rating_round_closed, no certificate issued", async () => {
    const [round] = await sql<{ id: string }>(
      "insert into rating_rounds (name, year, org_unit_id) values ($1, 2029, $2) returning id", [unique("已结束轮次"), DISTRICT]);
    const crits = await sql<{ id: string; max_score: string }>(
      "insert into rating_criteria (round_id, name, max_score) values ($1, '组织建设', 50), ($1, '服务成效', 50) returning id, max_score", [round.id]);
    const full = Object.fromEntries(crits.map((c) => [c.id, Number(c.max_score)]));
    const org = await as("org");
    const street = await as("street");
    const setClosed = async (closed: boolean) =>
      expect((await org.from("rating_rounds").update({ closed }).eq("id", round.id).select("id")).data).toHaveLength(1);

    const { data: ratingId, error } = await (await as("leader")).rpc("self_assess_rating",
      { p_round_id: Number(round.id), p_subject_kind: "team", p_subject_id: OWN_TEAM, p_scores: full });
    expect(error).toBeNull();
    const state = async () => (await sql<{ status: string; star_level: number | null; certificate_no: string | null }>(
      "select status, star_level, certificate_no from ratings where id = $1", [ratingId]))[0];

    await setClosed(true);
    const review = await street.rpc("review_rating", { p_rating_id: ratingId, p_scores: full });
    expect(review.error?.hint).toBe("rating_round_closed");
    expect(await state()).toEqual({ status: "self_assessed", star_level: null, certificate_no: null });
    // self-assessing again is refused too (it always was)
    expect((await (await as("leader")).rpc("self_assess_rating",
      { p_round_id: Number(round.id), p_subject_kind: "team", p_subject_id: OWN_TEAM, p_scores: full })).error?.hint).toBe("rating_round_closed");

    // reviewed while open, then the round closes: the award is refused
    await setClosed(false);
    expect((await street.rpc("review_rating", { p_rating_id: ratingId, p_scores: full })).data).toBe(5);
    await setClosed(true);
    const award = await street.rpc("award_rating", { p_rating_id: ratingId });
    expect(award.error?.hint).toBe("rating_round_closed");
    expect(award.data).toBeNull();
    expect(await state()).toEqual({ status: "reviewed", star_level: 5, certificate_no: null });
    expect(await count("select 1 from ratings where round_id = $1 and certificate_no is not null", [round.id])).toBe(0);

    // the seed's closed round still holds its awarded ratings (written directly, not through the RPCs)
    expect(await count("select 1 from ratings r join rating_rounds rr on rr.id = r.round_id where rr.closed and r.status = 'awarded'")).toBeGreaterThan(0);
  });
});

describe("closing a round races a self-assessment", () => {
  it("a self-assessment that starts while the close is under way waits for it and is then refused", async () => {
    const [round] = await sql<{ id: string }>(
      "insert into rating_rounds (name, year, org_unit_id) values ($1, 2030, $2) returning id", [unique("正在结束"), DISTRICT]);
    const crits = await sql<{ id: string }>(
      "insert into rating_criteria (round_id, name, max_score) values ($1, '组织建设', 50), ($1, '服务成效', 50) returning id", [round.id]);
    const scores = Object.fromEntries(crits.map((c) => [c.id, 40]));
    const [leader] = await sql<{ id: string }>("select id from auth.users where email = 'leader@demo.local'");
    const closer = new pg.Client(inject("dbUrl"));
    const assessor = new pg.Client(inject("dbUrl"));
    await Promise.all([closer.connect(), assessor.connect()]);
    try {
      await closer.query("begin");
      await closer.query("update rating_rounds set closed = true where id = $1", [round.id]);
      // the leader's call as PostgREST makes it, while the close is not yet committed
      await assessor.query("begin");
      await assessor.query("select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)",
        [JSON.stringify({ sub: leader.id, role: "authenticated" })]);
      let settled = false;
      const call = assessor.query("select public.self_assess_rating($1, 'team', $2, $3::jsonb)", [round.id, OWN_TEAM, JSON.stringify(scores)])
        .then(() => "assessed", (e: { hint?: string }) => e.hint ?? "error")
        .finally(() => { settled = true; });
      await new Promise((r) => setTimeout(r, 500));
      const waited = !settled;
      await closer.query("commit");
      expect(await call).toBe("rating_round_closed");
      expect(waited).toBe(true);
      await assessor.query("rollback");
    } finally {
      await Promise.all([closer.end(), assessor.end()]);
    }
  });
});

describe("a revoked account reads nobody", () => {
  it("a leader whose grants were revoked no longer reads the people it enrolled, via tables, embeds or RPCs", async () => {
    const email = `${unique("exleader")}@example.org`;
    const password = "Leader-pass-2026";
    await account(email, password, true);
    const [team] = await sql<{ id: string }>("insert into org_units (parent_id, level, name) values ($1, 'team', $2) returning id", [OWN_COMMUNITY, unique("撤销队")]);
    await sql("insert into role_grants (email, role, org_unit_id) values ($1, 'team_leader', $2)", [email, team.id]);
    const { sb, error: signInError } = await signIn(email, password);
    expect(signInError).toBeNull();

    // enrolment works: the leader reads the person it just enrolled, and one it entered but has not yet put on a roster
    const { data: enrolled, error } = await sb.rpc("enrol_new_volunteer",
      { p_team_id: Number(team.id), p_volunteer: { name: unique("被登记"), gender: "female", birth_year: 1955, home_community_id: OWN_COMMUNITY }, p_joined_on: "2020-01-01" });
    expect(error).toBeNull();
    const entered = await sb.from("volunteers").insert({ name: unique("未入队"), gender: "male", home_community_id: OWN_COMMUNITY }).select("id").single();
    expect(entered.error).toBeNull();
    const people = [enrolled as string, entered.data!.id as string];
    await approvedHours(people[0], Number(team.id), [3]);
    const readable = async () => {
      const { data, error: e } = await sb.from("volunteers").select("*, volunteer_service_totals(*), points_ledger(*)").in("id", people);
      expect(e).toBeNull();
      return data ?? [];
    };
    expect((await readable()).map((v) => v.id).sort()).toEqual([...people].sort());
    expect((await readable()).find((v) => v.id === people[0])?.points_ledger.length).toBeGreaterThan(0);

    await sql("update role_grants set revoked_at = now() where email = $1", [email]);

    expect(await readable()).toEqual([]);
    for (const table of ["volunteer_service_totals", "points_ledger", "team_memberships"]) {
      const { data } = await sb.from(table).select("volunteer_id").in("volunteer_id", people);
      expect(data, table).toEqual([]);
    }
    const top = await sb.rpc("top_volunteers", { p_limit: 100 });
    expect(top.error).toBeNull();
    expect(top.data).toEqual([]);
    const kpis = await sb.rpc("dashboard_kpis", { p_from: "2020-01-01", p_to: "2030-12-31" });
    expect(kpis.error).toBeNull();
    expect(kpis.data).toEqual([expect.objectContaining({ volunteers: 0, hours_this_year: 0 })]);
  });

  it("a leader who still leads reads a person it entered only until they are on a roster, then as the roster allows", async () => {
    // another leader's person, entered by the demo leader and then put on a team in another street by SQL
    const sb = await as("leader");
    const entered = await sb.from("volunteers").insert({ name: unique("转走"), gender: "male", home_community_id: OWN_COMMUNITY }).select("id").single();
    expect(entered.error).toBeNull();
    const id = entered.data!.id as string;
    expect((await sb.from("volunteers").select("id").eq("id", id)).data).toHaveLength(1);
    const [outside] = await sql<{ id: string; community_id: string }>("select id, community_id from org_units where level = 'team' and street_id = $1 order by id limit 1", [OTHER_STREET]);
    await sql("update volunteers set home_community_id = $2 where id = $1", [id, outside.community_id]);
    await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [outside.id, id]);
    expect((await sb.from("volunteers").select("id").eq("id", id)).data).toEqual([]);
  });
});

describe("an activity's project is one its team may serve", () => {
  async function projects() {
    const rows = await sql<{ id: string; level: string; org_unit_id: string }>("select id, level, org_unit_id from projects order by id");
    return {
      district: Number(rows.find((p) => p.level === "district")!.id),
      ownStreet: Number(rows.find((p) => p.level === "street" && Number(p.org_unit_id) === OWN_STREET)!.id),
      otherStreet: Number(rows.find((p) => p.level === "street" && Number(p.org_unit_id) === OTHER_STREET)!.id),
    };
  }

  it("record_service refuses another street's project; a district project or the team's street's project is accepted", async () => {
    const p = await projects();
    const sb = await as("leader");
    const member = await activeMember(OWN_TEAM);
    const title = unique("跨街项目");
    const bad = await sb.rpc("record_service", { p_team_id: OWN_TEAM, p_service_date: pastDay(), p_title: title, p_hours: 1,
      p_volunteer_ids: [member.volunteer_id], p_project_id: p.otherStreet });
    expect(bad.error?.hint).toBe("service_activities_project_scope");
    expect(await count("select 1 from service_activities where title = $1", [title])).toBe(0);
    for (const project of [p.district, p.ownStreet]) {
      const ok = await sb.rpc("record_service", { p_team_id: OWN_TEAM, p_service_date: pastDay(), p_title: unique("本街项目"), p_hours: 1,
        p_volunteer_ids: [member.volunteer_id], p_project_id: project });
      expect(ok.error).toBeNull();
    }
  });

  it("an activity cannot be moved to another street's project by PATCH, through the API or in SQL", async () => {
    const p = await projects();
    const sb = await as("leader");
    const member = await activeMember(OWN_TEAM);
    const { data: activity, error } = await sb.rpc("record_service", { p_team_id: OWN_TEAM, p_service_date: pastDay(), p_title: unique("改项目"),
      p_hours: 1, p_volunteer_ids: [member.volunteer_id], p_project_id: p.ownStreet });
    expect(error).toBeNull();
    const moved = await sb.from("service_activities").update({ project_id: p.otherStreet }).eq("id", activity).select();
    expect(moved.error?.hint).toBe("service_activities_project_scope");
    await expect(sql("update service_activities set project_id = $2 where id = $1", [activity, p.otherStreet])).rejects.toThrow(/project of its team's street/);
    expect((await sql<{ project_id: string }>("select project_id from service_activities where id = $1", [activity]))[0].project_id).toBe(String(p.ownStreet));
    const district = await sb.from("service_activities").update({ project_id: p.district }).eq("id", activity).select("project_id");
    expect(district.error).toBeNull();
    expect(district.data).toEqual([{ project_id: p.district }]);
  });
});
