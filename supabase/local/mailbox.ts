// The local mailbox: every email the local auth sends lands here instead of going out, as the
// Supabase CLI's Mailpit (formerly Inbucket) catches them on port 54324. Messages are kept as JSON
// files under the stack's data directory. A person opens http://127.0.0.1:54324 to read them and
// click their links; tests read the same JSON API as Mailpit's (/api/v1/messages, /api/v1/message/{ID}).
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

export interface Address {
  Name: string;
  Address: string;
}

export interface Message {
  ID: string;
  MessageID: string;
  Read: boolean;
  From: Address;
  To: Address[];
  Subject: string;
  Created: string;
  Text: string;
  HTML: string;
  Size: number;
  Headers?: Record<string, string>;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** extra headers, e.g. X-Local-Otp: the one-time code the link carries, for tests (never shown) */
  headers?: Record<string, string>;
}

export const SENDER: Address = { Name: "银龄志愿服务 Silver Volunteers", Address: "noreply@silver-volunteers.local" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The district's clock (Asia/Shanghai), as every screen of the product shows time. */
function shanghai(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

function summary(m: Message) {
  const { Text, HTML: _html, ...rest } = m;
  return { ...rest, Cc: [], Bcc: [], ReplyTo: [], Tags: [], Attachments: 0, Snippet: Text.replace(/\s+/g, " ").slice(0, 250) };
}

export class Mailbox {
  private readonly dir: string;
  private server?: http.Server;
  port = 0;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, "mailbox");
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** Stores a message (what the auth calls instead of SMTP). */
  deliver(mail: OutgoingMail): Message {
    const now = new Date();
    const id = `${now.getTime().toString(36).padStart(9, "0")}${crypto.randomBytes(6).toString("hex")}`;
    const m: Message = {
      ID: id,
      MessageID: `${id}@silver-volunteers.local`,
      Read: false,
      From: SENDER,
      To: [{ Name: "", Address: mail.to }],
      Subject: mail.subject,
      Created: now.toISOString(),
      Text: mail.text,
      HTML: mail.html,
      Size: Buffer.byteLength(mail.text) + Buffer.byteLength(mail.html),
      ...(mail.headers ? { Headers: mail.headers } : {}),
    };
    fs.writeFileSync(path.join(this.dir, `${id}.json`), JSON.stringify(m));
    return m;
  }

  /** Newest first. */
  list(): Message[] {
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .reverse()
      .map((f) => this.read(f.slice(0, -5)))
      .filter((m): m is Message => m !== undefined);
  }

  read(id: string): Message | undefined {
    if (!/^[a-z0-9]+$/.test(id)) return undefined;
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir, `${id}.json`), "utf8")) as Message;
    } catch {
      return undefined;
    }
  }

  private markRead(m: Message) {
    if (m.Read) return;
    m.Read = true;
    fs.writeFileSync(path.join(this.dir, `${m.ID}.json`), JSON.stringify(m));
  }

  deleteAll() {
    for (const f of fs.readdirSync(this.dir)) if (f.endsWith(".json")) fs.rmSync(path.join(this.dir, f), { force: true });
  }

  /** Mailpit's search supports more; here: `to:addr`, `subject:word` and plain words. */
  search(query: string): Message[] {
    const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return this.list().filter((m) =>
      terms.every((t) => {
        if (t.startsWith("to:")) return m.To.some((a) => a.Address.toLowerCase() === t.slice(3).replace(/^"|"$/g, ""));
        if (t.startsWith("subject:")) return m.Subject.toLowerCase().includes(t.slice(8));
        return `${m.Subject} ${m.Text}`.toLowerCase().includes(t);
      }),
    );
  }

  async listen(port: number): Promise<number> {
    this.server = http.createServer((req, res) => {
      try {
        this.route(req, res);
      } catch (e) {
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ message: String(e) }));
      }
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", (e: NodeJS.ErrnoException) =>
        reject(e.code === "EADDRINUSE" ? new Error(`mailbox port ${port} is in use (set SUPABASE_MAILBOX_PORT or [local_smtp] port)`) : e),
      );
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  async close() {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((r) => this.server!.close(r));
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://mailbox");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" });
      res.end(JSON.stringify(body));
    };
    const page = (status: number, body: string) => {
      res.writeHead(status, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end(body);
    };
    const p = url.pathname;
    const method = req.method ?? "GET";
    if ((p === "/api/v1/messages" || p === "/api/v1/search") && method === "GET") {
      const all = p === "/api/v1/search" ? this.search(url.searchParams.get("query") ?? "") : this.list();
      const start = Math.max(0, Number(url.searchParams.get("start") ?? 0) || 0);
      const limit = Math.max(1, Math.min(1000, Number(url.searchParams.get("limit") ?? 50) || 50));
      const messages = all.slice(start, start + limit).map(summary);
      return json(200, {
        total: all.length,
        unread: all.filter((m) => !m.Read).length,
        count: messages.length,
        messages_count: all.length,
        start,
        tags: [],
        messages,
      });
    }
    if (p === "/api/v1/messages" && method === "DELETE") {
      this.deleteAll();
      return json(200, "ok");
    }
    const one = /^\/api\/v1\/message\/([A-Za-z0-9]+)$/.exec(p);
    if (one && method === "GET") {
      const m = one[1] === "latest" ? this.list()[0] : this.read(one[1]);
      if (!m) return json(404, { message: "message not found" });
      this.markRead(m);
      return json(200, {
        ...m,
        Cc: [],
        Bcc: [],
        ReplyTo: [],
        ReturnPath: m.From.Address,
        Date: m.Created,
        Tags: [],
        Inline: [],
        Attachments: [],
      });
    }
    const view = /^\/view\/([A-Za-z0-9]+)(\.html)?$/.exec(p);
    if (view && method === "GET") {
      const m = this.read(view[1]);
      if (!m) return page(404, "<p>邮件不存在 / message not found</p>");
      this.markRead(m);
      return page(200, this.messagePage(m));
    }
    if (p === "/" && method === "GET") return page(200, this.listPage());
    return json(404, { message: "not found" });
  }

  private shell(title: string, body: string) {
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f5f5f5;color:#222;font-size:16px}
a{color:#0958d9}header{background:#0958d9;color:#fff;padding:12px 20px}header a{color:#fff}
main{max-width:900px;margin:0 auto;padding:16px}table{width:100%;border-collapse:collapse;background:#fff}
td,th{padding:10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top;overflow-wrap:anywhere}tr.unread td{font-weight:600}
.mail{background:#fff;padding:16px;overflow-wrap:anywhere}.meta{color:#595959;font-size:14px;margin-bottom:12px}pre{white-space:pre-wrap}
@media (max-width:600px){main{padding:8px}thead{display:none}table,tbody,tr,td{display:block}
tr{border-bottom:1px solid #ddd;padding:6px 0}td{border:0;padding:4px 10px}.mail{padding:12px}}
</style></head><body><header><a href="/">本地邮箱 Local mailbox</a> — 本地 Supabase 发送的全部邮件 / every email the local stack sent</header><main>${body}</main></body></html>`;
  }

  private listPage() {
    const rows = this.list()
      .map(
        (m) =>
          `<tr class="${m.Read ? "" : "unread"}"><td>${escapeHtml(shanghai(m.Created))}</td>` +
          `<td>${escapeHtml(m.To.map((a) => a.Address).join(", "))}</td><td><a href="/view/${m.ID}">${escapeHtml(m.Subject)}</a></td></tr>`,
      )
      .join("");
    return this.shell(
      "本地邮箱 Local mailbox",
      rows
        ? `<table><thead><tr><th>时间 Time</th><th>收件人 To</th><th>主题 Subject</th></tr></thead><tbody>${rows}</tbody></table>`
        : "<p>还没有邮件。/ No messages yet.</p>",
    );
  }

  private messagePage(m: Message) {
    return this.shell(
      m.Subject,
      `<div class="mail"><h2>${escapeHtml(m.Subject)}</h2><div class="meta">发件人 From: ${escapeHtml(`${m.From.Name} <${m.From.Address}>`)}<br>` +
        `收件人 To: ${escapeHtml(m.To.map((a) => a.Address).join(", "))}<br>时间 Date: ${escapeHtml(shanghai(m.Created))}</div>${m.HTML}</div>`,
    );
  }
}
