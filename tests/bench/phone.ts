// The leader's home on a simulated mid-range phone: Chromium at 390×844 with the network throttled through
// CDP (4 Mbps down, 100 ms round trip) and the CPU slowed 4×, against a production build (vite build +
// preview) over a fresh local stack. It signs in as the demo team leader and prints the time from submitting
// the sign-in form until the leader's home is usable (登记服务, 我的队伍 and 积分兑换 visible and enabled).
// Each run is a new browser context (an empty cache, as on first use after installing); figures only.
// `npx tsx tests/bench/phone.ts` (BENCH_PHONE_PORT_BASE moves its ports: stack at base, preview at base+50;
// BENCH_PHONE_RUNS sets the number of runs).
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
    const t0 = await page.evaluate(() => performance.now());
    await submit.click();
    await page.waitForFunction(() => ["home-record", "home-roster", "home-redeem"].every((id) => {
      const el = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
      return !!el && !el.disabled && el.getBoundingClientRect().height > 0;
    }), undefined, { timeout: 60_000, polling: "raf" });
    const t1 = await page.evaluate(() => performance.now());
    times.push(t1 - t0);
    console.log(`  run ${run + 1}: sign-in submitted → leader home usable ${(t1 - t0).toFixed(0)} ms`);
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
