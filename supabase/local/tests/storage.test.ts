// Supabase Storage on the local stack, through supabase-js as hosted apps use it: the project's RLS policies
// on storage.objects decide (a bucket and policies created here as a migration would: users write and read
// only under their own uid folder), the bucket's limits hold, names cannot leave the bucket, signed URLs
// cannot be forged or stretched, anon sees nothing, service_role bypasses RLS.
import fs from "node:fs";
import path from "node:path";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { SignJWT } from "jose";
import pg from "pg";
import ws from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStack } from "../stack.ts";
import { rawRequest, removeTempDataDirs, startFixtureStack } from "./helpers.ts";
import { putFiles, sampleFile, seedSampleFiles } from "../storage-files.ts";

const GLOBAL_LIMIT = 256 * 1024; // the stack's [storage] file_size_limit for this test
const BUCKET_LIMIT = 64 * 1024; // bucket "docs"

let stack: RunningStack;
let db: pg.Client;
let anon: SupabaseClient;
let service: SupabaseClient;
const users: { id: string; client: SupabaseClient; token: string }[] = [];

const opts = { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: ws as never } };

async function signIn(email: string) {
  const { data, error } = await service.auth.admin.createUser({ email, password: "secret-pw-1", email_confirm: true });
  if (error) throw error;
  const client = createClient(stack.apiUrl, stack.config.anonKey, opts);
  const { data: s, error: e2 } = await client.auth.signInWithPassword({ email, password: "secret-pw-1" });
  if (e2) throw e2;
  return { id: data.user!.id, client, token: s.session!.access_token };
}

/** What a refusal looks like through supabase-js: StorageApiError with hosted's statusCode string. */
function refusal(error: unknown): { status?: number; statusCode?: string; message?: string } {
  const e = error as { status?: number; statusCode?: string; message?: string } | null;
  return { status: e?.status, statusCode: e?.statusCode, message: e?.message };
}

async function rowCount(bucket: string, name: string): Promise<number> {
  const { rows } = await db.query("select count(*)::int as n from storage.objects where bucket_id = $1 and name = $2", [bucket, name]);
  return rows[0].n;
}

