// Putting files into the local stack's storage for demo data and tests: through the real Storage API as
// service_role (so storage.objects rows and files are made exactly as any upload makes them), never by
// writing rows or files behind its back. A seed lists the files it needs (a query returning
// bucket, path, content_type, label); seedSampleFiles() uploads a small generated sample for each missing one.
import zlib from "node:zlib";
import pg from "pg";

export interface SeedFile {
  bucket: string;
  /** object name inside the bucket, e.g. "<grant_id>/<tranche_id>/<uuid>.pdf" (hosted's key characters only) */
  path: string;
  contentType: string;
  /** the bytes; a generated sample (sampleFile) when absent */
  body?: Buffer | string;
  /** text shown in a generated sample */
  label?: string;
}

export interface PutResult {
  /** "bucket/path" of the files uploaded */
  uploaded: string[];
  /** "bucket/path" of the files left alone because they already existed (and upsert was off) */
  skipped: string[];
}

function objectUrl(apiUrl: string, bucket: string, name: string): string {
  return `${apiUrl}/storage/v1/object/${encodeURIComponent(bucket)}/${name.split("/").map(encodeURIComponent).join("/")}`;
}

/** Uploads the files as service_role, one by one. Existing objects are skipped unless `upsert`. Any other
 *  refusal (no such bucket, mime type or size the bucket refuses, bad name) throws with the API's message. */
export async function putFiles(target: { apiUrl: string; serviceRoleKey: string }, files: SeedFile[],
                               { upsert = false }: { upsert?: boolean } = {}): Promise<PutResult> {
  const out: PutResult = { uploaded: [], skipped: [] };
  for (const f of files) {
    const body = f.body === undefined ? sampleFile(f.contentType, f.label ?? f.path) : Buffer.from(f.body);
    const r = await fetch(objectUrl(target.apiUrl, f.bucket, f.path), {
      method: "POST",
      headers: {
        apikey: target.serviceRoleKey,
        Authorization: `Bearer ${target.serviceRoleKey}`,
        "Content-Type": f.contentType,
        "x-upsert": String(upsert),
      },
      body: new Uint8Array(body),
    });
    const key = `${f.bucket}/${f.path}`;
    if (r.ok) {
      await r.arrayBuffer();
      out.uploaded.push(key);
      continue;
    }
    const err = (await r.json().catch(() => ({}))) as { statusCode?: string; message?: string };
    if (err.statusCode === "409") out.skipped.push(key);
    else throw new Error(`storage refused ${key}: ${err.statusCode ?? r.status} ${err.message ?? ""}`.trim());
  }
  return out;
}

/** Runs `sql` as postgres (the query must return columns bucket, path, content_type and optionally label),
 *  and uploads a generated sample for every listed object not yet in storage.objects. Idempotent. */
export async function seedSampleFiles(stack: { apiUrl: string; dbUrl: string; config: { serviceRoleKey: string } },
                                      sql: string): Promise<PutResult> {
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  let listed: SeedFile[];
  let existing: Set<string>;
  try {
    const { rows } = await db.query<{ bucket: string; path: string; content_type: string; label?: string | null }>(sql);
    listed = rows.map((r) => ({ bucket: r.bucket, path: r.path, contentType: r.content_type, label: r.label ?? undefined }));
    const found = await db.query<{ k: string }>(
      `select o.bucket_id || '/' || o.name as k from storage.objects o
       join unnest($1::text[], $2::text[]) as l(bucket, name) on o.bucket_id = l.bucket and o.name = l.name`,
      [listed.map((f) => f.bucket), listed.map((f) => f.path)],
    );
    existing = new Set(found.rows.map((r) => r.k));
  } finally {
    await db.end();
  }
  const missing = listed.filter((f) => !existing.has(`${f.bucket}/${f.path}`));
  const put = await putFiles({ apiUrl: stack.apiUrl, serviceRoleKey: stack.config.serviceRoleKey }, missing);
  return { uploaded: put.uploaded, skipped: [...listed.filter((f) => existing.has(`${f.bucket}/${f.path}`)).map((f) => `${f.bucket}/${f.path}`), ...put.skipped] };
}

/** A small valid file of the given type showing `label`: a one-page PDF (label in ASCII; other characters
 *  become '?', as the standard PDF fonts have no CJK glyphs), a PNG (a coloured card derived from the label),
 *  a JPEG (a grey card derived from the label), or for any other type the label as UTF-8 text. The same label gives the same bytes. */
export function sampleFile(contentType: string, label: string): Buffer {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type === "application/pdf") return samplePdf(label);
  if (type === "image/png") return samplePng(label);
  if (type === "image/jpeg" || type === "image/jpg") return sampleJpeg(label);
  return Buffer.from(`${label}\n`, "utf8");
}

function labelHash(label: string): number {
  let hash = 0;
  for (const ch of label) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash;
}

function samplePdf(label: string): Buffer {
  const text = label.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 18 Tf 72 720 Td (${text}) Tj 0 -28 Td /F1 11 Tf (Sample file - local demo data) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function samplePng(label: string): Buffer {
  const w = 160;
  const h = 100;
  const hash = labelHash(label);
  const [r, g, b] = [96 + (hash & 0x7f), 96 + ((hash >> 8) & 0x7f), 96 + ((hash >> 16) & 0x7f)];
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      const border = x < 4 || y < 4 || x >= w - 4 || y >= h - 4;
      row[1 + x * 3] = border ? 40 : r;
      row[2 + x * 3] = border ? 40 : g;
      row[3 + x * 3] = border ? 40 : b;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A baseline JPEG of one grey level: every 8×8 block has only a DC coefficient (quantisation 1), coded with
 *  two tiny Huffman tables (DC: category 0 → "0", the first block's category → "10"; AC: end-of-block → "0"). */
function sampleJpeg(label: string): Buffer {
  const w = 160;
  const h = 96;
  const grey = 80 + (labelHash(label) % 96);
  const dc = 8 * (grey - 128); // F(0,0) of a flat block after the level shift
  const cat = dc === 0 ? 0 : Math.floor(Math.log2(Math.abs(dc))) + 1;
  const seg = (marker: number, data: number[]) => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
  const bits: number[] = [];
  const put = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits.push((value >> i) & 1);
  };
  const blocks = (w / 8) * (h / 8);
  for (let i = 0; i < blocks; i++) {
    if (i === 0 && cat > 0) {
      put(0b10, 2);
      put(dc > 0 ? dc : dc + (1 << cat) - 1, cat);
    } else put(0, 1);
    put(0, 1); // end of block
  }
  while (bits.length % 8) bits.push(1);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0);
    data.push(byte);
    if (byte === 0xff) data.push(0);
  }
  const huff = (tc: number, counts: number[], values: number[]) => {
    const c = new Array(16).fill(0);
    counts.forEach((n, i) => (c[i] = n));
    return [tc, ...c, ...values];
  };
  return Buffer.from([
    0xff, 0xd8,
    ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...seg(0xdb, [0, ...new Array(64).fill(1)]),
    ...seg(0xc0, [8, h >> 8, h & 0xff, w >> 8, w & 0xff, 1, 1, 0x11, 0]),
    ...seg(0xc4, cat > 0 ? huff(0x00, [1, 1], [0, cat]) : huff(0x00, [1], [0])),
    ...seg(0xc4, huff(0x10, [1], [0])),
    ...seg(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...data,
    0xff, 0xd9,
  ]);
}
