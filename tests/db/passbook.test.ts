// The points passbook (积分存折): redemptions through redeem_reward under each role, the append-only
// ledger, undoing by reversal, and the guarantee that balance and stock never go below zero when
// many redemptions arrive at once.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { approvedHours, as, balanceOf, newMember, OUTSIDE_TEAM, OWN_TEAM, sql, unique } from "./helpers";

const LEADER_ID = "00000000-0000-4000-8000-000000000003";

async function newReward(cost: number, stock: number, active = true): Promise<number> {
  const [r] = await sql<{ id: string }>(
    "insert into rewards (category, name, points_cost, stock, active) values ('culture_tourism', $1, $2, $3, $4) returning id",
    [unique("测试礼品"), cost, stock, active],
  );
  return Number(r.id);
}

async function stockOf(rewardId: number): Promise<number> {
  const [r] = await sql<{ stock: number }>("select stock from rewards where id = $1", [rewardId]);
  return r.stock;
}

/** A member of the team whose balance is exactly `points` (records of 5 h earn 50 points each). */
async function memberWith(team: number, points: number): Promise<string> {
  const v = await newMember(team);
  await approvedHours(v, team, Array.from({ length: points / 50 }, () => 5));
  expect(await balanceOf(v)).toBe(points);
  return v;
}

describe("redeem_reward", () => {
  it("a team leader redeems for a member: one ledger entry, balance and stock go down", async () => {
    const v = await memberWith(OWN_TEAM, 300);
    const reward = await newReward(100, 5);
    const sb = await as("leader");
    const { data: entryId, error } = await sb.rpc("redeem_reward", { p_volunteer_id: v, p_reward_id: reward, p_quantity: 2 });
    expect(error).toBeNull();
    expect(await balanceOf(v)).toBe(100);
    expect(await stockOf(reward)).toBe(3);
    const [e] = await sql<{ entry_type: string; points: number; quantity: number }>("select entry_type, points, quantity from points_ledger where id = $1", [entryId]);
    expect(e).toEqual({ entry_type: "redeem", points: -200, quantity: 2 });
    const { data: bal } = await sb.from("points_balances").select("balance, earned, redeemed").eq("volunteer_id", v).single();
    expect(bal).toEqual({ balance: 100, earned: 300, redeemed: 200 });
  });

  it("fails with a clear code and changes nothing: not enough points, out of stock, withdrawn reward, bad quantity", async () => {
    const v = await memberWith(OWN_TEAM, 100);
    const sb = await as("leader");
    const cases: [number, number, string][] = [
      [await newReward(150, 5), 1, "points_insufficient"],
      [await newReward(10, 0), 1, "reward_out_of_stock"],
      [await newReward(10, 5, false), 1, "reward_inactive"],
      [await newReward(10, 5), 0, "redeem_quantity"],
    ];
    for (const [reward, quantity, hint] of cases) {
      const stock = await stockOf(reward);
      const { error } = await sb.rpc("redeem_reward", { p_volunteer_id: v, p_reward_id: reward, p_quantity: quantity });
      expect(error?.hint).toBe(hint);
      expect(await stockOf(reward)).toBe(stock);
    }
    expect(await balanceOf(v)).toBe(100);
  });

  it("nobody redeems for people outside their scope; finance and anon not at all", async () => {
    const outsider = await memberWith(OUTSIDE_TEAM, 100);
    const own = await memberWith(OWN_TEAM, 100);
    const reward = await newReward(10, 10);
    for (const [actor, person] of [["leader", outsider], ["street", outsider], ["finance", own], ["anon", own]] as const) {
      const { error } = await (await as(actor)).rpc("redeem_reward", { p_volunteer_id: person, p_reward_id: reward, p_quantity: 1 });
      expect(error?.code, actor).toBe("42501");
    }
    expect(await balanceOf(outsider)).toBe(100);
    expect(await stockOf(reward)).toBe(10);
  });

  it("the ledger cannot be written, changed or deleted through the API", async () => {
    const v = await memberWith(OWN_TEAM, 50);
    for (const actor of ["leader", "org"] as const) {
      const sb = await as(actor);
      const ins = await sb.from("points_ledger").insert({ volunteer_id: v, entry_type: "redeem_reversal", points: 1000, reward_id: 1, quantity: 1, reverses_entry_id: 1 });
      expect(ins.error?.code, actor).toBe("42501");
      const upd = await sb.from("points_ledger").update({ points: 999 }).eq("volunteer_id", v).select();
      expect(upd.data ?? []).toEqual([]);
      const del = await sb.from("points_ledger").delete().eq("volunteer_id", v).select();
      expect(del.data ?? []).toEqual([]);
    }
    await expect(sql("update points_ledger set points = 999 where volunteer_id = $1", [v])).rejects.toThrow(/append-only/);
    expect(await balanceOf(v)).toBe(50);
  });

  it("stock moves only relative to what is there: nobody writes the column, the organisation department restocks by RPC", async () => {
    const reward = await newReward(10, 10);
    const leader = await as("leader");
    expect((await leader.from("rewards").update({ stock: 999 }).eq("id", reward).select()).error?.code).toBe("42501");
    expect((await leader.rpc("adjust_reward_stock", { p_reward_id: reward, p_delta: 5 })).error?.code).toBe("42501");
    const org = await as("org");
    expect((await org.from("rewards").update({ stock: 12 }).eq("id", reward).select("stock")).error?.code).toBe("42501");
    expect((await org.rpc("adjust_reward_stock", { p_reward_id: reward, p_delta: 2 })).data).toBe(12);
    expect((await org.rpc("adjust_reward_stock", { p_reward_id: reward, p_delta: -13 })).error?.hint).toBe("reward_out_of_stock");
    expect((await org.from("rewards").update({ name: "改名礼品" }).eq("id", reward).select("name, stock")).data).toEqual([{ name: "改名礼品", stock: 12 }]);
  });
});

