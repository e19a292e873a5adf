// Settings of the Docker-free local stack. Every value can be overridden by env,
// so tests and benchmarks run their own stack beside a developer's.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// The Supabase CLI's well-known local secret and keys (`supabase start` prints the same).
export const DEFAULT_JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
export const DEFAULT_ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";
export const DEFAULT_SERVICE_ROLE_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU";

export interface StackConfig {
  apiPort: number;
  dbPort: number;
  restPort: number;
  restAdminPort: number;
  dataDir: string;
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  dbPassword: string;
  migrationsDir: string;
  seedFile: string;
  withSeed: boolean;
  quiet: boolean;
  /** local mailbox port; by default config.toml's [local_smtp] port shifted as apiPort is from 54321 */
  mailboxPort?: number;
}

function num(name: string, fallback: number): number {
  const v = process.env[name];
  return v ? Number(v) : fallback;
}

export function loadConfig(overrides: Partial<StackConfig> = {}): StackConfig {
  return {
    apiPort: num("SUPABASE_API_PORT", 54321),
    dbPort: num("SUPABASE_DB_PORT", 54322),
    restPort: num("SUPABASE_REST_PORT", 54330),
    restAdminPort: num("SUPABASE_REST_ADMIN_PORT", 54331),
    dataDir: process.env.SUPABASE_DATA_DIR ?? path.join(projectRoot, ".supabase-local"),
    jwtSecret: process.env.SUPABASE_JWT_SECRET ?? DEFAULT_JWT_SECRET,
    anonKey: process.env.SUPABASE_ANON_KEY ?? DEFAULT_ANON_KEY,
    serviceRoleKey: process.env.SUPABASE_SERVICE_ROLE_KEY ?? DEFAULT_SERVICE_ROLE_KEY,
    dbPassword: process.env.SUPABASE_DB_PASSWORD ?? "postgres",
    migrationsDir: path.join(projectRoot, "supabase/migrations"),
    seedFile: path.join(projectRoot, "supabase/seed.sql"),
    withSeed: process.env.SUPABASE_SEED !== "0",
    quiet: false,
    ...overrides,
  };
}

export function dbUrl(c: StackConfig, user = "postgres", password = c.dbPassword): string {
  return `postgresql://${user}:${password}@127.0.0.1:${c.dbPort}/postgres`;
}

export const tmpRoot = path.join(os.tmpdir(), "silver-volunteer-stack");