function filesOnDisk(): string[] {
  const dir = path.join(stack.dataDir, "storage", "files");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

async function sqlError(sql: string): Promise<string | undefined> {
  try {
    await db.query(sql);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

const bytes = (b: Buffer) => new Uint8Array(b);
const pdf = (label: string) => new Blob([bytes(sampleFile("application/pdf", label))], { type: "application/pdf" });

beforeAll(async () => {
  stack = await startFixtureStack(1, { storageFileSizeLimitBytes: GLOBAL_LIMIT });
  db = new pg.Client({ connectionString: stack.dbUrl }); // as postgres, the role migrations run as
  await db.connect();
  // What a project migration writes (it runs as postgres, not a superuser, exactly as on hosted).
  await db.query(`
    insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
    values ('docs', 'docs', false, ${BUCKET_LIMIT}, array['application/pdf', 'image/*', 'text/plain']),
           ('open', 'open', true, null, null),
           ('big', 'big', false, null, null);
    create policy docs_insert_own on storage.objects for insert to authenticated
      with check (bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text);
    create policy docs_select_own on storage.objects for select to authenticated
      using (bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text);
    create policy docs_update_own on storage.objects for update to authenticated
      using (bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text)
      with check (bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text);
    create policy docs_delete_own on storage.objects for delete to authenticated
      using (bucket_id = 'docs' and (storage.foldername(name))[1] = (select auth.uid())::text);
    create policy big_insert on storage.objects for insert to authenticated
      with check (bucket_id = 'big' and owner_id = (select auth.uid())::text and metadata->>'mimetype' <> 'text/html');
  `);
  anon = createClient(stack.apiUrl, stack.config.anonKey, opts);
  service = createClient(stack.apiUrl, stack.config.serviceRoleKey, opts);
  users.push(await signIn("a@storage.test"), await signIn("b@storage.test"));
}, 90000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
  removeTempDataDirs();
});

describe("the storage schema, as on a hosted project", () => {
  it("lets postgres add buckets and policies but not change Supabase's tables", async () => {
    const { rows } = await db.query(
      "select c.relname, c.relrowsecurity, pg_get_userbyid(c.relowner) as owner from pg_class c where c.relnamespace = 'storage'::regnamespace and c.relkind = 'r' order by 1");
    expect(rows).toEqual([
      { relname: "buckets", relrowsecurity: true, owner: "supabase_storage_admin" },
      { relname: "objects", relrowsecurity: true, owner: "supabase_storage_admin" },
    ]);
    expect(await sqlError("alter table storage.objects enable row level security")).toBe("42501");
    expect(await sqlError("alter table storage.objects disable row level security")).toBe("42501");
    expect(await sqlError("create table storage.probe (id int)")).toBe("42501");
    expect(await sqlError("drop function storage.extension(text)")).toBe("42501");
    expect(await sqlError("drop table storage.buckets cascade")).toBe("42501");
    expect(await sqlError("set role supabase_storage_admin")).toBe("42501");
    // As hosted: rows go through the Storage API, never a plain DELETE.
    expect(await sqlError("delete from storage.objects where bucket_id = 'docs'")).toBe("42501");
    const { rows: [f] } = await db.query("select storage.foldername('u/v/w.pdf') as folders, storage.filename('u/v/w.pdf') as file, storage.extension('u/v/w.pdf') as ext");
    expect(f).toEqual({ folders: ["u", "v"], file: "w.pdf", ext: "pdf" });
  });

  it("gives anon and signed-in users no bucket unless a policy allows; service_role sees them all", async () => {
    expect((await anon.storage.listBuckets()).data).toEqual([]);
    expect((await users[0].client.storage.listBuckets()).data).toEqual([]);
    const all = await service.storage.listBuckets();
    expect(all.data?.map((b) => b.id)).toEqual(["big", "docs", "open"]);
    const docs = await service.storage.getBucket("docs");
    expect(docs.data).toMatchObject({ id: "docs", public: false, file_size_limit: BUCKET_LIMIT });
  });
});

describe("objects, as two users, anon and service_role", () => {
  it("lets a browser send what supabase-js sends for an upload (CORS preflight)", async () => {
    const r = await fetch(`${stack.apiUrl}/storage/v1/object/docs/x/y.pdf`, {
      method: "OPTIONS",
      headers: { Origin: "http://127.0.0.1:5173", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization,apikey,x-client-info,x-upsert,cache-control,content-type" },
    });
    expect(r.status).toBe(204);
    const allowed = r.headers.get("access-control-allow-headers")!.split(/,\s*/);
    for (const h of ["authorization", "apikey", "x-client-info", "x-upsert", "x-metadata", "cache-control", "content-type"]) expect(allowed).toContain(h);
  });

  it("a user uploads under its own folder, downloads the same bytes, sees info and lists them", async () => {
    const a = users[0];
    const body = sampleFile("application/pdf", "voucher A-1");
    const up = await a.client.storage.from("docs").upload(`${a.id}/2026/a1.pdf`, new Blob([bytes(body)], { type: "application/pdf" }));
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path: `${a.id}/2026/a1.pdf`, fullPath: `docs/${a.id}/2026/a1.pdf` });
    const raw = await a.client.storage.from("docs").upload(`${a.id}/note.txt`, Buffer.from("hello"), { contentType: "text/plain" });
    expect(raw.error).toBeNull();

    const down = await a.client.storage.from("docs").download(`${a.id}/2026/a1.pdf`);
    expect(down.error).toBeNull();
    expect(Buffer.from(await down.data!.arrayBuffer()).equals(body)).toBe(true);

    const { rows: [row] } = await db.query(
      "select owner, owner_id, metadata->>'mimetype' as mime, (metadata->>'size')::int as size from storage.objects where bucket_id = 'docs' and name = $1",
      [`${a.id}/2026/a1.pdf`]);
    expect(row).toEqual({ owner: a.id, owner_id: a.id, mime: "application/pdf", size: body.length });

    const info = await a.client.storage.from("docs").info(`${a.id}/2026/a1.pdf`);
    expect(info.data).toMatchObject({ name: `${a.id}/2026/a1.pdf`, size: body.length, contentType: "application/pdf" });
    expect((await a.client.storage.from("docs").exists(`${a.id}/2026/a1.pdf`)).data).toBe(true);
    expect((await a.client.storage.from("docs").exists(`${a.id}/2026/none.pdf`)).data).toBe(false);

    const top = await a.client.storage.from("docs").list(a.id);
    expect(top.data?.map((e) => [e.name, e.id === null])).toEqual([["2026", true], ["note.txt", false]]);
    expect((await a.client.storage.from("docs").list(a.id, { search: "no" })).data?.map((e) => e.name)).toEqual(["note.txt"]);
    const byDate = await a.client.storage.from("docs").list(a.id, { sortBy: { column: "created_at", order: "desc" } });
    expect(byDate.data?.map((e) => e.name)).toEqual(["2026", "note.txt"]);
    expect((await a.client.storage.from("docs").list(a.id, { limit: 1, offset: 1 })).data?.map((e) => e.name)).toEqual(["note.txt"]);
    const inner = await a.client.storage.from("docs").list(`${a.id}/2026`);
    expect(inner.data?.map((e) => e.name)).toEqual(["a1.pdf"]);
    expect(inner.data?.[0].metadata).toMatchObject({ size: body.length, mimetype: "application/pdf" });
  });

  it("another user can neither read, list, sign, overwrite nor remove it, nor write into its folder", async () => {
    const [a, b] = users;
    const name = `${a.id}/2026/a1.pdf`;
    const down = await b.client.storage.from("docs").download(name);
    expect(refusal(down.error)).toMatchObject({ status: 400, statusCode: "404" });
    expect((await b.client.storage.from("docs").list(a.id)).data).toEqual([]);
    expect((await b.client.storage.from("docs").list()).data).toEqual([]);
    const sign = await b.client.storage.from("docs").createSignedUrl(name, 60);
    expect(refusal(sign.error).statusCode).toBe("404");
    expect((await b.client.storage.from("docs").exists(name)).data).toBe(false);

    const intrude = await b.client.storage.from("docs").upload(`${a.id}/planted.pdf`, pdf("planted"));
    expect(refusal(intrude.error)).toMatchObject({ status: 400, statusCode: "403", message: "new row violates row-level security policy" });
    expect(await rowCount("docs", `${a.id}/planted.pdf`)).toBe(0);
    const overwrite = await b.client.storage.from("docs").upload(name, pdf("overwrite"), { upsert: true });
    expect(refusal(overwrite.error).statusCode).toBe("403");
    const update = await b.client.storage.from("docs").update(name, pdf("overwrite"));
    expect(refusal(update.error).statusCode).toBe("403");

    const removed = await b.client.storage.from("docs").remove([name]);
    expect(removed.data).toEqual([]);
    expect(await rowCount("docs", name)).toBe(1);
    const still = await a.client.storage.from("docs").download(name);
    expect(Buffer.from(await still.data!.arrayBuffer()).equals(sampleFile("application/pdf", "voucher A-1"))).toBe(true);

    // Its own folder works.
    expect((await b.client.storage.from("docs").upload(`${b.id}/b1.pdf`, pdf("B-1"))).error).toBeNull();
  });

  it("anon sees nothing and writes nothing", async () => {
    const a = users[0];
    expect(refusal((await anon.storage.from("docs").download(`${a.id}/2026/a1.pdf`)).error).statusCode).toBe("404");
    expect((await anon.storage.from("docs").list(a.id)).data).toEqual([]);
    const up = await anon.storage.from("docs").upload(`${a.id}/anon.pdf`, pdf("anon"));
    expect(refusal(up.error).statusCode).toBe("403");
    expect(await rowCount("docs", `${a.id}/anon.pdf`)).toBe(0);
    const big = await anon.storage.from("big").upload("anon.bin", Buffer.from("x"), { contentType: "application/octet-stream" });
    expect(refusal(big.error).statusCode).toBe("403");
    const signed = await anon.storage.from("docs").createSignedUrls([`${a.id}/2026/a1.pdf`], 60);
    expect(signed.data?.[0]).toMatchObject({ signedUrl: null, error: "Either the object does not exist or you do not have access to it" });
    // No token at all: refused before any query.
    const r = await fetch(`${stack.apiUrl}/storage/v1/object/docs/${a.id}/2026/a1.pdf`);
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ statusCode: "403" });
  });

  it("policies see the uploader and the declared mime type of the row being inserted", async () => {
    const a = users[0];
    expect((await a.client.storage.from("big").upload(`${a.id}/ok.bin`, Buffer.from("x"), { contentType: "application/octet-stream" })).error).toBeNull();
    const { rows: [row] } = await db.query("select owner_id, metadata->>'mimetype' as mime from storage.objects where bucket_id = 'big' and name = $1", [`${a.id}/ok.bin`]);
    expect(row).toEqual({ owner_id: a.id, mime: "application/octet-stream" });
    const html = await a.client.storage.from("big").upload(`${a.id}/page.html`, Buffer.from("<p>"), { contentType: "text/html" });
    expect(refusal(html.error).statusCode).toBe("403");
    expect(await rowCount("big", `${a.id}/page.html`)).toBe(0);
  });

  it("an existing name is refused without upsert (409); upsert and update replace it and drop the old file", async () => {
    const a = users[0];
    const name = `${a.id}/replace.txt`;
    expect((await a.client.storage.from("docs").upload(name, Buffer.from("v1"), { contentType: "text/plain" })).error).toBeNull();
    const files = filesOnDisk().length;
    const again = await a.client.storage.from("docs").upload(name, Buffer.from("v2"), { contentType: "text/plain" });
    expect(refusal(again.error)).toMatchObject({ statusCode: "409" });
    expect((await a.client.storage.from("docs").upload(name, Buffer.from("v2"), { contentType: "text/plain", upsert: true })).error).toBeNull();
    expect(await (await a.client.storage.from("docs").download(name)).data!.text()).toBe("v2");
    expect((await a.client.storage.from("docs").update(name, Buffer.from("v3"), { contentType: "text/plain" })).error).toBeNull();
    expect(await (await a.client.storage.from("docs").download(name)).data!.text()).toBe("v3");
    expect(await rowCount("docs", name)).toBe(1);
    expect(filesOnDisk().length).toBe(files);
  });

  it("enforces the bucket's file_size_limit and allowed_mime_types and the stack's global limit", async () => {
    const a = users[0];
    const before = filesOnDisk().length;
    const tooBig = await a.client.storage.from("docs").upload(`${a.id}/big.pdf`, new Blob([new Uint8Array(BUCKET_LIMIT + 1)], { type: "application/pdf" }));
    expect(refusal(tooBig.error)).toMatchObject({ status: 400, statusCode: "413" });
    const tooBigRaw = await a.client.storage.from("docs").upload(`${a.id}/big.txt`, Buffer.alloc(BUCKET_LIMIT + 1), { contentType: "text/plain" });
    expect(refusal(tooBigRaw.error).statusCode).toBe("413");
    expect((await a.client.storage.from("docs").upload(`${a.id}/fits.pdf`, new Blob([new Uint8Array(BUCKET_LIMIT)], { type: "application/pdf" }))).error).toBeNull();

    const zip = await a.client.storage.from("docs").upload(`${a.id}/x.zip`, new Blob([bytes(Buffer.from("PK"))], { type: "application/zip" }));
    expect(refusal(zip.error)).toMatchObject({ status: 400, statusCode: "415", message: "mime type application/zip is not supported" });
    expect((await a.client.storage.from("docs").upload(`${a.id}/p.png`, new Blob([bytes(sampleFile("image/png", "p"))], { type: "image/png" }))).error).toBeNull();

    // A bucket without a limit still has the project's (config.toml [storage] file_size_limit).
    const huge = await a.client.storage.from("big").upload(`${a.id}/huge.bin`, Buffer.alloc(GLOBAL_LIMIT + 1), { contentType: "application/octet-stream" });
    expect(refusal(huge.error).statusCode).toBe("413");
    for (const n of ["big.pdf", "big.txt", "x.zip"]) expect(await rowCount("docs", `${a.id}/${n}`)).toBe(0);
    expect(await rowCount("big", `${a.id}/huge.bin`)).toBe(0);
    expect(filesOnDisk().length).toBe(before + 2);
    expect(filesOnDisk().some((f) => f.endsWith(".part"))).toBe(false);
  });

  it("refuses names that climb out of the folder, absolute names and characters hosted refuses", async () => {
    const a = users[0];
    const port = stack.config.apiPort;
    const post = (target: string) =>
      rawRequest(port,
        `POST ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${a.token}\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nConnection: close\r\n\r\nevil`);
    const before = filesOnDisk().length;
    const targets = [
      `/storage/v1/object/docs/${a.id}/..%2F..%2Fescape.txt`,
      `/storage/v1/object/docs/${a.id}%2F..%2F..%2F..%2Fescape.txt`,
      `/storage/v1/object/docs/%2Fetc%2Fescape.txt`,
      `/storage/v1/object/docs//etc/escape.txt`,
      `/storage/v1/object/docs/${a.id}/.%2Fescape.txt`,
      `/storage/v1/object/docs/${a.id}/..%5C..%5Cescape.txt`,
      `/storage/v1/object/docs/${a.id}/%E5%8F%91%E7%A5%A8.txt`,
      `/storage/v1/object/docs/${a.id}/nul%00.txt`,
      `/storage/v1/object/..%2Fdocs/${a.id}/escape.txt`,
    ];
    for (const t of targets) {
      const r = await post(t);
      expect(r.status, t).toBe(400);
      expect(r.text, t).toMatch(/\{"statusCode":"400","error":"(InvalidKey|Invalid Input)","message":"(Invalid key: |Bucket name invalid)/);
    }
    // Dot segments the URL parser folds away never reach another bucket or a file either.
    const folded = await post(`/storage/v1/object/docs/${a.id}/%2e%2e/%2e%2e/escape.txt`);
    expect(folded.status).toBe(400);
    const { rows } = await db.query("select count(*)::int as n from storage.objects where name like '%escape%' or name like '%evil%'");
    expect(rows[0].n).toBe(0);
    expect(filesOnDisk().length).toBe(before);
    expect(fs.readdirSync(path.join(stack.dataDir, "storage"))).toEqual(["files"]);
  });

  it("signed URLs open the file without a key until they expire; forged, re-pointed or expired tokens do not", async () => {
    const a = users[0];
    const name = `${a.id}/2026/a1.pdf`;
    const { data, error } = await a.client.storage.from("docs").createSignedUrl(name, 60);
    expect(error).toBeNull();
    const ok = await fetch(data!.signedUrl);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await ok.arrayBuffer()).equals(sampleFile("application/pdf", "voucher A-1"))).toBe(true);
    const dl = await fetch(`${data!.signedUrl}&download=凭证.pdf`);
    expect(dl.headers.get("content-disposition")).toContain("attachment");

    const many = await a.client.storage.from("docs").createSignedUrls([name, `${a.id}/none.pdf`], 60);
    expect(many.data?.map((d) => d.error)).toEqual([null, "Either the object does not exist or you do not have access to it"]);
    expect((await fetch(many.data![0].signedUrl!)).status).toBe(200);

    const token = new URL(data!.signedUrl).searchParams.get("token")!;
    const base = `${stack.apiUrl}/storage/v1/object/sign/docs`;
    const other = `${users[1].id}/b1.pdf`;
    const repointed = await fetch(`${base}/${other}?token=${token}`);
    expect(repointed.status).toBe(400);
    expect(await repointed.json()).toMatchObject({ statusCode: "400", error: "InvalidSignature" });

    const key = new TextEncoder().encode(stack.config.jwtSecret);
    const expired = await new SignJWT({ url: `docs/${name}`, scope: "download" })
      .setProtectedHeader({ alg: "HS256" }).setIssuedAt(1700000000).setExpirationTime(1700000060).sign(key);
    const exp = await fetch(`${base}/${name}?token=${expired}`);
    expect(await exp.json()).toMatchObject({ statusCode: "400", error: "InvalidJWT", message: "jwt expired" });

    const forged = await new SignJWT({ url: `docs/${name}`, scope: "download" })
      .setProtectedHeader({ alg: "HS256" }).setExpirationTime("1h").sign(new TextEncoder().encode("not-the-secret-not-the-secret-000000"));
    expect(await (await fetch(`${base}/${name}?token=${forged}`)).json()).toMatchObject({ statusCode: "400", error: "InvalidJWT" });
    // An upload token for the same object is not a download token.
    const upload = await new SignJWT({ url: `docs/${name}`, scope: "upload", upsert: false })
      .setProtectedHeader({ alg: "HS256" }).setExpirationTime("1h").sign(key);
    expect(await (await fetch(`${base}/${name}?token=${upload}`)).json())
      .toMatchObject({ error: "InvalidSignature", message: "Token is not scoped for download" });
    // A session token is signed with the same secret but is not a download token.
    expect(await (await fetch(`${base}/${name}?token=${a.token}`)).json()).toMatchObject({ error: "InvalidSignature" });
    expect((await fetch(`${base}/${name}`)).status).toBe(400);
  });

  it("public URLs serve public buckets only", async () => {
    expect((await service.storage.from("open").upload("hello.txt", Buffer.from("hi"), { contentType: "text/plain" })).error).toBeNull();
    const pub = await fetch(service.storage.from("open").getPublicUrl("hello.txt").data.publicUrl);
    expect(pub.status).toBe(200);
    expect(await pub.text()).toBe("hi");
    const a = users[0];
    const priv = await fetch(anon.storage.from("docs").getPublicUrl(`${a.id}/2026/a1.pdf`).data.publicUrl);
    expect(priv.status).toBe(400);
    expect(await priv.json()).toMatchObject({ statusCode: "404", error: "Bucket not found" });
  });

  it("service_role reads, writes and removes anywhere; a user removes its own file and the file goes too", async () => {
    const [a, b] = users;
    const down = await service.storage.from("docs").download(`${b.id}/b1.pdf`);
    expect(down.error).toBeNull();
    expect((await service.storage.from("docs").list(a.id)).data?.length).toBeGreaterThan(0);
    expect((await service.storage.from("docs").upload(`${a.id}/by-service.txt`, Buffer.from("s"), { contentType: "text/plain" })).error).toBeNull();
    // Replacing a user's file keeps its owner (the service key has no uid), as hosted's upsert does.
    expect((await service.storage.from("docs").upload(`${a.id}/replace.txt`, Buffer.from("s"), { contentType: "text/plain", upsert: true })).error).toBeNull();
    const { rows: [kept] } = await db.query("select owner, owner_id from storage.objects where bucket_id = 'docs' and name = $1", [`${a.id}/replace.txt`]);
    expect(kept).toEqual({ owner: a.id, owner_id: a.id });

    const before = filesOnDisk().length;
    const mine = await a.client.storage.from("docs").remove([`${a.id}/by-service.txt`, `${a.id}/note.txt`]);
    expect(mine.data?.map((o) => o.name).sort()).toEqual([`${a.id}/by-service.txt`, `${a.id}/note.txt`]);
    expect(filesOnDisk().length).toBe(before - 2);
    expect(await rowCount("docs", `${a.id}/note.txt`)).toBe(0);
    const theirs = await service.storage.from("docs").remove([`${b.id}/b1.pdf`]);
    expect(theirs.data).toHaveLength(1);
  });
});

