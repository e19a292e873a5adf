// Helpers for the auth tests: the local mailbox (Mailpit's API shape), following an emailed link
// as a browser would, and raw requests from another loopback address (the rate limiter keys on it).
import http from "node:http";
import { inject } from "vitest";
import { loadSettings } from "../../supabase/local/settings.ts";
import { client, service } from "./helpers.ts";

export const settings = loadSettings();
export const APP = "http://127.0.0.1:5173";

export interface MailSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
}

export async function mailsTo(email: string): Promise<MailSummary[]> {
  const r = await fetch(`${inject("mailboxUrl")}/api/v1/search?query=${encodeURIComponent(`to:${email}`)}`);
  return ((await r.json()) as { messages: MailSummary[] }).messages;
}

export async function mail(id: string): Promise<{ Subject: string; Text: string; HTML: string; Headers?: Record<string, string> }> {
  return (await fetch(`${inject("mailboxUrl")}/api/v1/message/${id}`)).json();
}

/** The newest email to an address. Waits up to 5 s: a recovery email is sent after the answer. */
export async function latestMail(email: string): Promise<{ Subject: string; Text: string; HTML: string; link: string; code: string }> {
  let [m] = await mailsTo(email);
  for (let i = 0; !m && i < 50; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    [m] = await mailsTo(email);
  }
  if (!m) throw new Error(`no email to ${email}`);
  const full = await mail(m.ID);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/auth\/v1\/verify\?\S+)/.exec(full.Text)?.[1];
  const code = full.Headers?.["X-Local-Otp"]; // the app offers no code entry: the email shows only the link
  if (!link || !code) throw new Error(`no link in the email to ${email}`);
  return { ...full, link, code };
}

/** Opens an emailed link without following the redirect; returns where it sends the browser. */
export async function openLink(link: string): Promise<{ status: number; base: string; fragment: URLSearchParams }> {
  const r = await fetch(link, { redirect: "manual" });
  const location = r.headers.get("location") ?? "";
  const [base, hash = ""] = location.split("#");
  return { status: r.status, base, fragment: new URLSearchParams(hash) };
}

/** A signed-in supabase-js client from the session an emailed link put in the URL fragment. */
export async function sessionFrom(fragment: URLSearchParams) {
  const sb = client();
  const { error } = await sb.auth.setSession({ access_token: fragment.get("access_token")!, refresh_token: fragment.get("refresh_token")! });
  if (error) throw error;
  return sb;
}

export async function signIn(email: string, password: string) {
  const sb = client();
  const { error } = await sb.auth.signInWithPassword({ email, password });
  return { sb, error };
}

/** An account made with the admin API (sign-up is off). */
export async function account(email: string, password: string, confirmed: boolean): Promise<string> {
  const { data, error } = await service().auth.admin.createUser({ email, password, email_confirm: confirmed });
  if (error) throw error;
  return data.user.id;
}

/** GoTrue keeps at most one email per address per max_frequency. */
export const mailGap = () => new Promise((r) => setTimeout(r, settings.auth.maxFrequency * 1000 + 100));

/** A raw JSON request to the gateway from a chosen loopback source address. */
export function request(
  method: string,
  path: string,
  body: string | Buffer | undefined,
  opts: { from?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const url = new URL(path, inject("apiUrl"));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: opts.from,
        agent: false,
        headers: { apikey: inject("anonKey"), "content-type": "application/json", ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: Record<string, unknown>;
          try {
            json = text ? JSON.parse(text) : {};
          } catch {
            json = { text };
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
