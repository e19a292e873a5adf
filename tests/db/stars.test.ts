// Star levels from cumulative approved hours (thresholds as data), the upgrade queue and certificates,
// ratings of projects and teams, and the honour roll.
import { describe, expect, it } from "vitest";
import { approvedHours, as, newMember, OTHER_TEAM_SAME_STREET, OUTSIDE_TEAM, OWN_TEAM, sql } from "./helpers";

async function level(volunteerId: string): Promise<number> {
  const [t] = await sql<{ star_level: number }>("select star_level from volunteer_service_totals where volunteer_id = $1", [volunteerId]);
  return t?.star_level ?? 0;
}

async function queued(volunteerId: string): Promise<number[]> {
  const rows = await sql<{ level: number }>("select level from star_awards where volunteer_id = $1 and status = 'queued' order by level", [volunteerId]);
  return rows.map((r) => r.level);
}

/** Whole days of 24 h, then the remainder, as approved records. */
function split(total: number): number[] {
  const out = Array.from({ length: Math.floor(total / 24) }, () => 24);
  const rest = Math.round((total - 24 * out.length) * 100) / 100;
  if (rest > 0) out.push(rest);
  return out;
}

describe("star levels", () => {
  it("follow the national scale at the boundaries", async () => {
    const sb = await as("leader");
    for (const [hours, expected] of [[0, 0], [99.99, 0], [100, 1], [299.99, 1], [300, 2], [600, 3], [999.99, 3], [1000, 4], [1499.99, 4], [1500, 5], [9000, 5]]) {
      const { data } = await sb.rpc("star_level_for", { p_hours: hours });
      expect(data, String(hours)).toBe(expected);
    }
  });

  it("99.99 h is no star; 0.01 h more makes one star and queues the upgrade", async () => {
    const v = await newMember(OWN_TEAM);
    await approvedHours(v, OWN_TEAM, split(99.99));
    expect(await level(v)).toBe(0);
    expect(await queued(v)).toEqual([]);
    await approvedHours(v, OWN_TEAM, [0.01]);
    expect(await level(v)).toBe(1);
    expect(await queued(v)).toEqual([1]);
  });

  it("1499.99 h is four stars; 1500 h is five", async () => {
    const v = await newMember(OWN_TEAM);
    await approvedHours(v, OWN_TEAM, split(1499.99));
    expect(await level(v)).toBe(4);
    await approvedHours(v, OWN_TEAM, [0.01]);
    expect(await level(v)).toBe(5);
  });

  it("the thresholds are data: changing them re-levels everyone", async () => {
    const v = await newMember(OWN_TEAM);
    await approvedHours(v, OWN_TEAM, split(150));
    expect(await level(v)).toBe(1);
    const leader = await as("leader");
    expect((await leader.from("star_levels").update({ min_hours: 140 }).eq("level", 1).select()).data).toEqual([]);
    await sql("update star_levels set min_hours = 200 where level = 1");
    try {
      expect(await level(v)).toBe(0);
    } finally {
      await sql("update star_levels set min_hours = 100 where level = 1");
    }
    expect(await level(v)).toBe(1);
  });

  it("an admin of the scope confirms a queued level and a certificate number is issued; a leader cannot", async () => {
    const v = await newMember(OWN_TEAM);
    await approvedHours(v, OWN_TEAM, split(320));
    const [award] = await sql<{ id: string }>("select id from star_awards where volunteer_id = $1 and level = 2", [v]);
    const id = Number(award.id);
    expect((await (await as("leader")).rpc("confirm_star_award", { p_award_id: id })).error?.code).toBe("42501");
    const { data: certificate, error } = await (await as("street")).rpc("confirm_star_award", { p_award_id: id });
    expect(error).toBeNull();
    expect(certificate).toMatch(/^SN\d{4}-2-\d{5}$/);
    const [row] = await sql<{ status: string; hours_at_certificate: string }>("select status, hours_at_certificate from star_awards where id = $1", [id]);
    expect(row).toEqual({ status: "confirmed", hours_at_certificate: "320.00" });
    expect((await (await as("org")).rpc("confirm_star_award", { p_award_id: id })).error?.hint).toBe("star_awards_confirmed_already");
  });

  it("a level whose hours were reversed away is not confirmed", async () => {
    const v = await newMember(OUTSIDE_TEAM);
    const ids = await approvedHours(v, OUTSIDE_TEAM, split(100));
    const [award] = await sql<{ id: string }>("select id from star_awards where volunteer_id = $1 and level = 1", [v]);
    const org = await as("org");
    expect((await org.rpc("reverse_service_record", { p_record_id: ids[0], p_reason: "重复" })).error).toBeNull();
    expect((await (await as("street")).rpc("confirm_star_award", { p_award_id: Number(award.id) })).error?.code).toBe("42501");
    expect((await org.rpc("confirm_star_award", { p_award_id: Number(award.id) })).error?.hint).toBe("star_awards_hours");
  });
});

