// The funds RPCs refuse with SQLSTATE 23514 / 42501 and a stable hint; the one error mapping turns each hint into
// its own message (not the generic "data does not fit the rules"), in both languages.
import { beforeAll, describe, expect, it } from "vitest";
import { errorKey } from "../../src/domain/errors";
import { loadLocale, lookup } from "../../src/locales";

// English is loaded on demand in the app (src/locales/index.ts)
beforeAll(() => loadLocale("en"));

describe("refusals of the funds RPCs", () => {
  it("a hint names the refusal, whatever the SQLSTATE", () => {
    expect(errorKey({ code: "23514", message: "the vouchers of tranche 1 must be verified first", hint: "funds.vouchers_gate" })).toBe("errors.fundVouchersGate");
    expect(errorKey({ code: "42501", message: "x", hint: "funds.four_eyes" })).toBe("errors.fundFourEyes");
    expect(errorKey({ code: "23514", message: "line 专项 has 10 fen available, 20 asked", hint: "funds.line_over_budget" })).toBe("errors.fundLineOverBudget");
  });
  it("without a funds hint the SQLSTATE still decides", () => {
    expect(errorKey({ code: "23514", message: "x", hint: null })).toBe("errors.check");
  });
  it("a file the Storage API refuses as too large says so", () => {
    expect(errorKey({ code: "storage_too_large", status: 413, message: "Payload too large" })).toBe("errors.fundFileTooLarge");
  });
  it("every funds message exists in Chinese and English", () => {
    expect(lookup("zh-CN", "errors.fundVouchersGate")).toMatch(/凭证/);
    expect(lookup("en", "errors.fundVouchersGate")).toMatch(/voucher/);
  });
});
