// What Kong does in a Supabase project: one origin for /rest/v1 (PostgREST), /auth/v1 (auth) and
// whatever else a route adds, with the apikey check. It survives one bad client: a malformed request
// is a 400 for that client only; a body is read whole, within a size and a time limit, before any
// upstream connection is taken; a response larger than the cap becomes an error instead of gigabytes.
// Normal responses stream through untouched when PostgREST states their length.
import http from "node:http";
import type { Auth } from "./auth.ts";
import { answerBodyError, BodyError, readBody, type BodyLimits } from "./body.ts";
import type { StackConfig } from "./config.ts";
import type { FunctionsRuntime } from "./functions.ts";
import type { StorageServer } from "./storage.ts";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD",
  "Access-Control-Allow-Headers":
    "authorization, x-client-info, apikey, content-type, accept, accept-profile, content-profile, prefer, range, x-supabase-api-version, x-retry-count, x-upsert, x-metadata, cache-control",
  "Access-Control-Expose-Headers":
    "Content-Range, Content-Location, Range, X-Supabase-Api-Version, Preference-Applied, Content-Disposition, Content-Length, ETag",
  "Access-Control-Max-Age": "86400",
};

export interface RouteContext {
  url: URL;
  /** The path below the route's prefix ("/" at least). */
  subpath: string;
  /** The checked apikey (undefined on routes that do not ask for one). */
  apikey?: string;
  limits: BodyLimits;
}

/** One upstream behind the gateway: requests whose path starts with `prefix` go to `handle`. */
export interface Route {
  prefix: string;
  /** Whether the route needs the anon or service_role key (Kong's key-auth). */
  apikey: boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: RouteContext): void | Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function postgrestError(code: string, message: string, hint: string | null = null) {
  return { code, details: null, hint, message };
}

// PostgREST's query parameters that are not filters (the gateway's own apikey too).
const NOT_FILTERS = new Set(["select", "columns", "order", "limit", "offset", "on_conflict", "apikey"]);
// Top-level logical filters: `or=(…)`, `and=(…)`, `not.or=(…)`, `not.and=(…)`.
const LOGIC = new Set(["or", "and", "not.or", "not.and"]);

/** Whether a query parameter restricts the rows of the request's own table (part of its WHERE).
 *  A dotted name belongs to an embedded resource (`children.id=eq.1`, `children.order=…`): it
 *  filters what is embedded, never which rows an UPDATE or DELETE touches. */
function filtersTopLevel(name: string): boolean {
  if (LOGIC.has(name)) return true;
  return name !== "" && !name.includes(".") && !NOT_FILTERS.has(name);
}

/** Hosted Supabase loads pg-safeupdate for PostgREST's connections: an UPDATE or DELETE without a
 *  WHERE clause fails with 21000. Our PostgreSQL build lacks the library, so the gateway refuses the
 *  same requests, with the same answer, before they reach PostgREST. */
function unfilteredWrite(method: string, subpath: string, params: URLSearchParams): string | undefined {
  if (method !== "PATCH" && method !== "DELETE") return undefined;
  if (subpath.startsWith("/rpc/")) return undefined;
  for (const k of params.keys()) if (filtersTopLevel(k)) return undefined;
  return method === "PATCH" ? "UPDATE requires a WHERE clause" : "DELETE requires a WHERE clause";
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function restRoute(c: StackConfig): Route {
  const cap = c.responseLimitBytes;
  const tooLarge = () =>
    postgrestError(
      "54000",
      `Response larger than ${Math.round(cap / 1048576)} MB (the local gateway's cap)`,
      "Ask for fewer rows: filter, page, or limit embedded resources (e.g. select=*,children(*)&children.limit=100).",
    );
  return {
    prefix: "/rest/v1",
    apikey: true,
    async handle(req, res, { url, subpath, apikey, limits }) {
      const method = req.method ?? "GET";
      const unsafe = unfilteredWrite(method, subpath, url.searchParams);
      if (unsafe) return sendJson(res, 400, postgrestError("21000", unsafe), { Connection: "close" });
      let body: Buffer;
      try {
        body = await readBody(req, limits);
      } catch (e) {
        if (!(e instanceof BodyError)) throw e;
        return answerBodyError(res, e, postgrestError(e.code, e.message));
      }
      const headers = { ...req.headers };
      delete headers.apikey;
      delete headers.host;
      delete headers["transfer-encoding"];
      delete headers.connection;
      if (!headers.authorization) headers.authorization = `Bearer ${apikey}`;
      if (body.length > 0 || headers["content-length"] !== undefined) headers["content-length"] = String(body.length);
      url.searchParams.delete("apikey");
      const search = url.searchParams.toString();
      const upstream = http.request(
        { host: "127.0.0.1", port: c.restPort, method, path: subpath + (search ? `?${search}` : ""), headers, agent },
        (up) => {
          const declared = Number(up.headers["content-length"]);
          if (Number.isFinite(declared) && declared <= cap) {
            res.writeHead(up.statusCode ?? 502, up.headers);
            return void up.pipe(res);
          }
          if (Number.isFinite(declared)) {
            up.destroy();
            return sendJson(res, 413, tooLarge());
          }
          // No declared length: hold the answer until it ends, and give up past the cap.
          const chunks: Buffer[] = [];
          let size = 0;
          up.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > cap) {
              up.destroy();
              chunks.length = 0;
              return sendJson(res, 413, tooLarge());
            }
            chunks.push(chunk);
          });
          up.on("end", () => {
            if (size > cap || res.headersSent) return;
            const out = { ...up.headers, "content-length": String(size) };
            delete out["transfer-encoding"];
            res.writeHead(up.statusCode ?? 502, out);
            res.end(Buffer.concat(chunks, size));
          });
          up.on("error", () => {
            if (!res.headersSent) sendJson(res, 502, postgrestError("PGRST000", "PostgREST closed the connection"));
          });
        },
      );
      upstream.on("error", (e) => {
        if (!res.headersSent) sendJson(res, 502, postgrestError("PGRST000", `PostgREST unavailable: ${e.message}`));
        else res.destroy();
      });
      res.on("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.end(body);
    },
  };
}

