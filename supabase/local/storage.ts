// The subset of the Supabase Storage API that supabase-js's `storage.from(bucket)` and `storage.getBucket…`
// use, at /storage/v1 behind the gateway, behaving as hosted Storage does (supabase/storage, read for its
// behaviour): every metadata query runs in PostgreSQL as the caller's role — the server logs in as
// `supabase_storage_admin` and sets role, request.jwt.claims and storage.operation for the transaction,
// as PostgREST does — so the project's RLS policies on storage.objects decide who uploads, reads, lists,
// signs and removes; the anon key alone sees nothing unless a policy allows; service_role bypasses RLS.
// Bucket limits (file_size_limit, allowed_mime_types) are checked by the server as hosted checks them.
// Errors have hosted's shape and status: HTTP 400 with `{statusCode: "404" | "403" | "409" | "413" | …,
// error, message}` (500 stays 500), which supabase-js turns into StorageApiError.
// Files live under <data dir>/storage/files/<version>, named by a server-made UUID (never by the object
// name, so no path from a request reaches the file system); names are still checked as hosted checks keys,
// and `.` / `..` segments and absolute names are refused.
import crypto from "node:crypto";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import pg from "pg";
import { BodyError, readBody } from "./body.ts";
import { dbUrl, type StackConfig } from "./config.ts";
import type { StorageSettings } from "./settings.ts";

