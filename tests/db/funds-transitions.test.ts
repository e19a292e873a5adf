// The application state machine through the API (issue 9): for every state, every workflow RPC and every demo
// role (and anon), exactly the allowed calls move the application — each to the expected state — and every
// other call is refused and leaves the application and the ledger as they were.
// Fixture: an application of team 1001 (八大湖街道) by leader@, screened by street@, checked by finance@ on a
// district line, decided by org@ (as the seed does it).
import { beforeAll, describe, expect, it } from "vitest";
import { appIn, line, STATES, statusOf, type AppState } from "./funds-helpers";
import { as, sql, type Actor } from "./helpers";

const ACTORS: Actor[] = ["org", "org2", "street", "street2", "leader", "leader2", "leader3", "finance", "finance2", "anon"];
const AMOUNT = 10_000;
let lineId = 0;

type Call = (id: number) => [string, Record<string, unknown>];
const CALLS: Record<string, Call> = {
  submit: (id) => ["submit_application", { p_id: id }],
  screen_pass: (id) => ["screen_application", { p_id: id, p_pass: true }],
  screen_fail: (id) => ["screen_application", { p_id: id, p_pass: false, p_reason: "不符合" }],
  check: (id) => ["check_application", { p_id: id, p_allocations: [{ line_id: lineId, amount_fen: AMOUNT }] }],
  decide_approve: (id) => ["decide_application", { p_id: id, p_approve: true }],
  decide_reject: (id) => ["decide_application", { p_id: id, p_approve: false, p_reason: "不同意" }],
  record_objection: (id) => ["record_objection", { p_application_id: id, p_content: "异议" }],
  approve: (id) => ["approve_application", { p_id: id }],
  reject: (id) => ["reject_application", { p_id: id, p_reason: "驳回" }],
  withdraw: (id) => ["withdraw_application", { p_id: id }],
};

/** state → call → [who may, the state afterwards] */
const ALLOWED: Partial<Record<AppState, Record<string, [Actor[], AppState]>>> = {
  draft: { submit: [["leader"], "submitted"], withdraw: [["leader"], "withdrawn"] },
  submitted: {
    screen_pass: [["street", "org", "org2"], "screened"], screen_fail: [["street", "org", "org2"], "rejected"],
    reject: [["street", "org", "org2"], "rejected"], withdraw: [["leader"], "withdrawn"],
  },
  screened: { check: [["finance"], "checked"], reject: [["finance", "finance2"], "rejected"], withdraw: [["leader"], "withdrawn"] },
  checked: {
    decide_approve: [["org", "org2"], "in_notice"], decide_reject: [["org", "org2"], "rejected"],
    reject: [["org", "org2"], "rejected"], withdraw: [["leader"], "withdrawn"],
  },
  in_notice: {
    record_objection: [["street", "org", "org2", "finance", "finance2"], "in_notice"],
    approve: [["org", "org2"], "approved"], reject: [["org", "org2"], "rejected"], withdraw: [["leader"], "withdrawn"],
  },
};

async function fixture(state: AppState): Promise<number> {
  return appIn(state, { lineId, amountFen: AMOUNT, noticeEnded: true });
}

async function snapshotOf(id: number) {
  const [r] = await sql("select to_jsonb(a) - 'updated_at' as a, (select count(*) from fund_ledger where application_id = $1) as ledger, (select count(*) from application_transitions where application_id = $1) as history, (select count(*) from grants where application_id = $1) as grants, (select count(*) from grant_objections where application_id = $1) as objections from grant_applications a where id = $1", [id]);
  return r;
}

beforeAll(async () => {
  lineId = (await line(100 * AMOUNT)).lineId;
});

describe("every illegal transition is refused for every role", () => {
  for (const state of STATES) {
    it(`${state}: every call outside the allowed ones is refused and changes nothing`, async () => {
      const id = await fixture(state);
      const before = await snapshotOf(id);
      let attempts = 0;
      for (const [name, call] of Object.entries(CALLS)) {
        const allowed = ALLOWED[state]?.[name]?.[0] ?? [];
        for (const actor of ACTORS) {
          if (allowed.includes(actor)) continue;
          const [fn, args] = call(id);
          const { error } = await (await as(actor)).rpc(fn, args);
          attempts += 1;
          expect(error, `${actor} ${name} on ${state} must be refused`).not.toBeNull();
          expect(["42501", "23514", "P0002"], `${actor} ${name} on ${state}: ${error?.code} ${error?.hint} ${error?.message}`).toContain(error?.code);
        }
      }
      expect(attempts).toBeGreaterThan(80);
      expect(await snapshotOf(id)).toEqual(before);
    });
  }
});

describe("every allowed transition works for exactly the roles allowed", () => {
  for (const [state, calls] of Object.entries(ALLOWED)) {
    for (const [name, [actors, after]] of Object.entries(calls!)) {
      it(`${state} → ${name} by ${actors.join(", ")} → ${after}`, async () => {
        for (const actor of actors) {
          const id = await fixture(state as AppState);
          const [fn, args] = CALLS[name](id);
          const { error } = await (await as(actor)).rpc(fn, args);
          expect(error, `${actor} ${name} on ${state}`).toBeNull();
          expect(await statusOf(id)).toBe(after);
          const [h] = await sql<{ n: string }>("select count(*) as n from application_transitions where application_id = $1 and to_status = $2", [id, after]);
          if (after !== state) expect(Number(h.n), "the transition is in the history").toBe(1);
        }
      });
    }
  }
});

describe("through the table API nobody moves an application", () => {
  it("no role can write status or the actors; a leader edits only its own draft", async () => {
    const submitted = await fixture("submitted");
    for (const actor of ACTORS) {
      const { error } = await (await as(actor)).from("grant_applications").update({ status: "approved" }).eq("id", submitted).select();
      expect(error?.code, actor).toBe("42501");
    }
    const leader = await as("leader");
    const { data } = await leader.from("grant_applications").update({ title: "改标题" }).eq("id", submitted).select();
    expect(data).toEqual([]);
    const draft = await fixture("draft");
    const other = await (await as("leader3")).from("grant_applications").update({ title: "他人草稿" }).eq("id", draft).select();
    expect(other.data).toEqual([]);
    const own = await leader.from("grant_applications").update({ title: "自己的草稿" }).eq("id", draft).select();
    expect(own.data?.[0]?.title).toBe("自己的草稿");
  });
});
