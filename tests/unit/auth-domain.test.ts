// Sign-in and onboarding refusals read as the person's situation, not as "network error"; the
// password rules the forms apply are the server's.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorKey } from "../../src/domain/errors";
import { linkTarget, PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, passwordProblem } from "../../src/domain/password";
import { lookup } from "../../src/locales";

describe("sign-in refusals each have their own message", () => {
  it("wrong credentials, unconfirmed email, too many attempts and network failure differ", () => {
    const keys = [
      errorKey({ code: "invalid_credentials", status: 400, message: "Invalid login credentials" }),
      errorKey({ code: "email_not_confirmed", status: 400, message: "Email not confirmed" }),
      errorKey({ code: "over_request_rate_limit", status: 429, message: "Request rate limit reached" }),
      errorKey({ name: "AuthRetryableFetchError", status: 0, message: "Failed to fetch" }),
    ];
    expect(keys).toEqual(["errors.invalidCredentials", "errors.emailNotConfirmed", "errors.tooManyAttempts", "errors.network"]);
    expect(new Set(keys.map((k) => lookup("zh-CN", k))).size).toBe(4);
  });
  it("the unconfirmed email points to the invitation email", () => {
    expect(lookup("zh-CN", errorKey({ code: "email_not_confirmed", status: 400 }))).toBe("邮箱尚未验证，请打开邀请邮件中的链接");
  });
  it("a 429 without a code is still too many attempts, not an unknown error", () => {
    expect(errorKey({ status: 429, message: "Too Many Requests" })).toBe("errors.tooManyAttempts");
  });
  it("an expired or used email link says so", () => {
    expect(errorKey({ code: "otp_expired", message: "Email link is invalid or has expired" })).toBe("errors.linkExpired");
  });
  it("an edge function that cannot be reached is a network failure", () => {
    expect(errorKey({ name: "FunctionsFetchError", message: "Failed to send a request to the Edge Function" })).toBe("errors.network");
  });
  it("a grant the database refuses inside an edge function keeps its own message", () => {
    expect(errorKey({ code: "42501", message: "new row violates row-level security policy for table \"role_grants\"", status: 403 })).toBe("errors.forbidden");
    expect(errorKey({ code: "23505", message: "duplicate key value violates unique constraint \"role_grants_one_active\"" })).toBe("errors.grantExists");
  });
});

describe("password rules mirror Supabase Auth", () => {
  it("refuses short, over-long and mismatched passwords before the server does", () => {
    expect(passwordProblem("")).toBe("required");
    expect(passwordProblem("a".repeat(PASSWORD_MIN_LENGTH - 1))).toBe("tooShort");
    expect(passwordProblem("a".repeat(PASSWORD_MIN_LENGTH))).toBeUndefined();
    expect(passwordProblem("密".repeat(25))).toBe("tooLong"); // 75 bytes: bcrypt would ignore the tail
    expect(passwordProblem("a".repeat(PASSWORD_MAX_BYTES))).toBeUndefined();
    expect(passwordProblem("secret-1", "secret-2")).toBe("mismatch");
    expect(passwordProblem("secret-1", "secret-1")).toBeUndefined();
  });
  it("uses the minimum length the project's auth config sets", () => {
    const toml = fs.readFileSync(path.resolve(__dirname, "../../supabase/config.toml"), "utf8");
    const configured = /^\s*minimum_password_length\s*=\s*(\d+)/m.exec(toml);
    expect(PASSWORD_MIN_LENGTH).toBe(configured ? Number(configured[1]) : 6); // 6: GoTrue's default
  });
  it("email links come back to the app's own pages", () => {
    expect(linkTarget("http://127.0.0.1:4174/", "/reset-password")).toBe("http://127.0.0.1:4174/reset-password");
  });
});

describe("the invite-staff function's refusals", () => {
  it("a role outside the caller's scope, a wrong level and a failed email each say what happened", () => {
    expect(errorKey({ code: "grant_not_allowed", status: 403, message: "you may not grant this role on this unit" })).toBe("errors.grantNotAllowed");
    expect(errorKey({ code: "role_grants_role_level", status: 422, message: "role team_leader cannot be held over a street" })).toBe("errors.roleLevel");
    expect(errorKey({ code: "invite_failed", status: 502, message: "smtp down" })).toBe("errors.inviteFailed");
    expect(errorKey({ code: "over_email_send_rate_limit", status: 429 })).toBe("errors.tooManyEmails");
  });
});
