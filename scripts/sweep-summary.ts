// Summarises the page sweep's findings (test-results/sweep/*.json, written by tests/e2e/sweep.spec.ts) as
// Markdown grouped by owner, page and check, each finding once with the roles, languages and widths it was
// seen in. Usage: npx tsx scripts/sweep-summary.ts [folder, default test-results/sweep] > summary.md
import fs from "node:fs";
import path from "node:path";

interface Finding { check: string; detail: string }
interface Result { page: string; width: number; path: string; findings: Finding[] }

const dir = process.argv[2] ?? "test-results/sweep";
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")) : [];

/** Who fixes it: the division of issue 8 (leader's pages and flows, the frame and theme, every other page, data access). */
function owner(role: string, page: string, f: Finding): string {
  if (f.check === "console" && /status of (4|5)\d\d|PGRST|supabase|fetch/i.test(f.detail)) return "typed (data access)";
  if (f.check === "raw-key" && f.detail.endsWith(" in title")) return "shell (document title)";
  if (f.check === "axe" && /color-contrast/.test(f.detail) && !/recharts/.test(f.detail)) return "shell (theme/contrast)";
  if (f.check === "console" && /antd: (Menu|Drawer|Layout)|ThemedLayout|Sider/.test(f.detail)) return "shell (frame)";
  if (f.check === "overflow" && /large-text-toggle|ant-layout-header|app-header|current-user/.test(f.detail)) return "shell (frame)";
  if (role === "public" || page === "account") return "shell";
  if ((role === "leader" && page === "home") || page === "roster" || page === "passbook") return "leader";
  if (f.detail.startsWith("dialog:") && (page === "service" || page === "rewards")) return "leader (record/redeem dialog)";
  if (f.check === "dialog" && (page === "service" || page === "rewards")) return "leader (record/redeem dialog)";
  return "lists";
}

/** One line per kind of finding: ids that change from view to view are dropped. */
function normalise(detail: string): string {
  return detail
    .replace(/rc_select_\d+/g, "rc_select_N")
    .replace(/\(\w+, \d+×\)/g, (m) => m.replace(/\d+×/, "n×"))
    .replace(/\.css-[a-z0-9]+/g, "")
    .replace(/data-row-key="[^"]*"/g, 'data-row-key="…"')
    .replace(/scrollWidth \d+ > (\d+)/, "scrollWidth > $1")
    .replace(/\(right edge \d+ px\)/, "")
    .replace(/rc-tabs-\d+/g, "rc-tabs-N");
}

const groups = new Map<string, Map<string, Map<string, Set<string>>>>(); // owner → page → finding → where
let views = 0;
let clean = 0;
for (const file of files) {
  const [, role, lang] = /^(\w+)-(zh-CN|en)-\d+$/.exec(path.basename(file, ".json")) ?? [];
  if (!role) continue;
  for (const r of JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Result[]) {
    views++;
    if (r.findings.length === 0) clean++;
    for (const f of r.findings) {
      const o = owner(role, r.page, f);
      const pages = groups.get(o) ?? groups.set(o, new Map()).get(o)!;
      const key = r.page === "home" ? `home (${role === "leader" ? "leader home" : "dashboard"})` : r.page;
      const findings = pages.get(key) ?? pages.set(key, new Map()).get(key)!;
      const line = `${f.check}: ${normalise(f.detail)}`;
      const where = findings.get(line) ?? findings.set(line, new Set()).get(line)!;
      where.add(`${role}/${lang}/${r.width}`);
    }
  }
}

/** "org, street/en/390" style: the roles, languages and widths a finding was seen in, compressed. */
function compress(where: Set<string>): string {
  const all = [...where];
  const roles = [...new Set(all.map((w) => w.split("/")[0]))];
  const langs = [...new Set(all.map((w) => w.split("/")[1]))];
  const widths = [...new Set(all.map((w) => w.split("/")[2]))];
  const full = roles.length * langs.length * widths.length === all.length;
  return full ? `${roles.join(",")} · ${langs.join(",")} · ${widths.join(",")}` : all.sort().join(" ");
}

console.log(`${views} page views checked, ${clean} clean, ${views - clean} with findings.\n`);
for (const [o, pages] of [...groups].sort()) {
  const count = [...pages.values()].reduce((n, m) => n + m.size, 0);
  console.log(`### ${o} — ${count} distinct findings\n`);
  for (const [page, findings] of [...pages].sort()) {
    console.log(`- **${page}**`);
    for (const [line, where] of findings) console.log(`  - ${line.slice(0, 260)} — _${compress(where)}_`);
  }
  console.log("");
}