describe("seeding files", () => {
  it("puts files listed by a query into storage once, as the dev/demo start does", async () => {
    const a = users[0];
    await db.query("create table public.seeded_files (path text, mime text, label text)");
    await db.query("insert into public.seeded_files values ($1, 'application/pdf', 'Voucher 1'), ($2, 'image/png', 'Photo 2'), ($3, 'image/jpeg', 'Photo 3')",
      [`${a.id}/seed/1.pdf`, `${a.id}/seed/2.png`, `${a.id}/seed/3.jpg`]);
    const sql = "select 'docs' as bucket, path, mime as content_type, label from public.seeded_files";
    const first = await seedSampleFiles(stack, sql);
    const listed = [`docs/${a.id}/seed/1.pdf`, `docs/${a.id}/seed/2.png`, `docs/${a.id}/seed/3.jpg`];
    expect(first.uploaded.sort()).toEqual(listed);
    const second = await seedSampleFiles(stack, sql);
    expect({ uploaded: second.uploaded, skipped: second.skipped.sort() }).toEqual({ uploaded: [], skipped: listed });
    const jpeg = Buffer.from(await (await a.client.storage.from("docs").download(`${a.id}/seed/3.jpg`)).data!.arrayBuffer());
    expect([jpeg[0], jpeg[1], jpeg.at(-2), jpeg.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    const down = await a.client.storage.from("docs").download(`${a.id}/seed/1.pdf`);
    expect((await down.data!.text()).startsWith("%PDF-")).toBe(true);
    const direct = await putFiles({ apiUrl: stack.apiUrl, serviceRoleKey: stack.config.serviceRoleKey },
      [{ bucket: "docs", path: `${a.id}/seed/1.pdf`, contentType: "application/pdf", body: "x" }]);
    expect(direct.skipped).toEqual([`docs/${a.id}/seed/1.pdf`]);
  });
});
