// What the team leader's phone pages rely on, through the real API as the seeded users meet it: the
// 24-hour refusal names who is over and by how much (and the others can then be recorded), the pending
// items of the leader's home, and the passbook read a page at a time, newest first, with its balances.
import { describe, expect, it } from "vitest";
import { approvedHours, as, newMember, OUTSIDE_TEAM, OWN_TEAM, pastDay, sql, unique } from "./helpers";

interface Over { volunteer_id: string; name: string; day_hours: number; over_by: number }

async function record(team: number, day: string, hours: number, people: string[]) {
  const sb = await as("leader");
  return sb.rpc("record_service", { p_team_id: team, p_service_date: day, p_title: "测试服务", p_hours: hours, p_volunteer_ids: people });
}

const nameOf = async (id: string) => (await sql<{ name: string }>("select name from volunteers where id = $1", [id]))[0].name;

describe("the 24-hour refusal", () => {
  it("names every member who would pass 24 hours and by how much, and records nobody", async () => {
    const [a, b, fine] = [await newMember(OWN_TEAM), await newMember(OWN_TEAM), await newMember(OWN_TEAM)];
    const day = pastDay();
    expect((await record(OWN_TEAM, day, 23, [a])).error).toBeNull();
    expect((await record(OWN_TEAM, day, 22.5, [b])).error).toBeNull();

    const refused = await record(OWN_TEAM, day, 2, [a, b, fine]);
    expect(refused.error?.hint).toBe("service_records_daily_limit");
    const over = (JSON.parse(refused.error!.details) as Over[]).map((o) => ({ ...o, day_hours: Number(o.day_hours), over_by: Number(o.over_by) }));
    expect(over).toHaveLength(2);
    expect(over.find((o) => o.volunteer_id === a)).toEqual({ volunteer_id: a, name: await nameOf(a), day_hours: 23, over_by: 1 });
    expect(over.find((o) => o.volunteer_id === b)).toEqual({ volunteer_id: b, name: await nameOf(b), day_hours: 22.5, over_by: 0.5 });
    const [{ n }] = await sql<{ n: string }>("select count(*) as n from service_records where volunteer_id = $1 and service_date = $2", [fine, day]);
    expect(Number(n)).toBe(0);

    // the others are then recorded on their own
    expect((await record(OWN_TEAM, day, 2, [fine])).error).toBeNull();
  });
});

describe("the leader's pending items", () => {
  it("count the team's records awaiting approval, open rounds without a self-assessment and members without a phone", async () => {
    const sb = await as("leader");
    const before = (await sb.rpc("leader_pending", { p_team_id: OWN_TEAM })).data[0];
    const v = await newMember(OWN_TEAM);
    expect((await record(OWN_TEAM, pastDay(), 2, [v])).error).toBeNull();
    const [round] = await sql<{ id: string }>("insert into rating_rounds (name, year, org_unit_id) values ($1, 2026, 1) returning id", [unique("测试轮次")]);
    const { data, error } = await sb.rpc("leader_pending", { p_team_id: OWN_TEAM });
    expect(error).toBeNull();
    expect(data[0]).toEqual({
      ...before,
      pending_records: before.pending_records + 1,
      members_without_phone: before.members_without_phone + 1,
      rounds_to_assess: before.rounds_to_assess + 1,
    });
    await sql("delete from rating_rounds where id = $1", [round.id]);
  });

  it("show another team's figures to its leader only: for a team one does not lead, zeros", async () => {
    const sb = await as("leader");
    const { data } = await sb.rpc("leader_pending", { p_team_id: OUTSIDE_TEAM });
    expect(data[0].pending_records).toBe(0);
    expect(data[0].members_without_phone).toBe(0);
  });
});

describe("the passbook a page at a time", () => {
  it("lists a person's entries newest first with the balance after each, one page at a time", async () => {
    const v = await newMember(OWN_TEAM);
    await approvedHours(v, OWN_TEAM, [1, 2, 3]);
    const sb = await as("leader");
    const page = await sb.from("points_ledger_lines").select("id, points, balance_after", { count: "exact" })
      .eq("volunteer_id", v).order("created_at", { ascending: false }).order("id", { ascending: false }).range(0, 1);
    expect(page.error).toBeNull();
    expect(page.count).toBe(3);
    const all = await sql<{ points: number }>("select points from points_ledger where volunteer_id = $1 order by created_at, id", [v]);
    const total = all.reduce((s, e) => s + Number(e.points), 0);
    expect(page.data!.map((l) => Number(l.balance_after))).toEqual([total, total - Number(all[2].points)]);
  });

  it("shows a leader no lines of people outside the team's reach", async () => {
    const outsider = await newMember(OUTSIDE_TEAM);
    await approvedHours(outsider, OUTSIDE_TEAM, [1]);
    const sb = await as("leader");
    const { data, error } = await sb.from("points_ledger_lines").select("id").eq("volunteer_id", outsider);
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });
});
