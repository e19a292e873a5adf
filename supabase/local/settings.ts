// The settings the local stack honours, read from supabase/config.toml (the file the Supabase CLI
// reads for `supabase start`), so the local auth behaves as configured for a hosted project.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./config.ts";
import { parseToml, type TomlTable, type TomlValue } from "./toml.ts";

export interface AuthSettings {
  siteUrl: string;
  additionalRedirectUrls: string[];
  jwtExpiry: number;
  refreshTokenReuseInterval: number;
  enableSignup: boolean;
  enableConfirmations: boolean;
  minimumPasswordLength: number;
  otpLength: number;
  /** seconds a recovery / sign-up / email-change link is valid */
  otpExpiry: number;
  /** seconds an invitation link is valid */
  inviteExpiry: number;
  /** seconds between two emails to one address */
  maxFrequency: number;
  rateLimit: {
    /** per IP, per 5 minutes */
    signInSignUps: number;
    tokenRefresh: number;
    tokenVerifications: number;
    /** per hour, whole instance (as GoTrue's email_sent) */
    emailSent: number;
    /** wrong passwords per email per 5 minutes */
    signInFailuresPerEmail: number;
    /** POST /recover per client address per 5 minutes (local key) */
    recoverPerClient: number;
    /** wrong emailed codes for one address before its pending codes are voided (local key) */
    otpFailuresPerEmail: number;
  };
}

export interface FunctionSettings {
  verifyJwt: boolean;
}

export interface StorageSettings {
  enabled: boolean;
  /** Largest object any upload may carry, in bytes ([storage] file_size_limit; the CLI's default "50MiB").
   *  A bucket's own file_size_limit can only lower it. */
  fileSizeLimit: number;
}

export interface LocalSettings {
  auth: AuthSettings;
  storage: StorageSettings;
  mailboxPort: number;
  mailboxEnabled: boolean;
  functions: Record<string, FunctionSettings>;
}

function table(t: TomlTable | undefined, key: string): TomlTable {
  const v = t?.[key];
  return v && typeof v === "object" && !Array.isArray(v) ? (v as TomlTable) : {};
}

function get<T extends TomlValue>(t: TomlTable, key: string, fallback: T): T {
  const v = t[key];
  if (v === undefined) return fallback;
  if (typeof v !== typeof fallback || Array.isArray(v) !== Array.isArray(fallback)) {
    throw new Error(`supabase/config.toml: ${key} should be a ${Array.isArray(fallback) ? "list" : typeof fallback}`);
  }
  return v as T;
}

/** "1s", "60s", "5m", "1h" or a number of seconds. */
function seconds(v: TomlValue, key: string): number {
  if (typeof v === "number") return v;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(String(v));
  if (!m) throw new Error(`supabase/config.toml: ${key} = ${v} is not a duration like "60s"`);
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2] as "s"];
}

/** "50MiB", "10MB", "512KiB", "100B" or a number of bytes, as the Supabase CLI reads sizes. */
export function bytes(v: TomlValue, key: string): number {
  if (typeof v === "number") return v;
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)$/i.exec(String(v).trim());
  if (!m) throw new Error(`supabase/config.toml: ${key} = ${v} is not a size like "50MiB"`);
  const unit = m[2].toLowerCase();
  const factor = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 }[unit]!;
  return Math.floor(Number(m[1]) * factor);
}

export function loadSettings(file = process.env.SUPABASE_CONFIG_TOML ?? path.join(projectRoot, "supabase/config.toml")): LocalSettings {
  const root = parseToml(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
  const auth = table(root, "auth");
  const email = table(auth, "email");
  const rl = table(auth, "rate_limit");
  const smtp = table(root, "local_smtp");
  const inbucket = table(root, "inbucket");
  const fns = table(root, "functions");
  const storage = table(root, "storage");
  const functions: Record<string, FunctionSettings> = {};
  for (const name of Object.keys(fns)) functions[name] = { verifyJwt: get(table(fns, name), "verify_jwt", true) };
  return {
    auth: {
      siteUrl: get(auth, "site_url", "http://127.0.0.1:3000"),
      additionalRedirectUrls: get(auth, "additional_redirect_urls", [] as TomlValue[]).map(String),
      jwtExpiry: get(auth, "jwt_expiry", 3600),
      refreshTokenReuseInterval: get(auth, "refresh_token_reuse_interval", 10),
      // Either switch off closes public sign-up, as in the Supabase CLI.
      enableSignup: get(auth, "enable_signup", true) && get(email, "enable_signup", true),
      enableConfirmations: get(email, "enable_confirmations", false),
      minimumPasswordLength: get(auth, "minimum_password_length", 6),
      otpLength: get(email, "otp_length", 6),
      otpExpiry: get(email, "otp_expiry", 3600),
      inviteExpiry: get(email, "invite_expiry", 86400),
      maxFrequency: seconds(get(email, "max_frequency", "1s" as TomlValue), "auth.email.max_frequency"),
      rateLimit: {
        signInSignUps: get(rl, "sign_in_sign_ups", 30),
        tokenRefresh: get(rl, "token_refresh", 150),
        tokenVerifications: get(rl, "token_verifications", 30),
        emailSent: get(rl, "email_sent", 2),
        signInFailuresPerEmail: get(rl, "sign_in_failures_per_email", 10),
        recoverPerClient: get(rl, "recover_per_client", 30),
        otpFailuresPerEmail: get(rl, "otp_failures_per_email", 5),
      },
    },
    storage: {
      enabled: get(storage, "enabled", true),
      fileSizeLimit: bytes(get(storage, "file_size_limit", "50MiB" as TomlValue), "storage.file_size_limit"),
    },
    mailboxEnabled: get(smtp, "enabled", get(inbucket, "enabled", true)),
    mailboxPort: get(smtp, "port", get(inbucket, "port", 54324)),
    functions,
  };
}
