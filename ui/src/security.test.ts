import { describe, expect, it } from "vitest";
import { CATALOGUE, type SecuritySettings } from "./bindings";
import { COLLATERAL_KINDS, coverageBar, DEFAULT_GUARANTEE_KIND, defaultCap, GUARANTEE_KINDS, GUARANTOR_PARTIES, isPast, isPositive, optionalDate, optionalDecimal } from "./components/security/securityModel";
import { REMINDER_KIND_KEY, REMINDER_KINDS } from "./servicing";
import en from "./i18n/en.json";
import zh from "./i18n/zh-CN.json";

describe("security helpers", () => {
  it("offer the core's kinds in its order, general guarantee by default", () => {
    expect(COLLATERAL_KINDS).toEqual(Object.keys(CATALOGUE["zh-CN"].collateralKind));
    expect(COLLATERAL_KINDS[0]).toBe("property");
    expect(GUARANTEE_KINDS).toContain("general");
    expect(GUARANTOR_PARTIES).toEqual(["person", "company"]);
    expect(DEFAULT_GUARANTEE_KIND).toBe("general");
  });

  it("draw the coverage bar from exact strings", () => {
    expect(coverageBar("700000.00", "1000000.00")).toEqual({ covered: 700, short: 300, surplus: 0 });
    expect(coverageBar("2000000.00", "1000000.00")).toEqual({ covered: 500, short: 0, surplus: 500 });
    expect(coverageBar("0.00", "500.00")).toEqual({ covered: 0, short: 1000, surplus: 0 });
    expect(coverageBar("0.00", "0.00")).toEqual({ covered: 0, short: 0, surplus: 0 });
  });

  it("read optional boxes: empty is not given, junk is refused", () => {
    expect(optionalDecimal("")).toBeNull();
    expect(optionalDecimal(" 1,000,000 ")).toBe("1000000");
    expect(optionalDecimal("abc")).toBeUndefined();
    expect(optionalDate("")).toBeNull();
    expect(optionalDate("2026-02-30")).toBeUndefined();
    expect(optionalDate("2026-02-28")).toBe("2026-02-28");
  });

  it("tell positive amounts, past dates and the Settings cap", () => {
    expect(isPositive("0.00")).toBe(false);
    expect(isPositive("0.01")).toBe(true);
    expect(isPositive("-5")).toBe(false);
    expect(isPast("2026-01-01", "2026-01-02")).toBe(true);
    expect(isPast("2026-01-02", "2026-01-02")).toBe(false);
    expect(isPast(null, "2026-01-02")).toBe(false);
    const settings: SecuritySettings = { kinds: [{ kind: "property", cap_percent: "70", revalue_months: 12 }], expiry_days: 30, facility_expiry_days: 60 };
    expect(defaultCap(settings, "property")).toBe("70");
    expect(defaultCap(settings, "ip")).toBeNull();
    expect(defaultCap(null, "property")).toBeNull();
  });

  it("list the reminder groups money first, then reviews, then the security's dates, each titled in both languages", () => {
    expect(REMINDER_KINDS).toEqual([
      "overdue",
      "due_soon",
      "shortfall",
      "quarterly_review",
      "annual_review",
      "covenant",
      "revaluation_due",
      "registration_expiry",
      "insurance_expiry",
      "facility_expiry",
      "open_problem",
      "renewal_due",
      "dormant",
    ]);
    for (const kind of REMINDER_KINDS) {
      const key = REMINDER_KIND_KEY[kind].replace("reminders.kind.", "") as keyof typeof en.reminders.kind;
      expect(en.reminders.kind[key], kind).toBeTruthy();
      expect(zh.reminders.kind[key], kind).toBeTruthy();
    }
  });
});
