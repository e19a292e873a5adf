// Every page for every role, at 390×844 and 1440×900, in zh-CN and English: nothing scrolls sideways, no
// console or page error, no raw key or error code, no Chinese UI text in English mode, axe-core without serious
// or critical violations, one h1 and a main landmark; the main dialog of a page checked on the phone.
// Screenshots go to test-results/screens/<role>/<lang>-<width>/<page>.png; each test's findings to
// test-results/sweep/<role>-<lang>-<width>.json (scripts/sweep-summary.ts turns them into one report).
// Fast on 2 cores: one sign-in per role (a session put into localStorage), the language set in localStorage
// before the app loads, and one page reused: after the first load it navigates inside the app.
import { expect, test, type Browser, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DB_URL } from "./helpers";
import { axe, loadDataRuns, overflow, rawText, settle, structure, type Finding } from "./sweep-checks";

const BASE = Number(process.env.E2E_STACK_PORT_BASE ?? 26421);
const API = `http://127.0.0.1:${BASE}`;
const ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";
const PASSWORD = "demo123456";
const WIDTHS = [{ width: 390, height: 844 }, { width: 1440, height: 900 }] as const;
const LANGS = ["zh-CN", "en"] as const;
type Lang = (typeof LANGS)[number];

type Role = "org" | "street" | "community" | "leader" | "finance" | "public";
const EMAIL: Record<Exclude<Role, "public">, string> = {
  org: "org@demo.local",
  street: "street@demo.local",
  community: "community@demo.local", // made in beforeAll: the seed has no community admin
  leader: "leader@demo.local",
  finance: "finance@demo.local",
};

interface Ids {
  team: number; volunteer: string; starAward: number | null; application: number | null; grant: number | null;
  partner: number | null; paidTranche: number | null;
}

/** A page to visit: its name in file names, its path, and the button that opens its main dialog. */
interface Target { name: string; path: string; dialog?: RegExp }

/** A button by its name, after the icon's name antd puts first ("plus 登记服务"). */
const opener = (names: string) => new RegExp(`^(?:[a-z-]+ )?(?:${names})$`);
const RECORD = opener("登\\s?记服务|Record service");
const targets = (role: Role, ids: Ids): Target[] => {
  if (role === "public") return ["login", "forgot-password", "reset-password", "accept-invite", "notice"].map((p) => ({ name: p, path: `/${p}` }));
  const admin = role === "org" || role === "street" || role === "community";
  const list: Target[] = [
    { name: "home", path: "/", dialog: role === "leader" ? RECORD : undefined },
    { name: "org-units", path: "/org-units" },
    { name: "teams", path: "/teams" },
    { name: "roster", path: `/teams/${ids.team}`, dialog: opener("添加成员|Add member") },
    { name: "service", path: "/service", dialog: RECORD },
    { name: "stars", path: "/stars" },
    { name: "rewards", path: "/rewards", dialog: opener("兑\\s?换|Redeem|新增兑换项目|Add reward") },
    { name: "passbook", path: `/passbook/${ids.volunteer}`, dialog: opener("兑\\s?换|Redeem") },
    { name: "ratings", path: "/ratings", dialog: opener("新建轮次|New round|自\\s?评|Self-assess") },
    { name: "honours", path: "/honours" },
    { name: "role-models", path: "/role-models", dialog: opener("新增榜样|Add role model") },
    { name: "account", path: "/account" },
  ];
  if (ids.starAward) list.push({ name: "certificate", path: `/certificates/star/${ids.starAward}` });
  // the grant workflow: an application in its notice and a grant of leader@'s team (every role's scope holds it)
  list.push({ name: "grant-applications", path: "/grant-applications" }, { name: "grants", path: "/grants" });
  if (role === "leader") list.push({ name: "grant-apply", path: "/grant-applications/create" });
  if (ids.application) list.push({ name: "grant-application", path: `/grant-applications/${ids.application}`, dialog: opener("登记异议|Record objection|撤回申报|Withdraw") });
  if (ids.grant) list.push({ name: "grant", path: `/grants/${ids.grant}`, dialog: opener("添加拨付计划|Schedule a tranche|上传凭证|Upload voucher") });
  if (admin || role === "finance") list.push({ name: "volunteers", path: "/volunteers" }, { name: "volunteer-show", path: `/volunteers/show/${ids.volunteer}` });
  if (admin) {
    list.push({ name: "volunteer-create", path: "/volunteers/create" }, { name: "volunteer-edit", path: `/volunteers/edit/${ids.volunteer}` });
    list.push({ name: "staff", path: "/staff", dialog: opener("邀请 / 授权|Invite / grant") });
  }
  // 经费 (issue 9): finance keeps the money, the organisation department reads it
  if (role === "finance" || role === "org") {
    const keeps = role === "finance";
    list.push(
      { name: "finance", path: "/finance" },
      { name: "fund-sources", path: "/funds/sources", dialog: keeps ? opener("新增来源|Add source") : undefined },
      { name: "budget-lines", path: "/funds/lines", dialog: keeps ? opener("新增科目|Add line") : undefined },
      { name: "fund-ledger", path: "/funds/ledger" },
      { name: "finance-accounts", path: "/finance/accounts" },
      { name: "finance-tilt", path: "/finance/tilt" },
    );
    if (ids.partner) list.push({ name: "partner-statement", path: `/finance/partners/${ids.partner}` });
    if (ids.paidTranche) list.push({ name: "tranche-notice", path: `/finance/tranches/${ids.paidTranche}/notice` });
  }
  return list;
};

