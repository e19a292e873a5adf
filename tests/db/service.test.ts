// Service records through the API as each role meets them: recording, the 24-hours-a-day rule,
// approval by the scope's admins only (and never of one's own entries), reversal instead of edit.
import { describe, expect, it } from "vitest";
import {
  approvedHours, as, balanceOf, newMember, OTHER_TEAM_SAME_STREET, OUTSIDE_TEAM, OWN_TEAM, pastDay, sql, type Actor,
} from "./helpers";

async function record(actor: Actor, team: number, day: string, hours: number, people: string[]) {
  const sb = await as(actor);
  return sb.rpc("record_service", {
    p_team_id: team, p_service_date: day, p_title: "测试服务", p_hours: hours, p_volunteer_ids: people, p_place: "社区",
  });
}

async function recordsOf(activityId: number): Promise<{ id: number; status: string; volunteer_id: string }[]> {
  const rows = await sql<{ id: string; status: string; volunteer_id: string }>(
    "select id, status, volunteer_id from service_records where activity_id = $1 order by id", [activityId]);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

async function review(actor: Actor, ids: number[], status: "approved" | "rejected") {
  const sb = await as(actor);
  return sb.from("service_records").update({ status }).in("id", ids).select("id, status");
}

async function totals(volunteerId: string) {
  const [t] = await sql<{ approved_hours: string; star_level: number }>(
    "select approved_hours, star_level from volunteer_service_totals where volunteer_id = $1", [volunteerId]);
  return t ? { hours: Number(t.approved_hours), level: t.star_level } : { hours: 0, level: 0 };
}

describe("recording service", () => {
  it("a team leader records one activity for several members at once, all pending", async () => {
    const people = [await newMember(OWN_TEAM), await newMember(OWN_TEAM), await newMember(OWN_TEAM)];
    const { data: activity, error } = await record("leader", OWN_TEAM, pastDay(), 3.5, people);
    expect(error).toBeNull();
    const rows = await recordsOf(activity);
    expect(rows.map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
    expect(new Set(rows.map((r) => r.volunteer_id))).toEqual(new Set(people));
  });

  it("a recorder cannot write a record as already approved", async () => {
    const v = await newMember(OWN_TEAM);
    const sb = await as("leader");
    const [a] = await sql<{ id: string }>("insert into service_activities (team_id, title, service_date) values ($1, 'x', $2) returning id", [OWN_TEAM, pastDay()]);
    // the review columns are not insertable through the API (column grants)…
    const forged = await sb.from("service_records")
      .insert({ activity_id: Number(a.id), volunteer_id: v, team_id: OWN_TEAM, service_date: "2021-01-01", hours: 2, status: "approved", reviewed_at: new Date().toISOString() })
      .select("status").single();
    expect(forged.error?.code).toBe("42501");
    expect(await sql("select 1 from service_records where activity_id = $1", [a.id])).toEqual([]);
    // …and a record sent without them starts pending, its team and day taken from the activity
    const { data, error } = await sb.from("service_records")
      .insert({ activity_id: Number(a.id), volunteer_id: v, team_id: OWN_TEAM, service_date: "2021-01-01", hours: 2 })
      .select("status, team_id, service_date").single();
    expect(error).toBeNull();
    expect(data!.status).toBe("pending");
    const [act] = await sql<{ service_date: string }>("select service_date::text from service_activities where id = $1", [a.id]);
    expect(data!.service_date).toBe(act.service_date);
  });

  it("a leader cannot record for another team, finance and anon not at all", async () => {
    const v = await newMember(OTHER_TEAM_SAME_STREET);
    for (const a of ["leader", "finance", "anon"] as const) {
      const { error } = await record(a, OTHER_TEAM_SAME_STREET, pastDay(), 2, [v]);
      expect(error?.code, a).toBe("42501");
    }
    expect(Number((await sql<{ n: string }>("select count(*) n from service_records where volunteer_id = $1", [v]))[0].n)).toBe(0);
  });

  it("only members on the roster that day, no future days, hours above zero", async () => {
    const stranger = await newMember(OTHER_TEAM_SAME_STREET);
    let r = await record("leader", OWN_TEAM, pastDay(), 2, [stranger]);
    expect(r.error?.hint).toBe("service_records_not_member");
    const member = await newMember(OWN_TEAM);
    r = await record("leader", OWN_TEAM, "2999-01-01", 2, [member]);
    expect(r.error?.hint).toBe("service_records_future");
    r = await record("leader", OWN_TEAM, pastDay(), 0, [member]);
    expect(r.error?.code).toBe("23514");
    r = await record("leader", OWN_TEAM, pastDay(), 2, []);
    expect(r.error?.hint).toBe("service_records_no_members");
  });
});

describe("at most 24 hours a day per person", () => {
  it("refuses hours that would pass 24 on one day, across teams and records, and counts rejected ones out", async () => {
    const v = await newMember(OWN_TEAM);
    await sql("insert into team_memberships (team_id, volunteer_id, joined_on) values ($1, $2, '2020-01-01')", [OTHER_TEAM_SAME_STREET, v]);
    const day = pastDay();
    const first = await record("leader", OWN_TEAM, day, 20, [v]);
    expect(first.error).toBeNull();
    const second = await record("street", OTHER_TEAM_SAME_STREET, day, 4.01, [v]);
    expect(second.error?.hint).toBe("service_records_daily_limit");
    const exact = await record("street", OTHER_TEAM_SAME_STREET, day, 4, [v]);
    expect(exact.error).toBeNull();
    // once the 20 hours are rejected, the day has room again
    const [r20] = await recordsOf(first.data);
    expect((await review("street", [r20.id], "rejected")).data).toHaveLength(1);
    expect((await record("leader", OWN_TEAM, day, 19, [v])).error).toBeNull();
  });

  it("holds when two records for the same day arrive at the same time", async () => {
    const v = await newMember(OWN_TEAM);
    const day = pastDay();
    const results = await Promise.all([record("leader", OWN_TEAM, day, 13, [v]), record("street", OWN_TEAM, day, 13, [v])]);
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    expect(results.find((r) => r.error)?.error?.hint).toBe("service_records_daily_limit");
  });
});

describe("approval", () => {
  it("a team leader cannot approve, not even the team's own records", async () => {
    const v = await newMember(OWN_TEAM);
    const { data: act } = await record("street", OWN_TEAM, pastDay(), 2, [v]);
    const [r] = await recordsOf(act);
    const { data, error } = await review("leader", [r.id], "approved");
    expect(error).toBeNull();
    expect(data).toEqual([]);
    expect((await recordsOf(act))[0].status).toBe("pending");
  });

  it("a street admin approves in the street: hours, star total and points follow", async () => {
    const v = await newMember(OWN_TEAM);
    const { data: act } = await record("leader", OWN_TEAM, pastDay(), 6, [v]);
    const [r] = await recordsOf(act);
    expect(await balanceOf(v)).toBe(0);
    const { data } = await review("street", [r.id], "approved");
    expect(data).toEqual([{ id: r.id, status: "approved" }]);
    expect(await totals(v)).toEqual({ hours: 6, level: 0 });
    expect(await balanceOf(v)).toBe(60); // 10 points an hour
    const [row] = await sql<{ reviewed_by: string }>("select reviewed_by from service_records where id = $1", [r.id]);
    expect(row.reviewed_by).toBe("00000000-0000-4000-8000-000000000002");
  });

  it("points per activity stop at the cap kept in points_rules", async () => {
    const v = await newMember(OWN_TEAM);
    const { data: act } = await record("leader", OWN_TEAM, pastDay(), 12, [v]);
    const [r] = await recordsOf(act);
    await review("org", [r.id], "approved");
    // the rule in force on the record's day (other tests add rules from future dates)
    const [rule] = await sql<{ cap: number }>("select cap_per_activity as cap from points_rules where effective_from <= (select service_date from service_records where id = $1) order by effective_from desc limit 1", [r.id]);
    expect(await balanceOf(v)).toBe(rule.cap);
  });

  it("a street admin cannot approve outside the street; nobody approves their own entry", async () => {
    const outsider = await newMember(OUTSIDE_TEAM);
    const { data: act } = await record("org", OUTSIDE_TEAM, pastDay(), 2, [outsider]);
    const [r] = await recordsOf(act);
    expect((await review("street", [r.id], "approved")).data).toEqual([]);
    const own = await review("org", [r.id], "approved");
    expect(own.error?.code).toBe("42501");
    expect(own.error?.hint).toBe("service_records_own_entry");
    expect((await recordsOf(act))[0].status).toBe("pending");
  });

  it("a reviewed record is final: no second review, no edit, no delete", async () => {
    const v = await newMember(OWN_TEAM);
    const [id] = await approvedHours(v, OWN_TEAM, [3]);
    const sb = await as("street");
    const again = await sb.from("service_records").update({ status: "rejected" }).eq("id", id).select();
    expect(again.error?.hint).toBe("service_records_final");
    const edit = await sb.from("service_records").update({ hours: 5 }).eq("id", id).select();
    expect(edit.error?.code).toBe("42501"); // hours is not an updatable column
    await expect(sql("update service_records set hours = 5 where id = $1", [id])).rejects.toThrow(/final/);
    const del = await sb.from("service_records").delete().eq("id", id).select();
    expect(del.data ?? []).toEqual([]);
    await expect(sql("delete from service_records where id = $1", [id])).rejects.toThrow(/never deleted/);
    expect(await totals(v)).toEqual({ hours: 3, level: 0 });
  });

  it("a pending record entered by mistake is withdrawn by its recorder", async () => {
    const v = await newMember(OWN_TEAM);
    const { data: act } = await record("leader", OWN_TEAM, pastDay(), 2, [v]);
    const [r] = await recordsOf(act);
    const sb = await as("leader");
    const { data } = await sb.from("service_records").delete().eq("id", r.id).select("id");
    expect(data).toEqual([{ id: r.id }]);
  });
});

describe("reversal instead of edit", () => {
  it("an admin corrects an approved record with a reversing record; history adds up", async () => {
    const v = await newMember(OWN_TEAM);
    const [id] = await approvedHours(v, OWN_TEAM, [8]);
    expect(await totals(v)).toEqual({ hours: 8, level: 0 });
    expect(await balanceOf(v)).toBe(80);
    const sb = await as("street");
    const { data: reversalId, error } = await sb.rpc("reverse_service_record", { p_record_id: id, p_reason: "重复登记" });
    expect(error).toBeNull();
    const rows = await sql<{ id: string; hours: string; kind: string; status: string }>(
      "select id, hours, kind, status from service_records where volunteer_id = $1 order by id", [v]);
    expect(rows.map((r) => [Number(r.hours), r.kind, r.status])).toEqual([[8, "service", "approved"], [-8, "reversal", "approved"]]);
    expect(Number(rows[1].id)).toBe(reversalId);
    expect(await totals(v)).toEqual({ hours: 0, level: 0 });
    expect(await balanceOf(v)).toBe(0);
    const twice = await sb.rpc("reverse_service_record", { p_record_id: id, p_reason: "again" });
    expect(twice.error?.code).toBe("23505");
  });

  it("leaders and out-of-scope admins cannot reverse; reversals cannot be inserted directly", async () => {
    const v = await newMember(OUTSIDE_TEAM);
    const [id] = await approvedHours(v, OUTSIDE_TEAM, [2]);
    for (const a of ["leader", "street", "finance"] as const) {
      const { error } = await (await as(a)).rpc("reverse_service_record", { p_record_id: id, p_reason: "x" });
      expect(error?.code, a).toBe("42501");
    }
    const sb = await as("org");
    const [rec] = await sql<{ activity_id: string }>("select activity_id from service_records where id = $1", [id]);
    const direct = await sb.from("service_records").insert({
      activity_id: Number(rec.activity_id), volunteer_id: v, team_id: OUTSIDE_TEAM, service_date: "2021-01-01",
      hours: -2, kind: "reversal", reverses_id: id, status: "approved", reviewed_at: new Date().toISOString(),
    });
    expect(direct.error?.code).toBe("42501");
  });

  it("a reversal whose points were already spent is refused until the redemption is undone", async () => {
    const v = await newMember(OWN_TEAM);
    const [id] = await approvedHours(v, OWN_TEAM, [6]);
    const [reward] = await sql<{ id: string }>("insert into rewards (category, name, points_cost, stock) values ('daily_goods', $1, 50, 5) returning id", [`测试-${Date.now()}`]);
    const leader = await as("leader");
    const { data: entry, error } = await leader.rpc("redeem_reward", { p_volunteer_id: v, p_reward_id: Number(reward.id), p_quantity: 1 });
    expect(error).toBeNull();
    const street = await as("street");
    const refused = await street.rpc("reverse_service_record", { p_record_id: id, p_reason: "登记错误" });
    expect(refused.error?.hint).toBe("points_insufficient");
    expect(await balanceOf(v)).toBe(10);
    expect((await leader.rpc("reverse_redemption", { p_entry_id: entry, p_reason: "误操作" })).error).toBeNull();
    expect((await street.rpc("reverse_service_record", { p_record_id: id, p_reason: "登记错误" })).error).toBeNull();
    expect(await balanceOf(v)).toBe(0);
  });
});