describe("ratings of projects and teams (定星、评星、授星)", () => {
  async function openRound(): Promise<{ round: number; criteria: number[] }> {
    const [r] = await sql<{ id: string }>("insert into rating_rounds (name, year, org_unit_id) values ($1, 2026, 1) returning id", [`测试轮次${Date.now()}${Math.random()}`]);
    const crit = await sql<{ id: string }>(
      "insert into rating_criteria (round_id, name, max_score, sort_order) values ($1, '服务成效', 60, 1), ($1, '群众满意度', 40, 2) returning id", [r.id]);
    return { round: Number(r.id), criteria: crit.map((c) => Number(c.id)) };
  }
  const scores = (criteria: number[], a: number, b: number) => ({ [criteria[0]]: a, [criteria[1]]: b });

  it("leader self-assesses own team → street admin reviews → award with a certificate at three stars and above", async () => {
    const { round, criteria } = await openRound();
    const leader = await as("leader");
    const { data: ratingId, error } = await leader.rpc("self_assess_rating", {
      p_round_id: round, p_subject_kind: "team", p_subject_id: OWN_TEAM, p_scores: scores(criteria, 55, 38),
    });
    expect(error).toBeNull();
    expect((await leader.rpc("review_rating", { p_rating_id: ratingId, p_scores: scores(criteria, 50, 35) })).error?.code).toBe("42501");
    const street = await as("street");
    const { data: star } = await street.rpc("review_rating", { p_rating_id: ratingId, p_scores: scores(criteria, 50, 35) });
    expect(star).toBe(4); // 85 of 100 → bands 0/60/70/80/90
    const again = await leader.rpc("self_assess_rating", { p_round_id: round, p_subject_kind: "team", p_subject_id: OWN_TEAM, p_scores: scores(criteria, 60, 40) });
    expect(again.error?.hint).toBe("rating_locked");
    const { data: certificate } = await street.rpc("award_rating", { p_rating_id: ratingId });
    expect(certificate).toMatch(/^PX2026-4-\d{4}$/);
    // the commendation list is public inside the app: even a leader of another street sees it
    const { data: honours } = await (await as("finance")).from("rating_honours").select("subject_name, star_level").eq("id", ratingId);
    expect(honours).toEqual([{ subject_name: expect.stringContaining("宁夏路"), star_level: 4 }]);
  });

  it("scores above a criterion's maximum are refused; a two-star award gets no certificate", async () => {
    const { round, criteria } = await openRound();
    const street = await as("street");
    const bad = await street.rpc("self_assess_rating", { p_round_id: round, p_subject_kind: "team", p_subject_id: OTHER_TEAM_SAME_STREET, p_scores: scores(criteria, 61, 10) });
    expect(bad.error?.hint).toBe("rating_score_range");
    const { data: id } = await street.rpc("self_assess_rating", { p_round_id: round, p_subject_kind: "team", p_subject_id: OTHER_TEAM_SAME_STREET, p_scores: scores(criteria, 40, 25) });
    // the street admin submitted it, so another admin reviews
    expect((await street.rpc("review_rating", { p_rating_id: id, p_scores: scores(criteria, 40, 25) })).error?.hint).toBe("rating_own_review");
    const org = await as("org");
    expect((await org.rpc("review_rating", { p_rating_id: id, p_scores: scores(criteria, 40, 25) })).data).toBe(2);
    expect((await org.rpc("award_rating", { p_rating_id: id })).data).toBeNull();
    const { data } = await (await as("leader")).from("ratings").select("id").eq("id", id);
    expect(data).toEqual([]); // a two-star team of another team is not on the leader's list
  });

  it("nobody assesses subjects outside their scope", async () => {
    const { round, criteria } = await openRound();
    for (const [actor, team] of [["leader", OTHER_TEAM_SAME_STREET], ["street", OUTSIDE_TEAM], ["finance", OWN_TEAM]] as const) {
      const { error } = await (await as(actor)).rpc("self_assess_rating", { p_round_id: round, p_subject_kind: "team", p_subject_id: team, p_scores: scores(criteria, 1, 1) });
      expect(error?.code, actor).toBe("42501");
    }
  });
});

describe("role models (银龄榜样)", () => {
  it("the seeded honour roll has the report's figures: 20 role models, 3 provincial and 8 municipal awards", async () => {
    const sb = await as("leader");
    // the seed's ids stop at 100; other test files add role models of their own meanwhile
    const { count } = await sb.from("role_models").select("*", { count: "exact", head: true }).lte("id", 100);
    expect(count).toBe(20);
    const { data } = await sb.from("role_model_award_counts").select("level, awards").order("level");
    expect(data).toEqual(expect.arrayContaining([{ level: "provincial", awards: 3 }, { level: "municipal", awards: 8 }]));
  });

  it("leaders and finance read the roll but cannot change it; the organisation department can", async () => {
    for (const actor of ["leader", "finance"] as const) {
      const { error } = await (await as(actor)).from("role_models").insert({ name: "测试", title: "测试称号" });
      expect(error?.code, actor).toBe("42501");
    }
    const { error } = await (await as("org")).from("role_models").insert({ name: "测试", title: "测试称号", published: false });
    expect(error).toBeNull();
  });
});
