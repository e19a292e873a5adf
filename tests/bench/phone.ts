// The leader's home on a simulated mid-range phone: Chromium at 390×844 with the network throttled through
// CDP (4 Mbps down, 100 ms round trip) and the CPU slowed 4×, against a production build (vite build +
// preview) over a fresh local stack. It signs in as the demo team leader and prints the time from the tap on
// 登录 until the leader's home is usable (the first frame with 登记服务, 我的队伍 and 积分兑换 drawn and enabled).
// The form is filled at once, as a browser's saved password does, and tapped: the app's code that loads while
// a person types has no time to arrive first, so this is the slow case. Each run is a new browser context (an
// empty cache, as on first use after installing); figures only.
// `npx tsx tests/bench/phone.ts` (BENCH_PHONE_PORT_BASE moves its ports: stack at base, preview at base+50;
// BENCH_PHONE_RUNS sets the number of runs; BENCH_PHONE_TRACE=1 prints each run's requests after the tap, to see
// what the time is made of).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { portsFrom } from "../../supabase/local/config.ts";
import { startStack } from "../../supabase/local/stack.ts";

const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5);
const base = Number(process.env.BENCH_PHONE_PORT_BASE ?? 27721);
const webPort = base + 50;
const THROTTLE = { offline: false, latency: 100, downloadThroughput: (4 * 1024 * 1024) / 8, uploadThroughput: (1 * 1024 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const TRACE = process.env.BENCH_PHONE_TRACE === "1";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-bench-phone-"));
const outDir = path.join(dataDir, "dist");
fs.chmodSync(dataDir, 0o755);
process.env.SUPABASE_DB_FAST = "1";
const stack = await startStack({ dataDir: path.join(dataDir, "stack"), ...portsFrom(base), quiet: true });
const env = { ...process.env, VITE_SUPABASE_URL: stack.apiUrl, VITE_SUPABASE_ANON_KEY: stack.config.anonKey };
const built = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--outDir", outDir, "--logLevel", "error"], { env, stdio: "inherit" });
if (built.status !== 0) throw new Error("vite build failed");
const preview = spawn(process.execPath, ["node_modules/vite/bin/vite.js", "preview", "--outDir", outDir, "--port", String(webPort), "--strictPort"], { env, stdio: "ignore" });
const origin = `http://127.0.0.1:${webPort}`;
for (let i = 0; i < 100; i++) {
  if (await fetch(origin).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 200));
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const times: number[] = [];
try {
  console.log(`Leader home on a phone (390×844, 4 Mbps down / 100 ms RTT, CPU ${CPU_SLOWDOWN}× slower), production build, ${RUNS} cold runs`);
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", THROTTLE);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.goto(`${origin}/login`);
    await page.getByLabel("邮箱").fill("leader@demo.local");
    await page.getByLabel("密码").fill("demo123456");
    const submit = page.getByRole("button", { name: /登\s?录/ });
    await submit.waitFor();
    // both ends are read in the page, so Playwright's own round trips (slow under the 4× CPU) do not count:
    // from the finger touching 登录 (pointerdown) to the first frame in which the three actions are drawn
    await page.evaluate(() => document.addEventListener("pointerdown", (e) => {
      (window as unknown as { tappedAt: number }).tappedAt = e.timeStamp;
    }, { capture: true, once: true }));
    const started = Date.now();
    const trace: string[] = [];
    if (TRACE) {
      page.on("requestfinished", async (r) => {
        const t = r.timing();
        const size = await r.sizes().then((x) => x.responseBodySize, () => 0);
        const u = new URL(r.url());
        trace.push(`${String(Math.round(t.startTime - started)).padStart(6)} → ${String(Math.round(t.startTime - started + t.responseEnd)).padStart(6)} ms ${String((size / 1024).toFixed(1)).padStart(7)} kB  ${r.method()} ${u.pathname}${u.search.slice(0, 60)}`);
      });
    }
    await submit.click();
    const shown = await page.waitForFunction(() => ["home-record", "home-roster", "home-redeem"].every((id) => {
      const el = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
      return !!el && !el.disabled && el.getBoundingClientRect().height > 0;
    }) && performance.now(), undefined, { timeout: 60_000, polling: "raf" });
    const t1 = (await shown.jsonValue()) as number;
    const t0 = await page.evaluate(() => (window as unknown as { tappedAt: number }).tappedAt);
    times.push(t1 - t0);
    console.log(`  run ${run + 1}: sign-in submitted → leader home usable ${(t1 - t0).toFixed(0)} ms`);
    if (TRACE) console.log(trace.sort((a, b) => parseInt(a) - parseInt(b)).map((l) => `      ${l}`).join("\n"));
    await context.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`  median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, best ${sorted[0].toFixed(0)} ms, worst ${sorted[sorted.length - 1].toFixed(0)} ms (target ≤ 1500 ms)`);
} finally {
  await browser.close();
  preview.kill("SIGTERM");
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
