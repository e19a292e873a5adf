// 长辈版 is remembered per person in public.user_settings: each signed-in user reads and writes their own
// row only; nobody can read, create or change another person's; anon sees nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { as, sql, USERS } from "./helpers";

async function userId(email: string): Promise<string> {
  const [r] = await sql<{ id: string }>("select id from auth.users where email = $1", [email]);
  return r.id;
}

describe("user_settings (长辈版)", () => {
  let leaderId: string;
  let financeId: string;
  beforeAll(async () => {
    leaderId = await userId(USERS.leader);
    financeId = await userId(USERS.finance);
    await sql("delete from user_settings where user_id = any($1::uuid[])", [[leaderId, financeId]]);
  });

  it("a person saves the large-text switch for themselves and reads it back", async () => {
    const leader = await as("leader");
    const { data: created, error } = await leader.from("user_settings").insert({ large_text: true }).select();
    expect(error).toBeNull();
    expect(created).toEqual([expect.objectContaining({ user_id: leaderId, large_text: true })]);
    const { data: changed } = await leader.from("user_settings").update({ large_text: false }).eq("user_id", leaderId).select();
    expect(changed).toEqual([expect.objectContaining({ large_text: false })]);
    await leader.from("user_settings").update({ large_text: true }).eq("user_id", leaderId);
    const { data: read } = await leader.from("user_settings").select("user_id, large_text");
    expect(read).toEqual([{ user_id: leaderId, large_text: true }]);
  });

  it("another person neither sees nor changes someone's setting", async () => {
    const finance = await as("finance");
    const { data: seen } = await finance.from("user_settings").select("*").eq("user_id", leaderId);
    expect(seen).toEqual([]);
    const { data: changed, error } = await finance.from("user_settings").update({ large_text: false }).eq("user_id", leaderId).select();
    expect(error).toBeNull();
    expect(changed).toEqual([]);
    const [row] = await sql<{ large_text: boolean }>("select large_text from user_settings where user_id = $1", [leaderId]);
    expect(row.large_text).toBe(true);
  });

  it("nobody creates a row in someone else's name or moves their row to another person", async () => {
    const finance = await as("finance");
    const { error: forged } = await finance.from("user_settings").insert({ user_id: leaderId, large_text: false });
    expect(forged?.code).toBe("42501");
    const leader = await as("leader");
    const { error: moved } = await leader.from("user_settings").update({ user_id: financeId }).eq("user_id", leaderId);
    expect(moved?.code).toBe("42501");
  });

  it("anon reads and writes nothing", async () => {
    const anon = await as("anon");
    const { data, error } = await anon.from("user_settings").select("*");
    expect(data ?? []).toEqual([]);
    expect(error?.code).toBe("42501");
    const { error: written } = await anon.from("user_settings").insert({ large_text: true });
    expect(written?.code).toBe("42501");
  });

  it("the setting is one row per person: a second insert is refused, not duplicated", async () => {
    const leader = await as("leader");
    const { error } = await leader.from("user_settings").insert({ large_text: false });
    expect(error?.code).toBe("23505");
    expect(await sql("select 1 from user_settings where user_id = $1", [leaderId])).toHaveLength(1);
  });
});