let ids: Ids;
let dataRuns: Set<string>;
const sessions = new Map<Role, string>();
const started = Date.now();

test.describe.configure({ mode: "parallel" });

test.beforeAll(async () => {
  if (ids) return;
  // one connection, not helpers' sql(): the advisory lock below is held to the commit
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  try {
    // Both workers run this; one at a time (a lock held to the commit), so the second sees the first's rows.
    await db.query("begin");
    await db.query("select pg_advisory_xact_lock(hashtext('sweep-community-account'))");
    // A community admin over 宁夏路社区 (101), the community of leader@'s team, made as the seed makes its accounts.
    // Its id is one the seed does not use (the funds seed gave …0005–…0009 to org2@, leader2@, finance2@ …).
    await db.query(`insert into public.role_grants (email, role, org_unit_id, note)
                    select 'community@demo.local', 'community_admin', 101, '宁夏路社区管理员'
                     where not exists (select 1 from public.role_grants where email = 'community@demo.local')`);
    await db.query(`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                      raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
                    select '00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-0000000000c1', 'authenticated', 'authenticated',
                      'community@demo.local', extensions.crypt($1, extensions.gen_salt('bf', 10)), now(),
                      '{"provider":"email","providers":["email"]}', '{"display_name":"宁夏路社区 陈主任"}', now(), now()
                     where not exists (select 1 from auth.users where email = 'community@demo.local')`, [PASSWORD]);
    await db.query("commit");
    // A member of leader@'s team who lives in community 101 (so every role sees them), preferring one with a certificate.
    const r = await db.query<{ volunteer: string; star: string | null }>(`
      select v.id as volunteer, (select sa.id from public.star_awards sa where sa.volunteer_id = v.id and sa.status = 'confirmed' limit 1) as star
        from public.team_memberships m join public.volunteers v on v.id = m.volunteer_id
       where m.team_id = 1001 and m.left_on is null and v.home_community_id = 101
       order by (select count(*) from public.star_awards sa where sa.volunteer_id = v.id and sa.status = 'confirmed') desc, v.id
       limit 1`);
    const grantIds = await db.query<{ application: string | null; grant: string | null }>(`
      select (select a.id from public.grant_applications a where a.team_id = 1001 order by a.status = 'in_notice' desc, a.id limit 1) as application,
             (select g.id from public.grants g where g.team_id = 1001 order by g.id limit 1) as grant`);
    const g = grantIds.rows[0];
    ids = {
      team: 1001, volunteer: r.rows[0].volunteer, starAward: r.rows[0].star ? Number(r.rows[0].star) : null,
      application: g?.application ? Number(g.application) : null, grant: g?.grant ? Number(g.grant) : null,
      partner: null, paidTranche: null,
    };
    // an alliance member with money this year and a paid tranche (the finance pages' statement and 拨款通知单)
    const money = await db.query<{ partner: string | null; tranche: string | null }>(`
      select (select s.partner_id from public.fund_sources s where s.partner_id is not null order by s.fiscal_year desc, s.id limit 1) as partner,
             (select t.id from public.grant_tranches t where t.status = 'paid' order by t.id limit 1) as tranche`);
    ids.partner = money.rows[0].partner ? Number(money.rows[0].partner) : null;
    ids.paidTranche = money.rows[0].tranche ? Number(money.rows[0].tranche) : null;
  } finally {
    await db.end();
  }
  dataRuns = await loadDataRuns(DB_URL);
});

