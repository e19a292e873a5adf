// The gateway survives one bad client: malformed requests, oversized and slow bodies, huge embeds,
// and hosted's refusal of unfiltered writes (pg-safeupdate); the auth behind it keeps its email
// budget for emails really sent (the fixture's config.toml has no [auth]: GoTrue's defaults, 2 per hour).
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningStack } from "../stack.ts";
import { rawRequest, removeTempDataDirs, startFixtureStack } from "./helpers.ts";

let stack: RunningStack;
let api: string;
let headers: Record<string, string>;
const BODY_LIMIT = 64 * 1024;
const BODY_TIMEOUT = 3000; // long enough for the normal request to be served first on a loaded machine
const RESPONSE_LIMIT = 128 * 1024;

async function rest(path: string, init: RequestInit = {}) {
  return fetch(`${api}/rest/v1${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
}

async function noteCount(): Promise<number> {
  const r = await rest("/notes?select=id", { method: "HEAD", headers: { Prefer: "count=exact" } });
  return Number(r.headers.get("content-range")?.split("/")[1]);
}

beforeAll(async () => {
  stack = await startFixtureStack(0, { bodyLimitBytes: BODY_LIMIT, bodyTimeoutMs: BODY_TIMEOUT, responseLimitBytes: RESPONSE_LIMIT });
  api = stack.apiUrl;
  const key = stack.config.serviceRoleKey;
  headers = { apikey: key, Authorization: `Bearer ${key}`, "Content-Type": "application/json" };
  expect((await rest("/lists", { method: "POST", body: JSON.stringify([{ id: 1, name: "small" }, { id: 2, name: "huge" }]) })).status).toBe(201);
  const notes = (list: number, n: number, size: number) =>
    JSON.stringify(Array.from({ length: n }, (_, i) => ({ list_id: list, body: `${i}`.padEnd(size, "x") })));
  expect((await rest("/notes", { method: "POST", body: notes(1, 3, 10) })).status).toBe(201);
  for (let i = 0; i < 8; i++) expect((await rest("/notes", { method: "POST", body: notes(2, 250, 200) })).status).toBe(201);
}, 60000);

afterAll(async () => {
  await stack?.stop();
  removeTempDataDirs();
});

describe("the gateway", () => {
  it("answers a malformed request line with 400 and keeps serving everyone else", async () => {
    const port = stack.config.apiPort;
    const bad = [
      "GET // HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /rest/v1/%%% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GARBAGE\r\n\r\n",
      "GET /rest/v1/lists HTTP/1.1\r\nHost: [::\r\nBad Header\r\nConnection: close\r\n\r\n",
    ];
    const answers = [];
    for (const raw of bad) answers.push(await rawRequest(port, raw));
    expect(answers[0].status).toBe(400);
    expect(answers[1].status).toBe(400);
    expect(answers[2].status).toBe(400);
    expect(answers[3].status).toBeGreaterThanOrEqual(400); // no apikey: refused, but answered
    expect(answers[3].status).toBeLessThan(500);
    expect(answers[4].status).toBe(400);
    expect(answers[5].status).toBe(400);
    const ok = await rest("/lists?select=id&order=id");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("refuses a body over the limit with 413 and forwards nothing", async () => {
    const before = await noteCount();
    const r = await rest("/notes", { method: "POST", body: JSON.stringify([{ list_id: 1, body: "y".repeat(BODY_LIMIT) }]) });
    expect(r.status).toBe(413);
    expect((await r.json()).code).toBe("request_too_large");
    expect(await noteCount()).toBe(before);
  });

  it("answers slow bodies with 408 while other clients are served before the slow ones are dropped", async () => {
    const port = stack.config.apiPort;
    const slow: { socket: net.Socket; answer: Promise<string>; closedAt: () => number }[] = [];
    for (let i = 0; i < 70; i++) {
      const socket = net.connect(port, "127.0.0.1");
      let text = "";
      let closedAt = 0;
      const answer = new Promise<string>((resolve) => {
        socket.on("data", (d) => (text += d));
        socket.on("close", () => {
          closedAt = performance.now();
          resolve(text);
        });
        socket.on("error", () => undefined);
      });
      socket.write(
        `POST /rest/v1/notes HTTP/1.1\r\nHost: x\r\napikey: ${stack.config.serviceRoleKey}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[`,
      );
      const drip = setInterval(() => socket.writable && socket.write(" "), 500);
      socket.on("close", () => clearInterval(drip));
      slow.push({ socket, answer, closedAt: () => closedAt });
    }
    await new Promise((r) => setTimeout(r, 200));
    const r = await rest("/lists?select=id&order=id");
    expect(r.status).toBe(200);
    const servedAt = performance.now();
    const answers = await Promise.all(slow.map((s) => s.answer));
    for (const a of answers) expect(a).toMatch(/^HTTP\/1\.1 408/);
    // the normal request was answered while every slow client was still connected
    for (const s of slow) expect(s.closedAt()).toBeGreaterThan(servedAt);
  }, 20000);

  it("answers an embed larger than the response cap with a 54000 error instead of streaming it", async () => {
    const r = await rest("/lists?select=id,notes(id,body)&id=eq.2");
    expect(r.status).toBe(413);
    const body = await r.json();
    expect(body.code).toBe("54000");
    expect(body.message).toMatch(/Response larger than/);
    const small = await rest("/lists?select=id,notes(id)&id=eq.1");
    expect(small.status).toBe(200);
    expect((await small.json())[0].notes).toHaveLength(3);
  });

  it("counts only top-level filters as a WHERE: a filter on an embedded resource does not make a write filtered", async () => {
    const before = await noteCount();
    const patch = await rest("/notes?select=id,lists(id)&lists.id=eq.-1", { method: "PATCH", body: JSON.stringify({ body: "wiped" }) });
    expect(patch.status).toBe(400);
    expect(await patch.json()).toMatchObject({ code: "21000", message: "UPDATE requires a WHERE clause" });
    const patch2 = await rest("/notes?select=id,lists!inner(id)&lists.name=eq.none&lists.order=id", { method: "PATCH", body: JSON.stringify({ body: "wiped" }) });
    expect(patch2.status).toBe(400);
    const del = await rest("/notes?select=id,lists(id)&lists.id=eq.-1", { method: "DELETE" });
    expect(del.status).toBe(400);
    expect(await del.json()).toMatchObject({ code: "21000", message: "DELETE requires a WHERE clause" });
    expect(await (await rest("/notes?select=id&body=eq.wiped")).json()).toEqual([]);
    expect(await noteCount()).toBe(before);
    // top-level logic trees are filters
    const or = await rest("/notes?or=(id.eq.1,id.eq.2)", { method: "PATCH", body: JSON.stringify({ body: "first" }), headers: { Prefer: "return=representation" } });
    expect(or.status).toBe(200);
    expect(await or.json()).toHaveLength(2);
    const notOr = await rest("/notes?not.or=(id.gt.1)", { method: "PATCH", body: JSON.stringify({ body: "first" }), headers: { Prefer: "return=representation" } });
    expect(notOr.status).toBe(200);
    expect(await notOr.json()).toHaveLength(1);
  });

  it("refuses PATCH and DELETE without a filter as hosted's safeupdate does, and allows filtered ones", async () => {
    const patch = await rest("/notes", { method: "PATCH", body: JSON.stringify({ body: "wiped" }) });
    expect(patch.status).toBe(400);
    expect(await patch.json()).toMatchObject({ code: "21000", message: "UPDATE requires a WHERE clause" });
    const del = await rest("/notes?select=id", { method: "DELETE" });
    expect(del.status).toBe(400);
    expect(await del.json()).toMatchObject({ code: "21000", message: "DELETE requires a WHERE clause" });
    expect(await noteCount()).toBe(2003);
    const wiped = await rest("/notes?select=id&body=eq.wiped");
    expect(await wiped.json()).toEqual([]);
    const filtered = await rest("/notes?list_id=eq.1&id=lt.2", { method: "PATCH", body: JSON.stringify({ body: "first" }), headers: { Prefer: "return=representation" } });
    expect(filtered.status).toBe(200);
    expect(await filtered.json()).toHaveLength(1);
  });
});

/** A JSON request to the auth from a chosen loopback address (the auth's limits key on it). */
function auth(path: string, body: unknown, from = "127.0.0.1", service = false): Promise<{ status: number; json: Record<string, unknown> }> {
  const key = service ? stack.config.serviceRoleKey : stack.config.anonKey;
  const url = new URL(`/auth/v1${path}`, api);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        localAddress: from,
        agent: false,
        headers: { apikey: key, authorization: `Bearer ${key}`, "content-type": "application/json" },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} }));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

async function mails(to: string): Promise<number> {
  const r = await fetch(`${stack.mailboxUrl}/api/v1/search?query=${encodeURIComponent(`to:${to}`)}`);
  return ((await r.json()) as { messages: unknown[] }).messages.length;
}

/** Waits for a recovery email (sent after the answer); resolves with the number found. */
async function mailsSoon(to: string, expected: number): Promise<number> {
  let n = await mails(to);
  for (let i = 0; n < expected && i < 50; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    n = await mails(to);
  }
  return n;
}

describe("the auth's email budget (email_sent = 2 per hour here)", () => {
  it("recovery requests for unknown addresses spend nothing; once real emails spent it, recovery still answers 200 and sends nothing", async () => {
    const warn = vi.spyOn(console, "warn");
    try {
      for (let i = 0; i < 5; i += 1) {
        expect(await auth("/recover", { email: `nobody-${i}@example.org` }, "127.0.0.21")).toEqual({ status: 200, json: {} });
      }
      expect((await auth("/invite", { email: "invited@example.org" }, "127.0.0.1", true)).status).toBe(200);
      expect(await mails("invited@example.org")).toBe(1);
      for (const email of ["b@example.org", "c@example.org"]) {
        expect((await auth("/admin/users", { email, password: "secret-123", email_confirm: true }, "127.0.0.1", true)).status).toBe(200);
      }
      expect(await auth("/recover", { email: "b@example.org" }, "127.0.0.21")).toEqual({ status: 200, json: {} });
      expect(await mailsSoon("b@example.org", 1)).toBe(1);
      // the budget is spent: the same answer as for any address, no email, and the server log says so
      expect(await auth("/recover", { email: "c@example.org" }, "127.0.0.21")).toEqual({ status: 200, json: {} });
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/email_sent budget .*spent: recovery email to c@example.org not sent/)));
      expect(await mails("c@example.org")).toBe(0);
      expect(await auth("/invite", { email: "later@example.org" }, "127.0.0.1", true)).toMatchObject({ status: 429, json: { code: "over_email_send_rate_limit" } });
    } finally {
      warn.mockRestore();
    }
  });

  it("one client address gets 30 recovery requests per 5 minutes (recover_per_client's default), then 429", async () => {
    for (let i = 0; i < 30; i += 1) {
      expect((await auth("/recover", { email: `many-${i}@example.org` }, "127.0.0.22")).status).toBe(200);
    }
    expect(await auth("/recover", { email: "one-more@example.org" }, "127.0.0.22")).toMatchObject({ status: 429, json: { code: "over_request_rate_limit" } });
    expect((await auth("/recover", { email: "one-more@example.org" }, "127.0.0.23")).status).toBe(200);
  });
});
