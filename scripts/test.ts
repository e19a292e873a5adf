// `npm test`: the whole suite, as CI runs it.
//   1. typecheck (tsc --noEmit), then lint (ESLint: typescript-eslint, react-hooks, no raw client in pages)
//   2. vitest (the database project also checks that src/types/database.ts is not stale): unit tests of src/domain, then database tests against a fresh local stack
//   3. Playwright on Debian's Chromium (installed with apt-get when missing) against the built app
// Ends with one line "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { playwrightFailures, vitestFailures } from "./test-report";

const results = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
/** What failed, one line each: printed again at the very end, where a CI log's tail shows it. */
const failures: string[] = [];

function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n━━ ${title} ━━`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) ok = false;
  return r.status === 0;
}

function ensureChromium() {
  const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  const hasCjk = fs.existsSync("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
  if (hasChromium && hasCjk) return;
  if (process.getuid?.() !== 0) {
    console.error("Chromium or fonts-noto-cjk missing: install them with `apt-get install -y chromium fonts-noto-cjk`");
    return;
  }
  console.log("installing chromium and fonts-noto-cjk with apt-get…");
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

fs.mkdirSync("test-results", { recursive: true });
const typecheck = run("typecheck", "npx", ["tsc", "--noEmit"]);
results[typecheck ? "passed" : "failed"] += 1;
const lint = run("lint (ESLint)", "npx", ["eslint", "--cache", "--cache-location", "node_modules/.cache/eslint/", "."]);
results[lint ? "passed" : "failed"] += 1;

run("unit + database tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
if (fs.existsSync("test-results/vitest.json")) {
  const v = JSON.parse(fs.readFileSync("test-results/vitest.json", "utf8"));
  results.passed += v.numPassedTests;
  results.failed += v.numFailedTests + (v.numFailedTestSuites ?? 0);
  results.skipped += v.numPendingTests + v.numTodoTests;
  failures.push(...vitestFailures(v));
} else {
  results.failed += 1;
  failures.push("vitest wrote no report");
}

ensureChromium();
// The journeys change data and run one at a time; the page sweep (tests/e2e/sweep.spec.ts) only reads, so it
// runs afterwards on its own with two workers (each a role × language × width).
function playwright(title: string, json: string, args: string[]) {
  fs.rmSync(json, { force: true });
  run(title, "npx", ["playwright", "test", ...args], { E2E_JSON: json });
  if (fs.existsSync(json)) {
    const p = JSON.parse(fs.readFileSync(json, "utf8"));
    results.passed += p.stats.expected + p.stats.flaky;
    results.failed += p.stats.unexpected;
    results.skipped += p.stats.skipped;
    const r = playwrightFailures(p);
    failures.push(...r.failed);
    for (const f of r.flaky) console.log(`flaky (passed on retry): ${f}`);
  } else {
    results.failed += 1;
    failures.push(`${title}: Playwright wrote no report`);
  }
}
playwright("browser tests (Playwright, Chromium)", "test-results/e2e.json", ["--grep-invert", "sweep: "]);
playwright("page sweep (every page × role × width × language)", "test-results/e2e-sweep.json", ["tests/e2e/sweep.spec.ts", "--workers", "2"]);

if (results.failed > 0) ok = false;
if (failures.length > 0) console.log(`\n━━ what failed ━━\n${failures.join("\n")}`);
if (!typecheck) console.log("typecheck failed");
if (!lint) console.log("lint failed");
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(ok ? 0 : 1);