/** The signed-in session as supabase-js keeps it in localStorage (one password sign-in per role and worker). */
async function session(role: Role): Promise<string> {
  if (!sessions.has(role)) {
    const res = await fetch(`${API}/auth/v1/token?grant_type=password`, {
      method: "POST",
      headers: { apikey: ANON_KEY, "content-type": "application/json" },
      body: JSON.stringify({ email: EMAIL[role as Exclude<Role, "public">], password: PASSWORD }),
    });
    expect(res.status, `sign-in of ${role}`).toBe(200);
    const s = (await res.json()) as { expires_in: number; expires_at?: number };
    sessions.set(role, JSON.stringify({ ...s, expires_at: s.expires_at ?? Math.floor(Date.now() / 1000) + s.expires_in }));
  }
  return sessions.get(role)!;
}

async function openContext(browser: Browser, baseURL: string, role: Role, lang: Lang, viewport: { width: number; height: number }) {
  const storage = role === "public" ? [] : [{ name: "sb-127-auth-token", value: await session(role) }];
  const context = await browser.newContext({
    baseURL, reducedMotion: "reduce", locale: lang === "en" ? "en-US" : "zh-CN", viewport,
    storageState: { cookies: [], origins: [{ origin: baseURL, localStorage: [...storage, { name: "locale", value: lang }] }] },
  });
  const page = await context.newPage();
  const inflight = { n: 0, last: Date.now() };
  const done = () => { inflight.n = Math.max(0, inflight.n - 1); inflight.last = Date.now(); };
  page.on("request", () => { inflight.n++; inflight.last = Date.now(); });
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // a failed request's message names no URL; its location does
    const url = /Failed to load resource/.test(m.text()) ? ` ${m.location().url.replace(/^https?:\/\/[^/]+/, "")}` : "";
    errors.push(`console: ${m.text().replace(/\s+/g, " ").slice(0, 300)}${url.slice(0, 200)}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message.slice(0, 300)}`));
  return { context, page, inflight, errors };
}

/** Client-side navigation (no reload): React Router follows popstate. The old page's elements are marked
 *  first, so the wait can tell when the new route has put something of its own on the screen. */
async function navigate(page: Page, to: string, inflight: { last: number }) {
  await page.evaluate((p) => {
    document.querySelectorAll("main *").forEach((e) => e.setAttribute("data-sweep-old", ""));
    window.history.pushState({}, "", p);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, to);
  inflight.last = Date.now();
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return !main || main.querySelector(":not([data-sweep-old])") !== null || main.children.length === 0;
  }, undefined, { timeout: 10_000, polling: 50 }).catch(() => undefined);
}

