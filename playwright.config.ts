import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_WEB_PORT ?? 4174);
// The e2e stack's mailbox (scripts/e2e-server.ts listens there; the specs read it through process.env).
process.env.E2E_MAILBOX_PORT ??= String(Number(process.env.E2E_STACK_PORT_BASE ?? 26421) + 3);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  // a journey that fails once on a loaded 2-core machine runs once more; `npm test` names it as flaky at the end
  retries: 1,
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON ?? "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    reducedMotion: "reduce",
    viewport: { width: 1440, height: 900 },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--force-prefers-reduced-motion"],
    },
  },
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
