// JavaScript each route makes the browser download, gzip-compressed as a web server would send it
// (issue 8: sign-in ≤ 250 kB, first dashboard ≤ 450 kB). Builds the app, serves it with `vite preview`,
// opens each route in Chromium as the role that would open it, and sums the gzip size of every script the
// page loaded. Prints figures, asserts nothing.
//   npx tsx tests/bench/bundle.ts          (own stack; BENCH_BUNDLE_PORT_BASE / BENCH_BUNDLE_WEB_PORT move it)
//   `npm run bench` calls measureBundle() with its running stack. BENCH_BUNDLE_FILES=1 lists each route's scripts.
import { chromium, type Browser } from "@playwright/test";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface RouteCase {
  label: string;
  path: string;
  /** demo account to sign in as first; none: not signed in */
  as?: string;
  /** a selector that shows the page has rendered */
  ready: string;
}

const ROUTES: RouteCase[] = [
  { label: "sign-in page", path: "/login", ready: "form" },
  { label: "first dashboard (org_admin)", path: "/", as: "org@demo.local", ready: ".recharts-surface" },
  { label: "first dashboard (street admin)", path: "/", as: "street@demo.local", ready: ".recharts-surface" },
  { label: "home (team leader)", path: "/", as: "leader@demo.local", ready: "main" },
  { label: "team roster (team leader)", path: "/teams/1001", as: "leader@demo.local", ready: "main .ant-card, main table, main .ant-list" },
  { label: "talent pool (org_admin)", path: "/volunteers", as: "org@demo.local", ready: "main table, main .ant-list" },
  { label: "account (finance)", path: "/account", as: "finance@demo.local", ready: "main form" },
];

const kB = (n: number) => `${(n / 1024).toFixed(1).padStart(7)} kB`;

async function waitForServer(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** Loads one route in a fresh context (empty cache) and returns the scripts it fetched from the app's origin. */
async function scriptsOf(browser: Browser, origin: string, outDir: string, c: RouteCase) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  if (c.as) {
    // Sign in as the login page does, then measure the route in a new page whose cache is cold.
    await page.goto(`${origin}/login`);
    await page.locator("#email, input[autocomplete=username]").first().fill(c.as);
    await page.locator("input[type=password]").first().fill("demo123456");
    await page.locator("form button[type=submit]").click();
    await page.waitForSelector("header", { timeout: 30_000 });
    await page.close();
  }
  const cdp = await context.newPage();
  const session = await context.newCDPSession(cdp);
  await session.send("Network.enable");
  await session.send("Network.setCacheDisabled", { cacheDisabled: true });
  const urls = new Set<string>();
  cdp.on("response", (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && u.pathname.endsWith(".js")) urls.add(u.pathname);
  });
  await cdp.goto(`${origin}${c.path}`);
  await cdp.waitForSelector(c.ready, { timeout: 30_000 });
  await cdp.waitForLoadState("networkidle");
  await context.close();
  let raw = 0;
  let gz = 0;
  const each: { name: string; gz: number }[] = [];
  for (const u of urls) {
    const file = fs.readFileSync(path.join(outDir, u));
    const z = zlib.gzipSync(file, { level: 6 }).length;
    raw += file.length;
    gz += z;
    each.push({ name: path.basename(u), gz: z });
  }
  return { files: urls.size, raw, gz, each: each.sort((a, b) => b.gz - a.gz) };
}

/** Builds with the stack's URL and key, serves the build, prints gzip JS per route. */
export async function measureBundle(stack: { apiUrl: string; anonKey: string }, webPort = Number(process.env.BENCH_BUNDLE_WEB_PORT ?? 27499)) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-bundle-"));
  const env = { ...process.env, VITE_SUPABASE_URL: stack.apiUrl, VITE_SUPABASE_ANON_KEY: stack.anonKey };
  const vite = path.join(root, "node_modules/vite/bin/vite.js");
  const build = spawnSync(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) throw new Error("vite build failed");
  const preview = spawn(process.execPath, [vite, "preview", "--outDir", outDir, "--port", String(webPort), "--strictPort"], { cwd: root, env, stdio: "ignore" });
  const origin = `http://127.0.0.1:${webPort}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await waitForServer(`${origin}/login`, 30_000);
    console.log("\nJavaScript per route (production build, gzip level 6 of every script the page loaded, cold cache)");
    for (const c of ROUTES) {
      const r = await scriptsOf(browser, origin, outDir, c);
      console.log(`  ${c.label.padEnd(34)} ${String(r.files).padStart(3)} files  ${kB(r.raw)} raw  ${kB(r.gz)} gzip`);
      // BENCH_BUNDLE_FILES=1: each script of the route, largest first
      if (process.env.BENCH_BUNDLE_FILES) for (const f of r.each) console.log(`      ${f.name.padEnd(48)} ${kB(f.gz)}`);
    }
  } finally {
    await browser.close();
    preview.kill("SIGTERM");
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { portsFrom } = await import("../../supabase/local/config.ts");
  const { startStack } = await import("../../supabase/local/stack.ts");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-bench-bundle-"));
  fs.chmodSync(dataDir, 0o755);
  process.env.SUPABASE_DB_FAST = "1";
  const stack = await startStack({ dataDir, ...portsFrom(Number(process.env.BENCH_BUNDLE_PORT_BASE ?? 27621)), quiet: true });
  try {
    await measureBundle({ apiUrl: stack.apiUrl, anonKey: stack.config.anonKey });
  } finally {
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