async function checkDialog(page: Page, opener: RegExp, inflight: { n: number; last: number }, shot: string): Promise<Finding[]> {
  const button = page.getByRole("button", { name: opener }).filter({ visible: true }).first();
  if (!(await button.count())) return [];
  await button.click();
  const dialog = page.locator(".ant-modal-wrap:visible .ant-modal, .ant-drawer-open .ant-drawer-content").first();
  try {
    await dialog.waitFor({ state: "visible", timeout: 4000 });
  } catch {
    return [{ check: "dialog", detail: `"${opener.source}" opened no dialog` }];
  }
  await settle(page, inflight);
  await page.waitForTimeout(50);
  const out: Finding[] = [];
  // the dialog itself must fit (the page behind it is checked on its own)
  out.push(...(await overflow(page, ".ant-modal-wrap:not([style*='display: none']), .ant-drawer-open")).map((f) => ({ ...f, detail: `dialog: ${f.detail}` })));
  const ok = dialog.locator(".ant-modal-footer .ant-btn-primary, .ant-drawer-footer .ant-btn-primary").last();
  if (await ok.count()) {
    const box = await ok.boundingBox();
    const vp = page.viewportSize()!;
    if (!box || box.y < 0 || box.y + box.height > vp.height || box.x < 0 || box.x + box.width > vp.width)
      out.push({ check: "dialog", detail: `OK button not inside the viewport (${box ? `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}` : "no box"})` });
  } else out.push({ check: "dialog", detail: "no primary (OK) button in the dialog footer" });
  out.push(...(await axe(page, ".ant-modal-wrap, .ant-drawer")).map((f) => ({ ...f, detail: `dialog: ${f.detail}` })));
  await page.screenshot({ path: shot });
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden", timeout: 3000 }).catch(() => undefined);
  return out;
}

const ROLES: Role[] = ["public", "org", "street", "community", "leader", "finance"];

for (const role of ROLES) {
  for (const lang of LANGS) {
    for (const size of WIDTHS) {
      test(`sweep: ${role} in ${lang} at ${size.width}`, async ({ browser, baseURL }) => {
        test.setTimeout(600_000); // a busy shared machine; a quiet 2-core runner needs a fraction of it
        const out = `test-results/sweep/${role}-${lang}-${size.width}.json`;
        fs.mkdirSync("test-results/sweep", { recursive: true });
        const results: { page: string; width: number; path: string; ms: number; findings: Finding[] }[] = [];
        const { context, page, inflight, errors } = await openContext(browser, baseURL!, role, lang, size);
        const dir = path.join("test-results", "screens", role, `${lang}-${size.width}`);
        fs.mkdirSync(dir, { recursive: true });
        let loaded = false;
        for (const target of targets(role, ids)) {
          const start = Date.now();
          errors.length = 0;
          const findings: Finding[] = [];
          // public pages are loaded fresh (the signed-out app redirects); signed-in pages after the first load navigate in the app
          if (!loaded || role === "public") {
            await page.goto(target.path);
            // the frame is loaded lazily: on a busy machine the network can be quiet before it asks for it
            await page.locator("main").first().waitFor({ timeout: 15_000 }).catch(() => undefined);
            loaded = true;
          } else await navigate(page, target.path, inflight);
          await settle(page, inflight);
          const landed = decodeURI(new URL(page.url()).pathname);
          if (landed !== target.path) findings.push({ check: "load", detail: `ended at ${landed}` });
          findings.push(...(await overflow(page)));
          findings.push(...(await structure(page)));
          findings.push(...(await rawText(page, lang, dataRuns)));
          findings.push(...(await axe(page)));
          await page.screenshot({ path: path.join(dir, `${target.name}.png`), fullPage: true });
          if (target.dialog && size.width === 390) findings.push(...(await checkDialog(page, target.dialog, inflight, path.join(dir, `${target.name}-dialog.png`))));
          findings.push(...errors.map((e) => ({ check: "console" as const, detail: e })));
          results.push({ page: target.name, width: size.width, path: target.path, ms: Date.now() - start, findings });
          fs.writeFileSync(out, JSON.stringify(results, null, 1)); // after every page, so a timeout still leaves a report
          expect.soft(findings.map((f) => `${f.check}: ${f.detail}`), `${role} ${lang} ${size.width} ${target.path}`).toEqual([]);
        }
        await context.close();
        const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3).map((r) => `${r.page} ${(r.ms / 1000).toFixed(1)} s`).join(", ");
        console.log(`sweep ${role} ${lang} ${size.width}: ${results.length} pages, ${results.reduce((n, r) => n + r.findings.length, 0)} findings, `
          + `${(results.reduce((n, r) => n + r.ms, 0) / 1000).toFixed(0)} s (slowest: ${slowest}); ${((Date.now() - started) / 1000).toFixed(0)} s since the sweep started`);
      });
    }
  }
}
