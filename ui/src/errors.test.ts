import { afterAll, describe, expect, it } from "vitest";
import { ApiError } from "./api";
import { describeError, fieldError, ruleReason } from "./errors";
import i18n from "./i18n";
import { RULES } from "./labels";

const v = (field: string, rule: string, params: Record<string, string> = {}) => new ApiError("validation", `${field}: English text`, field, rule, params);

describe("validation reasons", () => {
  afterAll(() => i18n.changeLanguage("zh-CN"));

  it("are translated with their parameters in Chinese", async () => {
    await i18n.changeLanguage("zh-CN");
    const t = i18n.t;
    expect(fieldError(t, v("term_months", "range", { min: "1", max: "600" })).message).toBe("应在 1 至 600 之间。");
    expect(fieldError(t, v("principal", "at_most", { max: "1000000000000" })).message).toBe("不能超过 1,000,000,000,000。");
    expect(fieldError(t, v("grace_months", "less_than", { other: "term_months" })).message).toBe("必须小于「贷款期限」。");
    expect(fieldError(t, v("next_contact_date", "not_before", { other: "date" })).message).toBe("不能早于「日期」。");
    expect(fieldError(t, v("credit_code", "credit_code_check", { expected: "3", found: "4" })).message).toBe("校验码应为「3」，实际为「4」。");
    expect(fieldError(t, v("disbursement_date", "range", { min: "1900-01-01", max: "2199-12-31" })).message).toBe("应在 1900-01-01 至 2199-12-31 之间。");
  });

  it("are translated in English", async () => {
    await i18n.changeLanguage("en");
    const t = i18n.t;
    expect(fieldError(t, v("upfront_fee", "less_than", { other: "principal" })).message).toBe("Must be less than “Principal”.");
    expect(fieldError(t, v("rate", "decimal_places", { n: "6" })).message).toBe("At most 6 decimal places.");
    expect(describeError(t, v("term_months", "range", { min: "1", max: "600" })).message).toBe("Term: Must be between 1 and 600.");
  });

  it("show an unknown rule as a plain 'not valid'", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(ruleReason(i18n.t, "brand_new_rule", {})).toBe(i18n.t("error.validation"));
  });

  it("name a statement line in the officer's language, and what the servicing rules refuse", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(ruleReason(i18n.t, "statement_line_missing", { line: "inventory" })).toBe("缺少必需的报表项目「存货」。");
    expect(ruleReason(i18n.t, "not_in_future", {})).toBe("不能晚于今天。");
    await i18n.changeLanguage("en");
    expect(ruleReason(i18n.t, "statement_line_missing", { line: "inventory" })).toBe("The required line “Inventory” is missing.");
    expect(ruleReason(i18n.t, "statement_year_twice", { year: "2024" })).toBe("The year 2024 appears twice in the header row.");
  });

  it("have a message for every rule key in both languages", async () => {
    for (const lng of ["zh-CN", "en"]) {
      await i18n.changeLanguage(lng);
      for (const rule of RULES) {
        const text = ruleReason(i18n.t, rule, { n: "1", min: "1", max: "2", other: "x", position: "1", character: "x", expected: "1", found: "2", id: "1", value: "x", max_mb: "50", extension: "pdf", detected: "png", line: "inventory", row: "3", year: "2024", format: "DATE:AMOUNT", tenor: "1y", on: "2026-01-01", available: "1.00", from: "2026-01-01", to: "2026-12-31" });
        expect(text, `${lng}:${rule}`).not.toMatch(/rule\.|\{\{/);
      }
    }
  });
});