export function authRoute(auth: Auth): Route {
  return {
    prefix: "/auth/v1",
    apikey: true,
    handle: (req, res, { url, subpath }) => auth.handle(req, res, subpath, url.searchParams),
  };
}

/** Kong's open auth route in a Supabase project: email links (/auth/v1/verify) carry no apikey.
 *  Listed before authRoute. */
export function verifyRoute(auth: Auth): Route {
  return {
    prefix: "/auth/v1/verify",
    apikey: false,
    handle: (req, res, { url }) => auth.handle(req, res, "/verify", url.searchParams),
  };
}

/** Edge functions, as Kong's functions route: no apikey; the function's verify_jwt checks the caller. */
export function functionsRoute(functions: FunctionsRuntime): Route {
  return {
    prefix: "/functions/v1",
    apikey: false,
    handle: (req, res, { url, subpath }) => {
      const m = /^\/([^/]+)(\/.*)?$/.exec(subpath);
      return functions.handle(req, res, m?.[1] ?? "", (m?.[2] ?? "") + url.search);
    },
  };
}

/** Supabase Storage, as Kong's storage route: no apikey (signed and public URLs are opened by browsers
 *  without one); the storage server checks the caller's JWT and runs its queries as the JWT's role. */
export function storageRoute(storage: StorageServer): Route {
  return {
    prefix: "/storage/v1",
    apikey: false,
    handle: (req, res, { url, subpath }) => storage.handle(req, res, subpath, url),
  };
}

/** Parses the request target; undefined when it is not a usable origin-form or absolute-form URL. */
function parseTarget(raw: string | undefined): URL | undefined {
  if (!raw || (!raw.startsWith("/") && !/^https?:\/\//i.test(raw))) return undefined;
  try {
    const u = new URL(raw, "http://gateway");
    return u.protocol === "http:" || u.protocol === "https:" ? u : undefined;
  } catch {
    return undefined;
  }
}

export function createGateway(c: StackConfig, routes: Route[]): http.Server {
  const keys = new Set([c.anonKey, c.serviceRoleKey]);
  const limits: BodyLimits = { limitBytes: c.bodyLimitBytes, timeoutMs: c.bodyTimeoutMs };
  const server = http.createServer((req, res) => {
    const fail = (e: unknown) => {
      console.error("[gateway]", e);
      if (!res.headersSent) sendJson(res, 500, { message: "gateway error" });
      else res.destroy();
    };
    try {
      for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
      if (req.method === "OPTIONS") {
        res.writeHead(204);
        return void res.end();
      }
      const url = parseTarget(req.url);
      if (!url) return sendJson(res, 400, { message: "Bad request target" }, { Connection: "close" });
      const route = routes.find((r) => url.pathname === r.prefix || url.pathname.startsWith(`${r.prefix}/`));
      if (!route) return sendJson(res, 404, { message: "no route" });
      let apikey: string | undefined;
      if (route.apikey) {
        apikey = (req.headers.apikey as string | undefined) ?? url.searchParams.get("apikey") ?? undefined;
        if (!apikey || !keys.has(apikey)) {
          return sendJson(res, 401, { message: "Invalid API key", hint: "Double check your Supabase `anon` or `service_role` API key." });
        }
      }
      const subpath = url.pathname.slice(route.prefix.length) || "/";
      Promise.resolve(route.handle(req, res, { url, subpath, apikey, limits })).catch(fail);
    } catch (e) {
      fail(e);
    }
  });
  // A request Node cannot parse (garbage line, bad header, oversized headers, header timeout):
  // answer that socket alone and keep serving.
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (err as { code?: string }).code === "ECONNRESET") return void socket.destroy();
    const status = err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : err.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    const text = status === 408 ? "Request Timeout" : status === 431 ? "Request Header Fields Too Large" : "Bad Request";
    const body = JSON.stringify({ message: text });
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  server.headersTimeout = Math.max(1000, Math.min(20000, c.bodyTimeoutMs));
  server.requestTimeout = c.bodyTimeoutMs * 2 + 1000;
  return server;
}
