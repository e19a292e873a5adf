// The checks the page sweep (sweep.spec.ts) runs on every page: sideways overflow, console errors, raw keys
// and error codes, Chinese UI text in English mode, axe-core, one h1 and a main landmark. Each returns
// findings as plain strings so one page can report every problem at once.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import pg from "pg";
import zhCN from "../../src/locales/zh-CN";

export type Check = "overflow" | "console" | "raw-key" | "chinese-in-en" | "axe" | "h1" | "main" | "dialog" | "load";

export interface Finding {
  check: Check;
  detail: string;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** Han runs of every string the zh-CN locale file holds: seen in English mode they are untranslated UI. */
export const ZH_UI_RUNS: ReadonlySet<string> = (() => {
  const runs = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string") for (const m of v.match(HAN) ?? []) runs.add(m);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(zhCN);
  // antd's own Chinese strings (pagination, pickers, empty states, modal buttons)
  for (const s of ["条/页", "共", "条", "跳至", "页", "确定", "确 定", "取消", "取 消", "暂无数据", "请选择", "搜索", "今天", "此刻", "重置", "筛选", "升序", "降序"]) runs.add(s.replace(/\s/g, ""));
  return runs;
})();

/** Language names shown in their own language by a language switch. */
const OWN_NAME_OF_LANGUAGE = new Set(["中文", "简体中文", "汉语"]);

/** Every Han run stored in the database's text: names, places, activities, notes — data, allowed in English mode. */
export async function loadDataRuns(dbUrl: string): Promise<Set<string>> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const cols = await db.query<{ table_schema: string; table_name: string; column_name: string }>(`
      select c.table_schema, c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t using (table_schema, table_name)
       where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
         and c.data_type in ('text', 'character varying', 'ARRAY', 'jsonb')`);
    const runs = new Set<string>();
    for (const c of cols.rows) {
      const r = await db.query<{ v: string }>(
        `select distinct "${c.column_name}"::text as v from "${c.table_schema}"."${c.table_name}" where "${c.column_name}"::text ~ '[一-龥]' limit 20000`);
      for (const { v } of r.rows) for (const m of v.match(HAN) ?? []) runs.add(m);
    }
    const users = await db.query<{ v: string }>(`select raw_user_meta_data->>'display_name' as v from auth.users where raw_user_meta_data ? 'display_name'`);
    for (const { v } of users.rows) for (const m of v?.match(HAN) ?? []) runs.add(m);
    return runs;
  } finally {
    await db.end();
  }
}

/** Waits until the page has had no request in flight for `quietMs` and shows no spinner, skeleton, loading
 *  button or primary button still disabled while its form loads (a form still loading is not what is read). */
export async function settle(page: Page, inflight: { n: number; last: number }, quietMs = 250, maxMs = 12_000) {
  const start = Date.now();
  for (;;) {
    const quiet = inflight.n === 0 && Date.now() - inflight.last >= quietMs;
    if (quiet) {
      const busy = await page.evaluate(() =>
        [...document.querySelectorAll(".ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin, .ant-btn-loading, main .ant-btn-primary:disabled")]
          .some((e) => (e as HTMLElement).checkVisibility?.() ?? true)).catch(() => true);
      if (!busy) return;
    }
    if (Date.now() - start > maxMs) return;
    await page.waitForTimeout(50);
  }
}

/** Horizontal overflow of the document, naming the widest element that pokes out of the viewport. */
export async function overflow(page: Page, within?: string): Promise<Finding[]> {
  const r = await page.evaluate((sel) => {
    const vw = window.innerWidth;
    const sw = document.scrollingElement!.scrollWidth;
    const describe = (e: Element) => {
      const id = e.id ? `#${e.id}` : "";
      const tid = e.getAttribute("data-testid") ? `[data-testid=${e.getAttribute("data-testid")}]` : "";
      const cls = typeof e.className === "string" ? e.className.trim().split(/\s+/).filter((c) => c && !c.startsWith("css-")).slice(0, 3).map((c) => `.${c}`).join("") : "";
      const text = (e.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 30);
      return `${e.tagName.toLowerCase()}${id}${tid}${cls}${text ? ` "${text}"` : ""}`;
    };
    const root = sel ? document.querySelector(sel) : document.body;
    let worst: { right: number; what: string } | undefined;
    // an element pokes out when it ends past the viewport while its parent does not (the parent is not the culprit)
    for (const e of root ? root.querySelectorAll("*") : []) {
      const rect = e.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= vw + 1) continue;
      const p = e.parentElement;
      if (p && p.getBoundingClientRect().right > vw + 1) continue;
      // inside a container that scrolls or clips sideways, it cannot widen the page
      let clipped = false;
      for (let a = p; a && a !== document.body; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox !== "visible") { clipped = a.getBoundingClientRect().right <= vw + 1; break; }
      }
      if (clipped) continue;
      if (!worst || rect.right > worst.right) worst = { right: Math.round(rect.right), what: describe(e) };
    }
    return { vw, sw, worst };
  }, within);
  if (within ? !r.worst : r.sw <= r.vw) return [];
  return [{ check: "overflow", detail: `scrollWidth ${r.sw} > ${r.vw}${r.worst ? `; widest: ${r.worst.what} (right edge ${r.worst.right} px)` : ""}` }];
}

/** `chinese`: inside an element marked lang="zh…" on purpose (the 人民币大写 of a 拨款通知单 is Chinese in any UI). */
interface TextSample { text: string; where: string; chinese?: boolean }

