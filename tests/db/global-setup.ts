// Starts a fresh local stack (own data directory and ports) for the database tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startStack } from "../../supabase/local/stack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    apiUrl: string;
    anonKey: string;
    serviceKey: string;
    dbUrl: string;
    mailboxUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "silver-db-test-"));
  fs.chmodSync(dataDir, 0o755);
  process.env.SUPABASE_DB_FAST = "1";
  const stack = await startStack({
    dataDir,
    apiPort: Number(process.env.TEST_API_PORT ?? 25421),
    dbPort: Number(process.env.TEST_DB_PORT ?? 25422),
    restPort: Number(process.env.TEST_REST_PORT ?? 25430),
    restAdminPort: Number(process.env.TEST_REST_ADMIN_PORT ?? 25431),
    withSeed: true,
  });
  project.provide("apiUrl", stack.apiUrl);
  project.provide("anonKey", stack.config.anonKey);
  project.provide("serviceKey", stack.config.serviceRoleKey);
  project.provide("dbUrl", stack.dbUrl);
  project.provide("mailboxUrl", stack.mailboxUrl);
  return async () => {
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
