// What Kong does in a Supabase project: one origin for /rest/v1 (PostgREST) and /auth/v1 (auth),
// with the apikey check. A thin pipe: requests are streamed, not buffered.
import http from "node:http";
import type { Auth } from "./auth.ts";
import type { StackConfig } from "./config.ts";
import type { FunctionsRuntime } from "./functions.ts";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD",
  "Access-Control-Allow-Headers":
    "authorization, x-client-info, apikey, content-type, accept, accept-profile, content-profile, prefer, range, x-supabase-api-version, x-retry-count",
  "Access-Control-Expose-Headers": "Content-Range, Content-Location, Range, X-Supabase-Api-Version, Preference-Applied",
  "Access-Control-Max-Age": "86400",
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function createGateway(c: StackConfig, auth: Auth, functions?: FunctionsRuntime): http.Server {
  const keys = new Set([c.anonKey, c.serviceRoleKey]);
  return http.createServer((req, res) => {
    for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
    if (req.method === "OPTIONS") {
      res.writeHead(204);
      return void res.end();
    }
    const url = new URL(req.url ?? "/", "http://gateway");
    // As Kong's open routes in a Supabase project: email links (GET /auth/v1/verify) carry no apikey,
    // and edge functions check the JWT themselves (verify_jwt).
    if (url.pathname === "/auth/v1/verify" && req.method === "GET") {
      return void auth.handle(req, res, "/verify", url.searchParams);
    }
    const fn = /^\/functions\/v1\/([^/?]+)(\/.*)?$/.exec(url.pathname);
    if (fn && functions) {
      return void functions.handle(req, res, fn[1], (fn[2] ?? "") + url.search).catch((e) => {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ message: `functions: ${(e as Error).message}` }));
      });
    }
    const apikey = (req.headers.apikey as string | undefined) ?? url.searchParams.get("apikey") ?? undefined;
    if (!apikey || !keys.has(apikey)) {
      res.writeHead(401, { "Content-Type": "application/json" });
      return void res.end(JSON.stringify({ message: "Invalid API key", hint: "Double check your Supabase `anon` or `service_role` API key." }));
    }
    if (url.pathname.startsWith("/auth/v1")) {
      return void auth.handle(req, res, url.pathname.slice("/auth/v1".length) || "/", url.searchParams);
    }
    if (url.pathname.startsWith("/rest/v1")) {
      const headers = { ...req.headers };
      delete headers.apikey;
      delete headers.host;
      if (!headers.authorization) headers.authorization = `Bearer ${apikey}`;
      url.searchParams.delete("apikey");
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: c.restPort,
          method: req.method,
          path: (url.pathname.slice("/rest/v1".length) || "/") + (url.search ? `?${url.searchParams}` : ""),
          headers,
          agent,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on("error", (e) => {
        if (!res.headersSent) res.writeHead(502, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ message: `PostgREST unavailable: ${e.message}` }));
      });
      req.pipe(upstream);
      return;
    }
    res.writeHead(404, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ message: "no route" }));
  });
}