/** Visible text and the accessible strings (aria-label, placeholder, title, alt) of the page. */
async function visibleText(page: Page): Promise<TextSample[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string; chinese?: boolean }[] = [];
    const shown = (e: Element) => (e as HTMLElement).checkVisibility?.({ visibilityProperty: true, opacityProperty: false }) ?? true;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const t = n.textContent?.trim();
      if (!el || !t || el.closest("script, style, noscript") || !shown(el)) continue;
      out.push({ text: t, where: el.tagName.toLowerCase() + (el.closest("[data-testid]") ? `@${el.closest("[data-testid]")!.getAttribute("data-testid")}` : ""),
        chinese: el.closest("[lang]")?.getAttribute("lang")?.startsWith("zh") && el.closest("[lang]") !== document.documentElement });
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
      if (!shown(el)) continue;
      for (const a of ["aria-label", "placeholder", "title", "alt"]) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push({ text: v, where: `${el.tagName.toLowerCase()}[${a}]` });
      }
    }
    out.push({ text: document.title, where: "title" });
    return out;
  });
}

const SQLSTATE = /[（(]\s*(?:(?:0[89ABFLPZ]|2[0-8BDF]|3[489BDF]|4[024]|5[3-8]|72|F0|HV|P0|XX)[0-9A-Z]{3}|PGRST\d{3})\s*[)）]|\b(?:23505|23503|23502|23514|23P01|42501|42P01|42703|42883|22P02|22023|P0001|40001|40P01|57014|PGRST\d{3})\b/;
const I18N_KEY = /\b[a-z][a-zA-Z]+(\.[a-zA-Z0-9_]+)+\b/g;
const DOUBLED = /\b([a-z][a-z0-9_]*)\.\1\b/;
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
const NOT_KEYS = /\S+@\S+|https?:\/\/\S+|\b\S+\.(?:png|jpe?g|svg|csv|xlsx?|pdf|json|js|css)\b|\b(?:e\.g|i\.e|etc)\b\.?/g;

const sortedRuns = new WeakMap<ReadonlySet<string>, string[]>();
/** A run cut short (an ellipsis made in code) is data when some data run starts with it. */
function isPrefixOfData(run: string, dataRuns: ReadonlySet<string>): boolean {
  let sorted = sortedRuns.get(dataRuns);
  if (!sorted) sortedRuns.set(dataRuns, (sorted = [...dataRuns].sort()));
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < run) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].startsWith(run);
}

/** Raw i18n keys, resource names and bare SQLSTATE codes in what the user sees or hears. */
export async function rawText(page: Page, lang: "zh-CN" | "en", dataRuns: ReadonlySet<string>): Promise<Finding[]> {
  const found = new Map<string, Finding>();
  const add = (f: Finding) => found.set(`${f.check}:${f.detail}`, f);
  for (const { text, where, chinese } of await visibleText(page)) {
    const clean = text.replace(NOT_KEYS, " ");
    for (const m of clean.match(I18N_KEY) ?? []) add({ check: "raw-key", detail: `"${m}" in ${where}` });
    const d = DOUBLED.exec(clean);
    if (d) add({ check: "raw-key", detail: `"${d[0]}" in ${where}` });
    for (const m of clean.match(SNAKE) ?? []) add({ check: "raw-key", detail: `identifier "${m}" in ${where}` });
    const s = SQLSTATE.exec(clean);
    if (s) add({ check: "raw-key", detail: `error code "${s[0]}" in ${where}: "${text.slice(0, 60)}"` });
    if (lang === "en" && !chinese) {
      for (const run of text.match(HAN) ?? []) {
        if (OWN_NAME_OF_LANGUAGE.has(run)) continue;
        // data: a run stored as such; or cut short (an ellipsis made in code, a surname on an avatar) unless it is UI wording
        if (dataRuns.has(run)) continue;
        const cut = (run.length >= 2 || text === run) && isPrefixOfData(run, dataRuns);
        if (ZH_UI_RUNS.has(run) || !cut) add({ check: "chinese-in-en", detail: `"${run}" in ${where}: "${text.slice(0, 50)}"` });
      }
    }
  }
  return [...found.values()];
}

/** axe-core with the WCAG 2.1 A/AA rules; serious and critical violations only. */
export async function axe(page: Page, include?: string): Promise<Finding[]> {
  // only violations are collected in full (passes and incomplete results cost time on big tables)
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).options({ resultTypes: ["violations"] });
  if (include) builder = builder.include(include);
  // colours are read as they settle: a button caught half-way through antd's transition from disabled to
  // enabled is not what anyone reads (finite animations only; a spinner never finishes)
  await page.evaluate(() => Promise.race([
    Promise.all(document.getAnimations()
      .filter((a) => a.effect?.getTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ]));
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      check: "axe" as const,
      detail: `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ").slice(0, 200)}`
        + (v.id === "color-contrast" ? ` — ${(v.nodes[0]?.any[0]?.message ?? "").replace(/\s+/g, " ").slice(0, 160)}` : ""),
    }));
}

/** Exactly one visible h1, and a main landmark. */
export async function structure(page: Page): Promise<Finding[]> {
  const r = await page.evaluate(() => ({
    h1: [...document.querySelectorAll("h1, [role=heading][aria-level='1']")].filter((e) => (e as HTMLElement).checkVisibility?.() ?? true)
      .map((e) => (e.textContent ?? "").trim().slice(0, 30)),
    h3: [...document.querySelectorAll(".ant-page-header-heading-title, h3")].map((e) => (e.textContent ?? "").trim().slice(0, 30)).slice(0, 2),
    main: document.querySelectorAll("main, [role=main]").length,
  }));
  const out: Finding[] = [];
  if (r.h1.length !== 1) out.push({ check: "h1", detail: `${r.h1.length} h1${r.h1.length ? `: ${r.h1.join(" | ")}` : r.h3.length ? ` (title rendered as: ${r.h3.join(" | ")})` : ""}` });
  if (r.main === 0) out.push({ check: "main", detail: "no <main> landmark" });
  return out;
}
