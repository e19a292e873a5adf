// The app as the browser tests meet it: a fresh local stack with the demo seed (own ports and data
// directory, its mailbox on E2E_MAILBOX_PORT, which playwright.config.ts sets for the specs too), the
// production build, and `vite preview` serving it. Email links may come back to the preview's origin:
// supabase/config.toml's additional_redirect_urls admit http://127.0.0.1 on any port.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { portsFrom } from "../supabase/local/config.ts";
import { seedDemoFiles } from "../supabase/local/demo.ts";
import { startStack } from "../supabase/local/stack.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-e2e-"));
fs.chmodSync(dataDir, 0o755);
process.env.SUPABASE_DB_FAST = "1";
const base = Number(process.env.E2E_STACK_PORT_BASE ?? 26421); // several checkouts can run the browser tests side by side
const mailboxPort = Number(process.env.E2E_MAILBOX_PORT ?? base + 3);
// Playwright (or a person) may stop this while it is still starting: the stack's PostgreSQL must not
// outlive it (an orphan holds the ports and fails the next run), so a stop asked for early waits for the
// start to finish and then stops what it started.
let stopAsked = false;
let stop = async () => {
  stopAsked = true;
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
const stack = await startStack({ dataDir, ...portsFrom(base), mailboxPort });
const stopStack = async () => {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
if (stopAsked) await stopStack();
await seedDemoFiles(stack);
console.log(`e2e stack ${stack.apiUrl}, mailbox ${stack.mailboxUrl}, functions: ${stack.functions.join(", ")}`);
const env = { ...process.env, VITE_SUPABASE_URL: stack.apiUrl, VITE_SUPABASE_ANON_KEY: stack.config.anonKey };
const build = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--outDir", "dist-e2e", "--logLevel", "warn"], { env, stdio: "inherit" });
if (build.status !== 0) {
  await stack.stop();
  process.exit(1);
}
if (stopAsked) await stopStack();
const port = process.env.E2E_WEB_PORT ?? "4174";
const preview = spawn(process.execPath, ["node_modules/vite/bin/vite.js", "preview", "--outDir", "dist-e2e", "--port", port, "--strictPort"], { env, stdio: "inherit" });
stop = async () => {
  preview.kill("SIGTERM");
  await stopStack();
};
if (stopAsked) await stop();
