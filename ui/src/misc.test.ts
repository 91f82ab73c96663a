import { describe, expect, it } from "vitest";
import type { TFunction } from "i18next";
import { ApiError } from "./api";
import type { Touchpoint } from "./bindings";
import { newestFirst } from "./components/TouchpointList";
import { describeError, fieldErrorsFrom, toApiError } from "./errors";
import { formatDateTime, todayISO } from "./format";
import { passwordLength } from "./password";
import { isIdle } from "./useIdleLock";

// Stands in for i18next's t: returns the key and its options, so tests see what was asked for.
const t = ((key: string, opts?: Record<string, unknown>) => (opts ? `${key} ${JSON.stringify(opts)}` : key)) as unknown as TFunction;

describe("idle lock", () => {
  it("locks once the minutes have passed, not before", () => {
    expect(isIdle(0, 5 * 60_000 - 1, 5)).toBe(false);
    expect(isIdle(0, 5 * 60_000, 5)).toBe(true);
    expect(isIdle(0, 10 ** 9, 0)).toBe(false);
  });
});

describe("dates", () => {
  it("give today in local time", () => {
    expect(todayISO(new Date(2025, 0, 9, 23, 59))).toBe("2025-01-09");
  });
  it("show timestamps as date and minutes", () => {
    expect(formatDateTime("not a date")).toBe("not a date");
    expect(formatDateTime(new Date(2025, 2, 4, 7, 5).toISOString())).toBe("2025-03-04 07:05");
  });
});

describe("errors", () => {
  it("never show the backend's English text for a validation error", () => {
    const legacy = new ApiError("validation", "credit_code: check character does not match", "credit_code");
    expect(describeError(t, legacy)).toEqual({ message: 'errors.validationField {"field":"fields.creditCode"}', detail: null });
    const e = new ApiError("validation", "credit_code: check character is 'X', expected '3'", "credit_code", "credit_code_check", { expected: "3", found: "X" });
    expect(fieldErrorsFrom(t, e)).toEqual({ credit_code: { message: 'rule.credit_code_check {"expected":"3","found":"X"}', detail: null } });
  });
  it("show wrong_password as our own message only", () => {
    expect(describeError(t, new ApiError("wrong_password", "wrong password", null))).toEqual({ message: "error.wrong_password", detail: null });
  });
  it("keep the cause of unknown failures", () => {
    expect(describeError(t, toApiError(new Error("boom")))).toEqual({ message: "errors.unknown", detail: "boom" });
  });
});

describe("passwords", () => {
  it("count characters, not UTF-16 units", () => {
    expect(passwordLength("密码密码密码密码")).toBe(8);
    expect(passwordLength("😀😀😀😀")).toBe(4);
  });
});


describe("touchpoints", () => {
  it("list newest first, later entries first on the same day", () => {
    const tp = (id: number, date: string): Touchpoint => ({ id, client_id: 1, created_at: "", date, channel: "call", summary: "", next_step: "", next_contact_date: null });
    expect(newestFirst([tp(1, "2025-01-01"), tp(2, "2025-03-01"), tp(3, "2025-01-01")]).map((x) => x.id)).toEqual([2, 3, 1]);
  });
});
