// A refusal from an edge function reaches the person as the same mapped message a database refusal
// would: the function's JSON `{ code, message }` is read from the response supabase-js hands back.
import { FunctionsFetchError, FunctionsHttpError } from "@supabase/supabase-js";
import { describe, expect, it, vi } from "vitest";
import { errorKey } from "../../src/domain/errors";
import { functionError } from "../../src/providers/rpc";

// No client is needed to read a refusal (and supabase-js's realtime wants a WebSocket in Node 20).
vi.mock("../../src/providers/supabase", () => ({ supabaseClient: {}, IS_LOCAL_STACK: true }));

const refusal = (status: number, body: unknown) =>
  new FunctionsHttpError(new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));

describe("edge function refusals", () => {
  it("a grant outside the caller's scope reads as such", async () => {
    const e = await functionError(refusal(403, { code: "grant_not_allowed", message: "you may not grant this role on this unit" }));
    expect(e.status).toBe(403);
    expect(errorKey(e)).toBe("errors.grantNotAllowed");
  });
  it("the database's hint passed on as the code keeps its own message", async () => {
    expect(errorKey(await functionError(refusal(422, { code: "role_grants_role_level", message: "role finance cannot be held over a team" })))).toBe("errors.roleLevel");
  });
  it("a body without JSON still maps by status", async () => {
    const e = await functionError(new FunctionsHttpError(new Response("Too Many Requests", { status: 429 })));
    expect(errorKey(e)).toBe("errors.tooManyAttempts");
  });
  it("an unreachable function is a network failure", async () => {
    expect(errorKey(await functionError(new FunctionsFetchError(new TypeError("Failed to fetch"))))).toBe("errors.network");
  });
});
