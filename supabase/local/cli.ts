// `npm run stack` (foreground) and `npm run db:reset`.
import { resetData, startStack, type RunningStack } from "./stack.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoFiles } from "./demo.ts";

export function printBanner(s: RunningStack) {
  const c = s.config;
  console.log(`
  本地 Supabase 已就绪 / local Supabase ready in ${Math.round(s.startedInMs)} ms
    API (gateway)    ${s.apiUrl}
    Mailbox          ${s.mailboxUrl}   (every email the local auth sends; API ${s.mailboxUrl}/api/v1/messages)
    Storage          ${s.apiUrl}/storage/v1   (files in ${s.dataDir}/storage)
    Edge Functions   ${s.apiUrl}/functions/v1/<name>${s.functions.length ? `   (${s.functions.join(", ")})` : ""}
    Database         ${s.dbUrl}
    anon key         ${c.anonKey}
    service_role key ${c.serviceRoleKey}
    Data             ${s.dataDir}${s.notices.map((n) => `\n    ⚠ ${n}`).join("")}${s.migrations.applied.length ? `\n    Applied          ${s.migrations.applied.length} migrations with \`supabase db push\` (${Math.round(s.migrations.cliMs)} ms)` : ""}${s.migrations.seeded ? "\n    Seeded           demo district (supabase/seed.sql)" : ""}
  Demo accounts (password ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(20)} ${a.label}`).join("\n")}
`);
}

export async function runForeground(onReady?: (s: RunningStack) => void): Promise<RunningStack> {
  const stack = await startStack();
  await seedDemoFiles(stack);
  printBanner(stack);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping local Supabase…");
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  onReady?.(stack);
  return stack;
}

const cmd = process.argv[2];
if (import.meta.url === `file://${process.argv[1]}`) {
  if (cmd === "start") {
    runForeground().catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
  } else if (cmd === "reset") {
    (async () => {
      await resetData();
      const s = await startStack();
      console.log(`database reset: ${s.migrations.applied.length} migrations applied, seeded: ${s.migrations.seeded}`);
      await s.stop();
    })().catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
  } else {
    console.error("usage: cli.ts start|reset");
    process.exit(2);
  }
}