describe("undoing a redemption", () => {
  it("a reversing entry gives the points and the stock back; the original entry stays; only once", async () => {
    const v = await memberWith(OWN_TEAM, 100);
    const reward = await newReward(60, 3);
    const sb = await as("leader");
    const { data: entryId } = await sb.rpc("redeem_reward", { p_volunteer_id: v, p_reward_id: reward, p_quantity: 1 });
    expect(await balanceOf(v)).toBe(40);
    const { error } = await sb.rpc("reverse_redemption", { p_entry_id: entryId, p_reason: "兑换错了" });
    expect(error).toBeNull();
    expect(await balanceOf(v)).toBe(100);
    expect(await stockOf(reward)).toBe(3);
    const entries = await sql<{ entry_type: string; points: number }>("select entry_type, points from points_ledger where volunteer_id = $1 and reward_id is not null order by id", [v]);
    expect(entries).toEqual([{ entry_type: "redeem", points: -60 }, { entry_type: "redeem_reversal", points: 60 }]);
    const twice = await sb.rpc("reverse_redemption", { p_entry_id: entryId, p_reason: "again" });
    expect(twice.error?.code).toBe("23505");
  });
});

describe("concurrent redemptions", () => {
  it("50 redemptions fired at once for a balance that covers exactly 10 end with exactly 10 successes", async () => {
    const v = await memberWith(OWN_TEAM, 500);
    // five different rewards, so that nothing but the person's own lock stands between the calls
    const rewards: number[] = [];
    for (let i = 0; i < 5; i++) rewards.push(await newReward(50, 200));
    const sb = await as("leader");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => sb.rpc("redeem_reward", { p_volunteer_id: v, p_reward_id: rewards[i % 5], p_quantity: 1 })),
    );
    const ok = results.filter((r) => r.error === null);
    expect(ok).toHaveLength(10);
    expect(new Set(results.filter((r) => r.error).map((r) => r.error!.hint))).toEqual(new Set(["points_insufficient"]));
    expect(await balanceOf(v)).toBe(0);
    let stock = 0;
    for (const r of rewards) stock += await stockOf(r);
    expect(stock).toBe(5 * 200 - 10);
  });

  it("holds with 50 database sessions at once, each as PostgREST runs a call (role and JWT claims set locally)", async () => {
    // Through HTTP the calls reach the database a little spread out; sessions opened in advance
    // overlap fully, which is where a missing lock shows at once.
    const v = await memberWith(OWN_TEAM, 500);
    const rewards: number[] = [];
    for (let i = 0; i < 5; i++) rewards.push(await newReward(50, 200));
    const claims = JSON.stringify({ sub: LEADER_ID, role: "authenticated" });
    const sessions = await Promise.all(Array.from({ length: 50 }, async () => {
      const c = new pg.Client(inject("dbUrl"));
      await c.connect();
      return c;
    }));
    try {
      const results = await Promise.allSettled(sessions.map(async (c, i) => {
        await c.query("begin");
        await c.query("select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)", [claims]);
        try {
          await c.query("select public.redeem_reward($1, $2, 1)", [v, rewards[i % 5]]);
          await c.query("commit");
        } catch (e) {
          await c.query("rollback");
          throw e;
        }
      }));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    } finally {
      await Promise.all(sessions.map((c) => c.end()));
    }
    expect(await balanceOf(v)).toBe(0);
  });

  it("when stock is the limit, concurrent redemptions by different people take exactly the stock", async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => memberWith(OWN_TEAM, 100)));
    const reward = await newReward(50, 4);
    const sb = await as("leader");
    const results = await Promise.all(people.flatMap((v) => [1, 2].map(() =>
      sb.rpc("redeem_reward", { p_volunteer_id: v, p_reward_id: reward, p_quantity: 1 }))));
    expect(results.filter((r) => r.error === null)).toHaveLength(4);
    expect(await stockOf(reward)).toBe(0);
    const [n] = await sql<{ n: string }>("select count(*) n from points_ledger where reward_id = $1", [reward]);
    expect(Number(n.n)).toBe(4);
    for (const v of people) expect(await balanceOf(v)).toBeGreaterThanOrEqual(0);
  });
});
