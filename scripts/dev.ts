// `npm run dev`: the local Supabase stack and Vite together; Ctrl-C stops both.
import { spawn } from "node:child_process";
import { runForeground } from "../supabase/local/cli.ts";

const stack = await runForeground().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

const vite = spawn(process.execPath, ["node_modules/vite/bin/vite.js", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, VITE_SUPABASE_URL: process.env.VITE_SUPABASE_URL ?? stack.apiUrl, VITE_SUPABASE_ANON_KEY: process.env.VITE_SUPABASE_ANON_KEY ?? stack.config.anonKey },
});
vite.on("exit", async (code) => {
  await stack.stop();
  process.exit(code ?? 0);
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => vite.kill("SIGTERM"));
