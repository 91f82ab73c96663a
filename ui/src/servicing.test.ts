import { afterAll, describe, expect, it } from "vitest";
import { ruleReason } from "./errors";
import i18n, { resources } from "./i18n";
import { fieldLabelKey } from "./labels";
import {
  addDays,
  AGE_KEY,
  AGE_SLICE_KEY,
  CLASS_KEY,
  isIsoDate,
  maxMoney,
  PERIOD_STATUS_KEY,
  permille,
  REMINDER_KIND_KEY,
  sumMoney,
} from "./servicing";

function lookup(key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources["zh-CN"].translation);
}


describe("servicing helpers", () => {
  afterAll(() => i18n.changeLanguage("zh-CN"));

  it("add money exactly", () => {
    expect(sumMoney(["0.1", "0.2"])).toBe("0.30");
    expect(sumMoney(["1000000", "5307.27", "12.3"])).toBe("1005319.57");
    expect(sumMoney([])).toBe("0.00");
    expect(sumMoney(["-1.50", "1"])).toBe("-0.50");
    expect(sumMoney(["99999999999999999.99", "0.01"])).toBe("100000000000000000.00");
  });

  it("scale bars from decimal strings", () => {
    expect(permille("50", "100")).toBe(500);
    expect(permille("100.00", "100")).toBe(1000);
    expect(permille("0", "100")).toBe(0);
    expect(permille("5", "0")).toBe(0);
    expect(permille("not", "100")).toBe(0);
    expect(maxMoney(["3.5", "12", "7.25"])).toBe("12.00");
  });

  it("count calendar days without time zones", () => {
    expect(addDays("2026-11-27", 7)).toBe("2026-12-04");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-1-5")).toBe(false);
  });

  it("point only at catalogue keys that exist", () => {
    for (const m of [CLASS_KEY, PERIOD_STATUS_KEY, AGE_KEY, AGE_SLICE_KEY, REMINDER_KIND_KEY]) {
      for (const key of Object.values(m)) expect(typeof lookup(key), key).toBe("string");
    }
    for (const f of ["contract_no", "signed_on", "disbursements", "repayment_account", "amount", "note", "reason"]) {
      const key = fieldLabelKey(f);
      expect(key, f).not.toBeNull();
      expect(typeof lookup(key ?? ""), f).toBe("string");
    }
  });

  it("translate the booking reasons the backend sends", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(ruleReason(i18n.t, "not_in_future", {})).toBe("不能晚于今天。");
    expect(ruleReason(i18n.t, "not_before", { other: "signed_on" })).toBe("不能早于「签约日期」。");
    expect(i18n.t("loans.status.overdueDays", { count: 1 })).toBe("逾期 1 天");
    await i18n.changeLanguage("en");
    expect(ruleReason(i18n.t, "after_maturity", {})).toBe("Must be before the loan matures.");
    expect(i18n.t("loans.status.overdueDays", { count: 1 })).toBe("Overdue 1 day");
    expect(i18n.t("portfolio.loansCount", { count: 2 })).toBe("2 loans");
    // No free text any more: a rule this UI does not know is a plain "not valid".
    expect(ruleReason(i18n.t, "other", { value: "something new" })).toBe("Some input is not valid. Please check it and try again.");
  });
});