/** Bytes a multipart body may carry beyond the file itself (boundaries, cacheControl, metadata fields). */
const MULTIPART_OVERHEAD = 1024 * 1024 + 64 * 1024;
/** Hosted's custom-metadata cap. */
const MAX_USER_METADATA = 1024 * 1024;
const JSON_BODY_LIMIT = 1024 * 1024;
const MAX_PATHS = 1000;
// Hosted's accepted object-key characters (S3-safe set); hyphen last.
const VALID_KEY = /^[A-Za-z0-9_/!.*'() &$=@;:+,?-]*$/;
const VALID_BUCKET = /^[A-Za-z0-9_!.*'() &$=@;:+,?-]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES = new Set(["anon", "authenticated", "service_role"]);
const STATEMENT_TIMEOUT: Record<string, string> = { anon: "3s", authenticated: "8s", service_role: "8s" };

/** A refusal in hosted Storage's shape. `status` is the HTTP status sent (hosted sends 400 for all but 5xx). */
export class StorageError extends Error {
  constructor(
    readonly statusCode: string,
    readonly error: string,
    message: string,
    readonly status = Number(statusCode) >= 500 ? Number(statusCode) : 400,
    readonly close = false,
  ) {
    super(message);
  }
}

const E = {
  noSuchBucket: () => new StorageError("404", "Bucket not found", "Bucket not found"),
  noSuchKey: () => new StorageError("404", "not_found", "Object not found"),
  accessDenied: (m = "Access denied", status?: number) => new StorageError("403", "Unauthorized", m, status),
  invalidJwt: (m: string) => new StorageError("400", "InvalidJWT", m),
  invalidSignature: (m = "Invalid signature") => new StorageError("400", "InvalidSignature", m),
  invalidKey: (key: string) => new StorageError("400", "InvalidKey", `Invalid key: ${key}`),
  invalidBucketName: () => new StorageError("400", "Invalid Input", "Bucket name invalid"),
  invalidRequest: (m: string) => new StorageError("400", "InvalidRequest", m),
  duplicate: () => new StorageError("409", "Duplicate", "The resource already exists"),
  tooLarge: (status?: number, close = false) =>
    new StorageError("413", "Payload too large", "The object exceeded the maximum allowed size", status, close),
  mime: (mime: string) => new StorageError("415", "invalid_mime_type", `mime type ${mime} is not supported`),
  noContent: () => new StorageError("400", "InvalidRequest", "No content provided"),
  bucketNotEmpty: () => new StorageError("409", "InvalidRequest", "The bucket you tried to delete is not empty"),
  notFound: () => new StorageError("404", "not_found", "Route not found", 404),
};

/** Hosted's mapping of PostgreSQL errors (storage/database/errors.ts). */
function fromPg(e: unknown): unknown {
  const code = (e as { code?: string }).code;
  const message = (e as Error).message ?? "";
  if (!code || typeof code !== "string" || code.length !== 5) return e;
  switch (code) {
    case "42501":
      return E.accessDenied(message.includes("row-level security") ? "new row violates row-level security policy" : message);
    case "23505":
      return E.duplicate();
    case "23503":
      return new StorageError("404", "InvalidRequest", "The related resource does not exist");
    case "57014":
      return new StorageError("544", "DatabaseTimeout", "The connection to the database timed out", 544);
    case "22P02":
      return new StorageError("400", "InvalidParameter", message || "Invalid value format or type conversion failed");
    case "55P03":
      return new StorageError("423", "ResourceLocked", "The resource is locked");
    default:
      return new StorageError("500", "DatabaseError", `database error, code: ${code}`);
  }
}

/** Checks an object name as hosted does (allowed characters), and refuses what could escape a folder. */
export function checkObjectName(name: string): string {
  if (!name || !VALID_KEY.test(name) || name.startsWith("/") || name.split("/").some((s) => s === "." || s === "..")) {
    throw E.invalidKey(name);
  }
  return name;
}

function checkBucketName(name: string): string {
  if (!name || name.length > 100 || !VALID_BUCKET.test(name)) throw E.invalidBucketName();
  return name;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw E.invalidKey(part);
  }
}

/** "<bucket>/<name…>" from a request path below a route (still percent-encoded). */
function bucketAndName(rest: string): { bucket: string; name: string } {
  const i = rest.indexOf("/");
  if (i <= 0) throw E.invalidKey(decode(rest));
  const bucket = checkBucketName(decode(rest.slice(0, i)));
  return { bucket, name: checkObjectName(decode(rest.slice(i + 1))) };
}

/** Hosted's mime check: type/subtype against `type/subtype` or `type/*` entries. */
function mimeAllowed(mime: string, allowed: string[]): boolean {
  const [type, sub] = mime.split("/");
  if (sub === undefined) return false;
  return allowed.some((a) => {
    const [t, s] = a.split("/");
    return t === type && (s === "*" || s === sub);
  });
}

interface Caller {
  role: string;
  sub?: string;
  jwt: string;
  claims: JWTPayload;
}

interface Bucket {
  id: string;
  public: boolean;
  file_size_limit: string | null;
  allowed_mime_types: string[] | null;
}

interface ObjectRow {
  id: string;
  name: string;
  bucket_id: string;
  version: string | null;
  metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  last_accessed_at: Date;
  owner: string | null;
  owner_id: string | null;
}

interface Upload {
  bytes: Buffer;
  mime: string;
  cacheControl: string;
  userMetadata?: Record<string, unknown>;
}

export class StorageServer {
  private readonly pool: pg.Pool;
  readonly filesDir: string;
  private readonly key: Uint8Array;

  constructor(
    private readonly c: StackConfig,
    private readonly settings: StorageSettings,
    dataDir: string,
  ) {
    this.pool = new pg.Pool({ connectionString: dbUrl(c, "supabase_storage_admin"), max: 5 });
    this.pool.on("error", () => undefined); // idle clients get 57P01 when postgres shuts down
    this.filesDir = path.join(dataDir, "storage", "files");
    fs.mkdirSync(this.filesDir, { recursive: true });
    this.key = new TextEncoder().encode(c.jwtSecret);
  }

  /** Largest object an upload may carry (config.toml [storage] file_size_limit, or the stack's override). */
  get fileSizeLimit(): number {
    return this.c.storageFileSizeLimitBytes ?? this.settings.fileSizeLimit;
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  private file(version: string): string {
    if (!UUID.test(version)) throw new StorageError("500", "InternalError", "corrupt object version");
    return path.join(this.filesDir, version);
  }

  // ───────────── transactions as the caller or as the storage admin ─────────────

  private async tx<T>(caller: Caller | null, operation: string, req: http.IncomingMessage,
                      fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const db = await this.pool.connect();
    try {
      await db.query("begin");
      if (caller) {
        await db.query(
          `select set_config('role', $1, true), set_config('request.jwt.claim.role', $1, true),
                  set_config('request.jwt', $2, true), set_config('request.jwt.claim.sub', $3, true),
                  set_config('request.jwt.claims', $4, true), set_config('request.method', $5, true),
                  set_config('request.path', $6, true), set_config('storage.operation', $7, true),
                  set_config('storage.allow_delete_query', 'true', true), set_config('statement_timeout', $8, true)`,
          [caller.role, caller.jwt, caller.sub ?? "", JSON.stringify(caller.claims), req.method ?? "", (req.url ?? "").split("?")[0], operation,
           STATEMENT_TIMEOUT[caller.role] ?? "8s"],
        );
      } else {
        await db.query(
          `select set_config('storage.operation', $1, true), set_config('storage.allow_delete_query', 'true', true),
                  set_config('statement_timeout', '8s', true)`,
          [operation],
        );
      }
      const out = await fn(db);
      await db.query("commit");
      return out;
    } catch (e) {
      await db.query("rollback").catch(() => undefined);
      throw fromPg(e);
    } finally {
      db.release();
    }
  }

  private async caller(req: http.IncomingMessage): Promise<Caller> {
    const auth = req.headers.authorization;
    let jwt = auth && /^bearer /i.test(auth) ? auth.slice(7).trim() : "";
    const apikey = req.headers.apikey;
    if (!jwt && typeof apikey === "string" && (apikey === this.c.anonKey || apikey === this.c.serviceRoleKey)) jwt = apikey;
    if (!jwt) throw E.accessDenied("No authorization header or apikey was provided");
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(jwt, this.key, { algorithms: ["HS256"] }));
    } catch (e) {
      throw E.accessDenied(e instanceof joseErrors.JWTExpired ? "jwt expired" : "invalid signature");
    }
    const role = typeof claims.role === "string" ? claims.role : "";
    if (!ROLES.has(role)) throw E.accessDenied("Access denied: Invalid role", 403);
    return { role, sub: typeof claims.sub === "string" ? claims.sub : undefined, jwt, claims };
  }

  private async bucket(req: http.IncomingMessage, id: string): Promise<Bucket> {
    const rows = await this.tx(null, "storage.bucket.get", req, async (db) =>
      (await db.query<Bucket>("select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = $1", [id])).rows,
    );
    if (!rows[0]) throw E.noSuchBucket();
    return rows[0];
  }

  // ───────────── HTTP ─────────────

  /** Serves one request; `subpath` is the path below /storage/v1, still percent-encoded. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, subpath: string, url: URL): Promise<void> {
    try {
      await this.route(req, res, subpath, url);
    } catch (e) {
      const err = e instanceof StorageError ? e : fromPg(e);
      if (err instanceof StorageError) return send(res, err.status, { statusCode: err.statusCode, error: err.error, message: err.message }, err.close);
      console.error("[storage]", e);
      return send(res, 500, { statusCode: "500", error: "Internal", message: "Internal Server Error" });
    }
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse, p: string, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    let m: RegExpExecArray | null;
    // Routes without a caller token: signed URLs and public buckets.
    if ((m = /^\/object\/sign\/(.+)$/.exec(p)) && (method === "GET" || method === "HEAD")) {
      return this.getSigned(req, res, bucketAndName(m[1]), url);
    }
    if ((m = /^\/object\/public\/(.+)$/.exec(p)) && (method === "GET" || method === "HEAD")) {
      return this.getPublic(req, res, bucketAndName(m[1]), url);
    }
    if ((m = /^\/object\/info\/public\/(.+)$/.exec(p)) && method === "GET") {
      return this.info(req, res, bucketAndName(m[1]), null);
    }
    if (p === "/status" || p === "/version") return send(res, 200, p === "/status" ? {} : "local");

    const caller = await this.caller(req);
    if ((m = /^\/object\/info\/(?:authenticated\/)?(.+)$/.exec(p)) && method === "GET") {
      return this.info(req, res, bucketAndName(m[1]), caller);
    }
    if ((m = /^\/object\/list\/([^/]+)$/.exec(p)) && method === "POST") {
      return this.list(req, res, checkBucketName(decode(m[1])), caller);
    }
    if ((m = /^\/object\/sign\/([^/]+)$/.exec(p)) && method === "POST") {
      return this.signMany(req, res, checkBucketName(decode(m[1])), caller);
    }
    if ((m = /^\/object\/sign\/(.+)$/.exec(p)) && method === "POST") {
      return this.signOne(req, res, bucketAndName(m[1]), caller);
    }
    if ((m = /^\/object\/([^/]+)$/.exec(p)) && method === "DELETE") {
      return this.removeMany(req, res, checkBucketName(decode(m[1])), caller);
    }
    if ((m = /^\/object\/(?:authenticated\/)?(.+)$/.exec(p)) && (method === "GET" || method === "HEAD")) {
      return this.download(req, res, bucketAndName(m[1]), caller, url);
    }
    if ((m = /^\/object\/(.+)$/.exec(p))) {
      if (method === "POST" || method === "PUT") {
        const upsert = method === "PUT" || req.headers["x-upsert"] === "true";
        return this.upload(req, res, bucketAndName(m[1]), caller, upsert, method === "PUT");
      }
      if (method === "DELETE") return this.removeOne(req, res, bucketAndName(m[1]), caller);
    }
    if (p === "/bucket" || p === "/bucket/") {
      if (method === "GET") return this.listBuckets(req, res, caller);
      if (method === "POST") return this.createBucket(req, res, caller);
    }
    if ((m = /^\/bucket\/([^/]+)$/.exec(p))) {
      const id = checkBucketName(decode(m[1]));
      if (method === "GET") return this.getBucket(req, res, id, caller);
      if (method === "DELETE") return this.deleteBucket(req, res, id, caller);
    }
    throw E.notFound();
  }

  // ───────────── upload ─────────────

  private async readUpload(req: http.IncomingMessage, bucket: Bucket, name: string): Promise<Upload> {
    const placeholder = name.endsWith(".emptyFolderPlaceholder");
    const bucketLimit = bucket.file_size_limit === null ? Infinity : Number(bucket.file_size_limit);
    const max = placeholder ? 0 : Math.min(this.fileSizeLimit, bucketLimit);
    const type = String(req.headers["content-type"] ?? "");
    const multipart = type.toLowerCase().startsWith("multipart/form-data");
    const allowed = bucket.allowed_mime_types ?? [];
    if (!multipart) {
      const mime = type || "application/octet-stream";
      if (allowed.length > 0 && !placeholder && !mimeAllowed(mime, allowed)) throw E.mime(mime);
      const declared = Number(req.headers["content-length"]);
      if (Number.isFinite(declared) && declared > max) throw E.tooLarge(undefined, true);
    }
    let body: Buffer;
    try {
      // The gateway's body reader: whole, within a size and a time limit, before anything is written.
      body = await readBody(req, { limitBytes: max + (multipart ? MULTIPART_OVERHEAD : 0), timeoutMs: this.c.bodyTimeoutMs });
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      if (e.status === 413) throw E.tooLarge(undefined, true);
      throw new StorageError("408", "request_timeout", e.message, 408, true);
    }
    if (!multipart) {
      const meta = req.headers["x-metadata"];
      return {
        bytes: body,
        mime: type || "application/octet-stream",
        cacheControl: String(req.headers["cache-control"] ?? "no-cache"),
        userMetadata: typeof meta === "string" ? parseJson(Buffer.from(meta, "base64").toString("utf8")) : undefined,
      };
    }
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
    } catch {
      throw E.noContent();
    }
    let file: File | undefined;
    for (const [, v] of form.entries()) if (typeof v !== "string") file ??= v;
    if (!file) throw E.noContent();
    const field = (k: string) => {
      const v = form.get(k);
      return typeof v === "string" ? v : undefined;
    };
    const mime = field("contentType") || file.type || "application/octet-stream";
    if (allowed.length > 0 && !placeholder && !mimeAllowed(mime, allowed)) throw E.mime(mime);
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length > max) throw E.tooLarge();
    const meta = field("metadata") ?? field("userMetadata");
    if (meta !== undefined && Buffer.byteLength(meta) > MAX_USER_METADATA) {
      throw new StorageError("413", "Payload too large", "The user_metadata exceeded the maximum allowed size");
    }
    const cache = field("cacheControl");
    return { bytes, mime, cacheControl: cache ? `max-age=${cache}` : "no-cache", userMetadata: meta === undefined ? undefined : parseJson(meta) };
  }

  private async upload(req: http.IncomingMessage, res: http.ServerResponse, { bucket: bucketId, name }: { bucket: string; name: string },
                       caller: Caller, upsert: boolean, isUpdate: boolean): Promise<void> {
    const operation = isUpdate ? "storage.object.upload_update" : "storage.object.upload";
    const bucket = await this.bucket(req, bucketId);
    const up = await this.readUpload(req, bucket, name);
    const owner = caller.sub && UUID.test(caller.sub) ? caller.sub : null;
    const ownerId = caller.sub ?? null;
    const version = crypto.randomUUID();
    // Hosted's permission test: the insert (or upsert) as the caller, rolled back — RLS decides. Its metadata
    // is what hosted's carries: the mime type and the request's declared length.
    const declared = Number(req.headers["content-length"]);
    const probe = { mimetype: up.mime, contentLength: Number.isFinite(declared) ? declared : up.bytes.length };
    await this.tx(caller, operation, req, async (db) => {
      await db.query("savepoint probe");
      if (upsert) {
        await db.query(
          `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
           values ($1, $2, $3, $4, $5, $6, '1')
           on conflict (name, bucket_id) do update set metadata = excluded.metadata, user_metadata = excluded.user_metadata,
             version = excluded.version,
             owner = coalesce(excluded.owner, objects.owner), owner_id = coalesce(excluded.owner_id, objects.owner_id)
           returning id`,
          [bucketId, name, owner, ownerId, probe, up.userMetadata ?? null],
        );
      } else {
        await db.query(
          `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
           values ($1, $2, $3, $4, $5, $6, '1')`,
          [bucketId, name, owner, ownerId, probe, up.userMetadata ?? null],
        );
      }
      await db.query("rollback to savepoint probe");
    });
    const etag = `"${crypto.createHash("md5").update(up.bytes).digest("hex")}"`;
    const now = new Date();
    const metadata = {
      eTag: etag, size: up.bytes.length, mimetype: up.mime, cacheControl: up.cacheControl,
      lastModified: now.toISOString(), contentLength: up.bytes.length, httpStatusCode: 200,
    };
    const target = this.file(version);
    const part = `${target}.part`;
    fs.writeFileSync(part, up.bytes);
    let previous: string | null = null;
    let row: { id: string };
    try {
      row = await this.tx(null, operation, req, async (db) => {
        await db.query("select pg_advisory_xact_lock(hashtext($1))", [`${bucketId}/${name}`]);
        const old = (await db.query<{ version: string | null }>(
          "select version from storage.objects where bucket_id = $1 and name = $2 for update", [bucketId, name])).rows[0];
        if (old && !upsert) throw E.duplicate();
        previous = old?.version ?? null;
        const r = (await db.query<{ id: string }>(
          `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
           values ($1, $2, $3, $4, $5, $6, $7)
           on conflict (name, bucket_id) do update set metadata = excluded.metadata, user_metadata = excluded.user_metadata,
             version = excluded.version,
             owner = coalesce(excluded.owner, objects.owner), owner_id = coalesce(excluded.owner_id, objects.owner_id), last_accessed_at = now()
           returning id`,
          [bucketId, name, owner, ownerId, metadata, up.userMetadata ?? null, version],
        )).rows[0];
        fs.renameSync(part, target);
        return r;
      });
    } catch (e) {
      fs.rmSync(part, { force: true });
      fs.rmSync(target, { force: true });
      throw e;
    }
    if (previous && previous !== version && UUID.test(previous)) fs.rmSync(this.file(previous), { force: true });
    send(res, 200, { Id: row.id, Key: `${bucketId}/${name}` });
  }

  // ───────────── download, info ─────────────

  private async findAs(caller: Caller | null, req: http.IncomingMessage, operation: string, bucket: string, name: string): Promise<ObjectRow> {
    const row = await this.tx(caller, operation, req, async (db) =>
      (await db.query<ObjectRow>(
        `select id, name, bucket_id, version, metadata, user_metadata, created_at, updated_at, last_accessed_at, owner, owner_id
         from storage.objects where bucket_id = $1 and name = $2`, [bucket, name])).rows[0],
    );
    if (!row) throw E.noSuchKey();
    return row;
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse, obj: ObjectRow, url: URL, extra: http.OutgoingHttpHeaders = {}) {
    const file = obj.version ? this.file(obj.version) : "";
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      throw E.noSuchKey();
    }
    const md = obj.metadata ?? {};
    const headers: http.OutgoingHttpHeaders = {
      "Content-Type": String(md.mimetype ?? "application/octet-stream"),
      "Content-Length": String(size),
      "Cache-Control": String(md.cacheControl ?? "no-cache"),
      ETag: String(md.eTag ?? ""),
      "Last-Modified": new Date(String(md.lastModified ?? obj.updated_at)).toUTCString(),
      // Uploaded bytes are served as their declared type only: an upload never becomes a page of the API origin.
      "X-Content-Type-Options": "nosniff",
      ...extra,
    };
    const download = url.searchParams.get("download");
    if (download !== null) {
      const fileName = download || path.posix.basename(obj.name);
      headers["Content-Disposition"] = `attachment; filename=${encodeURIComponent(fileName)}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    }
    res.writeHead(200, headers);
    if (req.method === "HEAD") return void res.end();
    fs.createReadStream(file).on("error", () => res.destroy()).pipe(res);
  }

  private async download(req: http.IncomingMessage, res: http.ServerResponse, { bucket, name }: { bucket: string; name: string }, caller: Caller, url: URL) {
    const obj = await this.findAs(caller, req, "storage.object.get_authenticated", bucket, name);
    this.serve(req, res, obj, url);
  }

  private async getPublic(req: http.IncomingMessage, res: http.ServerResponse, { bucket, name }: { bucket: string; name: string }, url: URL) {
    const b = await this.bucket(req, bucket);
    if (!b.public) throw E.noSuchBucket();
    const obj = await this.findAs(null, req, "storage.object.get_public", bucket, name);
    this.serve(req, res, obj, url);
  }

  private async info(req: http.IncomingMessage, res: http.ServerResponse, { bucket, name }: { bucket: string; name: string }, caller: Caller | null) {
    const b = await this.bucket(req, bucket);
    if (!caller && !b.public) throw E.noSuchBucket();
    const obj = await this.findAs(b.public ? null : caller, req, "storage.object.info_authenticated", bucket, name);
    const md = obj.metadata ?? {};
    send(res, 200, {
      id: obj.id, name: obj.name, version: obj.version, bucket_id: obj.bucket_id,
      size: md.size ?? null, content_type: md.mimetype ?? null, cache_control: md.cacheControl ?? null,
      etag: md.eTag ?? null, metadata: obj.user_metadata, last_modified: obj.updated_at, created_at: obj.created_at,
    });
  }

  // ───────────── signed URLs ─────────────

  private async sign(bucket: string, name: string, expiresIn: number): Promise<string> {
    const token = await new SignJWT({ url: `${bucket}/${name}`, scope: "download" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
      .sign(this.key);
    return `/object/sign/${bucket}/${name}?token=${token}`;
  }

  private async signOne(req: http.IncomingMessage, res: http.ServerResponse, { bucket, name }: { bucket: string; name: string }, caller: Caller) {
    const body = await jsonBody(req);
    const expiresIn = expiry(body.expiresIn);
    await this.findAs(caller, req, "storage.object.sign", bucket, name);
    send(res, 200, { signedURL: await this.sign(bucket, name, expiresIn) });
  }

  private async signMany(req: http.IncomingMessage, res: http.ServerResponse, bucket: string, caller: Caller) {
    const body = await jsonBody(req);
    const expiresIn = expiry(body.expiresIn);
    const paths = body.paths;
    if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_PATHS || !paths.every((x) => typeof x === "string")) {
      throw E.invalidRequest("body/paths must be an array of 1 to 1000 object names");
    }
    const found = await this.tx(caller, "storage.object.sign_many", req, async (db) =>
      new Set((await db.query<{ name: string }>("select name from storage.objects where bucket_id = $1 and name = any($2::text[])", [bucket, paths])).rows.map((r) => r.name)),
    );
    const out = [];
    for (const p of paths as string[]) {
      const ok = found.has(p);
      out.push({ error: ok ? null : "Either the object does not exist or you do not have access to it", path: p, signedURL: ok ? await this.sign(bucket, p, expiresIn) : null });
    }
    send(res, 200, out);
  }

  private async getSigned(req: http.IncomingMessage, res: http.ServerResponse, { bucket, name }: { bucket: string; name: string }, url: URL) {
    const token = url.searchParams.get("token");
    if (!token) throw new StorageError("400", "Error", "querystring must have required property 'token'");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"] }));
    } catch (e) {
      throw E.invalidJwt(e instanceof joseErrors.JWTExpired ? "jwt expired" : "invalid signature");
    }
    if (payload.scope !== "download") throw E.invalidSignature("Token is not scoped for download");
    if (payload.url !== `${bucket}/${name}`) throw E.invalidSignature();
    if (typeof payload.exp !== "number") throw E.invalidJwt("jwt must carry an expiry");
    const obj = await this.findAs(null, req, "storage.object.get_signed", bucket, name);
    this.serve(req, res, obj, url, { Expires: new Date(payload.exp * 1000).toUTCString() });
  }

  // ───────────── list, remove ─────────────

  private async list(req: http.IncomingMessage, res: http.ServerResponse, bucket: string, caller: Caller) {
    const body = await jsonBody(req);
    if (typeof body.prefix !== "string") throw new StorageError("400", "Error", "body must have required property 'prefix'");
    let prefix = body.prefix;
    if (prefix.length > 0 && !prefix.endsWith("/")) prefix += "/";
    const int = (v: unknown, d: number, min: number) => {
      if (v === undefined || v === null) return d;
      if (typeof v !== "number" || !Number.isInteger(v) || v < min) throw E.invalidRequest("limit and offset must be integers");
      return v;
    };
    const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
    const rows = await this.tx(caller, "storage.object.list", req, async (db) =>
      (await db.query("select * from storage.search($1, $2, $3, $4, $5, $6, $7, $8)", [
        prefix, bucket, int(body.limit, 100, 1), 1, int(body.offset, 0, 0), typeof body.search === "string" ? body.search : "",
        typeof sortBy.column === "string" ? sortBy.column : "name", typeof sortBy.order === "string" ? sortBy.order : "asc",
      ])).rows,
    );
    send(res, 200, rows);
  }

  private removeFiles(rows: { version: string | null }[]) {
    for (const r of rows) if (r.version && UUID.test(r.version)) fs.rmSync(this.file(r.version), { force: true });
  }

  private async removeMany(req: http.IncomingMessage, res: http.ServerResponse, bucket: string, caller: Caller) {
    const body = await jsonBody(req);
    const prefixes = body.prefixes;
    if (!Array.isArray(prefixes) || prefixes.length === 0 || prefixes.length > MAX_PATHS || !prefixes.every((x) => typeof x === "string")) {
      throw E.invalidRequest("body/prefixes must be an array of 1 to 1000 object names");
    }
    const rows = await this.tx(caller, "storage.object.delete_many", req, async (db) =>
      (await db.query<ObjectRow>(
        `delete from storage.objects where bucket_id = $1 and name = any($2::text[])
         returning id, name, bucket_id, owner, owner_id, version, metadata, user_metadata, created_at, updated_at, last_accessed_at`,
        [bucket, prefixes])).rows,
    );
    this.removeFiles(rows);
    send(res, 200, rows);
  }

  private async removeOne(req: http.IncomingMessage, res: http.ServerResponse, { bucket, name }: { bucket: string; name: string }, caller: Caller) {
    await this.findAs(null, req, "storage.object.delete", bucket, name);
    const rows = await this.tx(caller, "storage.object.delete", req, async (db) =>
      (await db.query<{ version: string | null }>("delete from storage.objects where bucket_id = $1 and name = $2 returning version", [bucket, name])).rows,
    );
    if (rows.length === 0) throw E.accessDenied();
    this.removeFiles(rows);
    send(res, 200, { message: "Successfully deleted" });
  }

  // ───────────── buckets ─────────────

  private static readonly BUCKET_COLUMNS =
    "id, name, owner, public, file_size_limit, allowed_mime_types, type, created_at, updated_at";

  private async listBuckets(req: http.IncomingMessage, res: http.ServerResponse, caller: Caller) {
    const rows = await this.tx(caller, "storage.bucket.list", req, async (db) =>
      (await db.query(`select ${StorageServer.BUCKET_COLUMNS} from storage.buckets order by name`)).rows,
    );
    send(res, 200, rows.map(bucketJson));
  }

  private async getBucket(req: http.IncomingMessage, res: http.ServerResponse, id: string, caller: Caller) {
    const rows = await this.tx(caller, "storage.bucket.get", req, async (db) =>
      (await db.query(`select ${StorageServer.BUCKET_COLUMNS} from storage.buckets where id = $1`, [id])).rows,
    );
    if (!rows[0]) throw E.noSuchBucket();
    send(res, 200, bucketJson(rows[0]));
  }

  private async createBucket(req: http.IncomingMessage, res: http.ServerResponse, caller: Caller) {
    const body = await jsonBody(req);
    const name = typeof body.name === "string" ? body.name : "";
    const id = checkBucketName(typeof body.id === "string" ? body.id : name);
    checkBucketName(name || id);
    const limit = body.file_size_limit;
    const sizeLimit = limit === undefined || limit === null ? null : typeof limit === "number" ? limit : Number.NaN;
    if (sizeLimit !== null && !(Number.isInteger(sizeLimit) && sizeLimit >= 0)) throw E.invalidRequest("Invalid file size format, hint: use a number of bytes");
    const mimes = body.allowed_mime_types;
    if (mimes !== undefined && mimes !== null && !(Array.isArray(mimes) && mimes.every((x) => typeof x === "string"))) {
      throw E.invalidRequest("allowed_mime_types must be an array of strings");
    }
    await this.tx(caller, "storage.bucket.create", req, (db) =>
      db.query(
        `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, name || id, caller.sub && UUID.test(caller.sub) ? caller.sub : null, caller.sub ?? null, body.public === true, sizeLimit, mimes ?? null],
      ),
    );
    send(res, 200, { name: id });
  }

  private async deleteBucket(req: http.IncomingMessage, res: http.ServerResponse, id: string, caller: Caller) {
    await this.tx(caller, "storage.bucket.delete", req, async (db) => {
      const used = (await db.query("select 1 from storage.objects where bucket_id = $1 limit 1", [id])).rowCount;
      if (used) throw E.bucketNotEmpty();
      const gone = (await db.query("delete from storage.buckets where id = $1", [id])).rowCount;
      if (!gone) throw E.noSuchBucket();
    });
    send(res, 200, { message: "Successfully deleted" });
  }
}

function bucketJson(r: Record<string, unknown>) {
  return { ...r, file_size_limit: r.file_size_limit === null ? null : Number(r.file_size_limit) };
}

function parseJson(s: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(s);
    return v && typeof v === "object" && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

async function jsonBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await readBody(req, { limitBytes: JSON_BODY_LIMIT, timeoutMs: 10_000 });
  } catch (e) {
    if (e instanceof BodyError) throw new StorageError(String(e.status), e.code, e.message, e.status, true);
    throw e;
  }
  const v = raw.length ? parseJson(raw.toString("utf8")) : {};
  if (!v) throw E.invalidRequest("Body is not valid JSON");
  return v;
}

function expiry(v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw E.invalidRequest("body/expiresIn must be an integer >= 1");
  return v;
}

function send(res: http.ServerResponse, status: number, body: unknown, close = false) {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...(close ? { Connection: "close" } : {}) });
  res.end(JSON.stringify(body), () => {
    if (close) res.socket?.destroySoon?.();
  });
}
