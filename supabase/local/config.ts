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
  /** Whether the data folder was chosen (SUPABASE_DATA_DIR or an override) rather than defaulted. */
  dataDirExplicit: boolean;
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  dbPassword: string;
  /** The folder holding supabase/ (config.toml, migrations, seed), as the Supabase CLI's --workdir. */
  projectDir: string;
  withSeed: boolean;
  quiet: boolean;
  /** local mailbox port (SUPABASE_MAILBOX_PORT); by default config.toml's [local_smtp] port shifted as apiPort is from 54321 */
  mailboxPort?: number;
  /** Largest request body the gateway accepts (413 above). */
  bodyLimitBytes: number;
  /** Time a client has to send its whole request body (408 after). */
  bodyTimeoutMs: number;
  /** Largest response the gateway passes on from PostgREST (413, code 54000, above). */
  responseLimitBytes: number;
  /** Largest object a storage upload may carry (SUPABASE_STORAGE_FILE_SIZE_LIMIT); by default config.toml's
   *  [storage] file_size_limit, the Supabase CLI's "50MiB" when absent. A bucket's own limit can only lower it. */
  storageFileSizeLimitBytes?: number;
}

/** A stack's ports laid out from its API port as the defaults are (54321: database +1, PostgREST +9,
 *  PostgREST's admin server +10), for tests, benches and scripts that run a stack beside another. */
export function portsFrom(apiPort: number): Pick<StackConfig, "apiPort" | "dbPort" | "restPort" | "restAdminPort"> {
  return { apiPort, dbPort: apiPort + 1, restPort: apiPort + 9, restAdminPort: apiPort + 10 };
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
    dataDirExplicit: process.env.SUPABASE_DATA_DIR !== undefined || overrides.dataDir !== undefined,
    jwtSecret: process.env.SUPABASE_JWT_SECRET ?? DEFAULT_JWT_SECRET,
    anonKey: process.env.SUPABASE_ANON_KEY ?? DEFAULT_ANON_KEY,
    serviceRoleKey: process.env.SUPABASE_SERVICE_ROLE_KEY ?? DEFAULT_SERVICE_ROLE_KEY,
    dbPassword: process.env.SUPABASE_DB_PASSWORD ?? "postgres",
    projectDir: process.env.SUPABASE_PROJECT_DIR ?? projectRoot,
    withSeed: process.env.SUPABASE_SEED !== "0",
    quiet: false,
    bodyLimitBytes: num("SUPABASE_MAX_BODY_BYTES", 1024 * 1024),
    bodyTimeoutMs: num("SUPABASE_BODY_TIMEOUT_MS", 10000),
    responseLimitBytes: num("SUPABASE_MAX_RESPONSE_BYTES", 8 * 1024 * 1024),
    storageFileSizeLimitBytes:
      process.env.SUPABASE_STORAGE_FILE_SIZE_LIMIT === undefined ? undefined : Number(process.env.SUPABASE_STORAGE_FILE_SIZE_LIMIT),
    mailboxPort: process.env.SUPABASE_MAILBOX_PORT === undefined ? undefined : Number(process.env.SUPABASE_MAILBOX_PORT),
    ...overrides,
  };
}

export function dbUrl(c: StackConfig, user = "postgres", password = c.dbPassword): string {
  return `postgresql://${user}:${password}@127.0.0.1:${c.dbPort}/postgres`;
}

export const tmpRoot = path.join(os.tmpdir(), "silver-volunteer-stack");
