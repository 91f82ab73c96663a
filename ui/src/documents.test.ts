import { describe, expect, it } from "vitest";
import type { ErrorPayload, RuleCode } from "./bindings";
import type { FinancialYear, WcNeedFromStatements } from "./bindings";
import {
  DOC_KINDS,
  LINES,
  LINE_KEY,
  OTHER_THRESHOLD_KINDS,
  RATIO_GROUP_KEY,
  RATIO_KEY,
  RATIO_KINDS,
  batchPercent,
  changeDirection,
  changeText,
  cycleDays,
  duplicateOf,
  fixedPlaces,
  formatSize,
  groupRatios,
  isDocKind,
  payloadError,
  ratioBound,
  ratioRule,
  ratioText,
  ratioValue,
  sameAssumptions,
  wcAssumptions,
  wcFormFrom,
  whyUnavailable,
  type UnitWords,
} from "./documents";
import { resources } from "./i18n";
import { ruleKey } from "./labels";

function lookup(key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources["zh-CN"].translation);
}

const zhWords: UnitWords = { times: "倍", days: "天", yuan: "元", points: "个百分点", flat: "持平", space: "" };
const enWords: UnitWords = { times: "×", days: "days", yuan: "yuan", points: "pp", flat: "unchanged", space: " " };

const payload = (rule: RuleCode, params: Record<string, string>): ErrorPayload => ({ code: "validation", message: "m", field: "file", rule, params, items: [] });

describe("documents", () => {
  it("label every kind, ratio and statement line", () => {
    for (const k of DOC_KINDS) expect(typeof lookup(`docKind.${k}`), k).toBe("string");
    for (const key of [...Object.values(RATIO_KEY), ...Object.values(LINE_KEY), ...Object.values(RATIO_GROUP_KEY)]) expect(typeof lookup(key), key).toBe("string");
    // The core's labels, not copies: the UI catalogue holds no ratio names of its own.
    expect(lookup("credit.ratio")).toBeUndefined();
    expect(lookup(RATIO_KEY["receivable-days"])).toBe("应收账款周转天数");
    expect(LINES.slice(0, 3)).toEqual(["cash", "accounts-receivable", "prepayments"]);
    expect(LINES).toHaveLength(24);
    expect(isDocKind("business-licence")).toBe(true);
    expect(isDocKind("toString")).toBe(false);
  });

  it("translate every refusal an import can give", () => {
    for (const rule of ["empty_file", "file_too_large", "unknown_file_type", "extension_mismatch", "duplicate_document", "corrupt", "password_protected", "zip_bomb", "not_spreadsheet", "file_exists", "statement_no_years", "statement_line_missing", "statement_value"]) {
      const key = ruleKey(rule);
      expect(key, rule).not.toBeNull();
      expect(typeof lookup(key ?? ""), rule).toBe("string");
    }
  });

  it("show sizes, ratios and figures as officers read them", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(1536)).toBe("1.5 KB");
    expect(formatSize(50 * 1024 * 1024)).toBe("50 MB");
    expect(ratioValue({ unit: "percent", value: "62.50" })).toBe("62.50%");
    expect(ratioValue({ unit: "times", value: "1.35" })).toBe("1.35");
    expect(ratioValue({ unit: "times", value: "1.5" })).toBe("1.50");
    expect(ratioValue({ unit: "percent", value: "60" })).toBe("60.00%");
    expect(ratioValue({ unit: "yuan", value: "9400000.00" })).toBe("9,400,000.00");
    expect(ratioValue({ unit: "times", value: null })).toBeNull();
    expect(ratioRule({ unit: "times", threshold: "1.2", bound: "at-least" })).toBe("≥ 1.20");
    expect(ratioRule({ unit: "percent", threshold: "70", bound: "at-most" })).toBe("≤ 70%");
    expect(ratioRule({ unit: "times", threshold: "0.80", bound: "at-least" })).toBe("≥ 0.80");
    expect(ratioRule({ unit: "days", threshold: "90", bound: "at-most" }, zhWords)).toBe("≤ 90天");
    expect(ratioRule({ unit: "days", threshold: null, bound: "at-most" })).toBe("");
  });

  it("write each value in its unit and its change on the year before", () => {
    expect(ratioText({ unit: "times", value: "1.6" }, zhWords)).toBe("1.60倍");
    expect(ratioText({ unit: "times", value: "1.6" }, enWords)).toBe("1.60×");
    expect(ratioText({ unit: "days", value: "40.00" }, zhWords)).toBe("40.00天");
    expect(ratioText({ unit: "days", value: "40.00" }, enWords)).toBe("40.00 days");
    expect(ratioText({ unit: "percent", value: "14.06" }, enWords)).toBe("14.06%");
    expect(ratioText({ unit: "yuan", value: "9400000.00" }, zhWords)).toBe("9,400,000.00元");
    expect(ratioText({ unit: "yuan", value: null }, zhWords)).toBeNull();
    expect(changeText({ unit: "days", change: "-5.00" }, zhWords)).toBe("▼ -5.00天");
    expect(changeText({ unit: "percent", change: "1.56" }, zhWords)).toBe("▲ +1.56个百分点");
    expect(changeText({ unit: "percent", change: "1.56" }, enWords)).toBe("▲ +1.56 pp");
    expect(changeText({ unit: "times", change: "0.16" }, enWords)).toBe("▲ +0.16×");
    expect(changeText({ unit: "yuan", change: "1400000.00" }, enWords)).toBe("▲ +1,400,000.00 yuan");
    expect(changeText({ unit: "times", change: "0.00" }, zhWords)).toBe("持平");
    expect(changeText({ unit: "percent", change: "-0.00" }, enWords)).toBe("unchanged");
    expect(changeText({ unit: "times", change: null }, zhWords)).toBeNull();
    // Fewer days tied up is better; a higher ratio that must stay under its ceiling is worse.
    expect(changeDirection({ bound: "at-most", change: "-5.00" })).toBe("better");
    expect(changeDirection({ bound: "at-most", change: "2" })).toBe("worse");
    expect(changeDirection({ bound: "at-least", change: "-0.10" })).toBe("worse");
    expect(changeDirection({ bound: "at-least", change: "0.00" })).toBe("flat");
  });

  it("group the spread's rows and keep the core's order within a group", () => {
    const groups = groupRatios(RATIO_KINDS);
    expect(groups.map((g) => g.group)).toEqual(["liquidity", "leverage", "turnover", "profitability"]);
    expect(groups[0]?.kinds).toEqual(["current-ratio", "quick-ratio", "strict-quick-ratio"]);
    expect(groups[2]?.kinds).toEqual(["receivable-days", "inventory-days", "payable-days", "prepaid-days", "advance-days", "cash-conversion-cycle"]);
    expect(groups.flatMap((g) => g.kinds)).toHaveLength(21);
    expect(groupRatios(["dscr", "current-ratio"]).map((g) => g.group)).toEqual(["liquidity", "leverage"]);
    expect(OTHER_THRESHOLD_KINDS).toHaveLength(15);
    expect(OTHER_THRESHOLD_KINDS).not.toContain("dscr");
    expect(ratioBound("cash-conversion-cycle")).toBe("at-most");
    expect(ratioBound("advance-days")).toBe("at-least");
  });

  it("say why a ratio is not available", () => {
    const year = (y: number, figures: FinancialYear["figures"]): FinancialYear => ({ year: y, figures, document_id: null, imported_at: "" });
    const old = year(2024, { "current-assets": "1", "current-liabilities": "1", revenue: "10", "accounts-receivable": "2", "profit-before-tax": "1", "interest-expense": "0", "depreciation-amortisation": "1" });
    expect(whyUnavailable("inventory-days", old, undefined, false)).toEqual({ reason: "missing", lines: ["inventory", "cost-of-sales"] });
    expect(whyUnavailable("debt-to-ebitda", old, undefined, false)).toEqual({ reason: "no-debt-lines" });
    expect(whyUnavailable("dscr", old, undefined, false)).toEqual({ reason: "no-scenario" });
    expect(whyUnavailable("revenue-growth", old, undefined, true)).toEqual({ reason: "no-prior" });
    expect(whyUnavailable("interest-coverage", old, undefined, true)).toEqual({ reason: "not-computable" });
    expect(whyUnavailable("current-ratio", undefined, undefined, true)).toEqual({ reason: "missing", lines: ["current-assets", "current-liabilities"] });
  });

  it("prefill the working-capital need and send what the officer typed", () => {
    const from: WcNeedFromStatements = {
      year: 2024,
      revenue: "90000000",
      net_margin_percent: "5.00",
      inventory_days: "72",
      receivable_days: "40.00",
      payable_days: "38.4",
      prepaid_days: "6.40",
      advance_days: "9.60",
      own_funds: "12000000",
      averaged: true,
    };
    const form = wcFormFrom(from, null);
    expect(form).toEqual({
      growth_percent: "",
      own_funds: "12,000,000",
      existing_wc_loans: "",
      other_funds: "",
      inventory_days: "72.00",
      receivable_days: "40.00",
      payable_days: "38.40",
      prepaid_days: "6.40",
      advance_days: "9.60",
    });
    expect(wcAssumptions(form, from)).toEqual({ errors: { growth_percent: "required" } });
    // Days and own funds as the statements give them follow the statements (sent as none).
    const typed = { ...form, growth_percent: "20%", existing_wc_loans: "3,000,000", other_funds: "五", payable_days: "38.4" };
    expect(wcAssumptions(typed, from)).toEqual({ errors: { other_funds: "not_a_number" } });
    const ok = wcAssumptions({ ...typed, other_funds: "500，000", receivable_days: "45" }, from);
    expect(ok).toEqual({
      value: {
        growth_percent: "20",
        own_funds: null,
        existing_wc_loans: "3000000.00",
        other_funds: "500000.00",
        inventory_days: null,
        receivable_days: "45",
        payable_days: null,
        prepaid_days: null,
        advance_days: null,
      },
    });
    if (!("value" in ok)) throw new Error("refused");
    expect(sameAssumptions(ok.value, { ...ok.value, existing_wc_loans: "3000000.00" })).toBe(true);
    expect(sameAssumptions(ok.value, { ...ok.value, receivable_days: null })).toBe(false);
    // Saved once, the form shows what was saved.
    expect(wcFormFrom(from, ok.value)).toMatchObject({ growth_percent: "20", existing_wc_loans: "3,000,000.00", receivable_days: "45.00", payable_days: "38.40" });
    expect(wcAssumptions({ ...form, growth_percent: "1".repeat(30) }, from)).toEqual({ errors: { growth_percent: "out_of_range" } });
  });

  it("add up the need's days exactly and show the turnover to four places", () => {
    expect(cycleDays({ inventory_days: "72.00", receivable_days: "40", payable_days: "38.40", prepaid_days: "6.4", advance_days: "9.60" })).toBe("70.40");
    expect(cycleDays({ inventory_days: "10", receivable_days: "0", payable_days: "200", prepaid_days: "0", advance_days: "0" })).toBe("-190");
    expect(cycleDays({ inventory_days: "0.1", receivable_days: "0.2", payable_days: "0", prepaid_days: "0", advance_days: "0" })).toBe("0.3");
    expect(fixedPlaces("4", 4)).toBe("4.0000");
    expect(fixedPlaces("5.1136", 4)).toBe("5.1136");
  });

  it("count batch progress across files", () => {
    expect(batchPercent({ file: "a", index: 0, count: 2, done: 50, total: 100 })).toBe(25);
    expect(batchPercent({ file: "b", index: 1, count: 2, done: 100, total: 100 })).toBe(100);
    expect(batchPercent({ file: "c", index: 0, count: 0, done: 0, total: 0 })).toBe(0);
  });

  it("recognise a duplicate and keep a refusal's rule", () => {
    expect(duplicateOf(payload("duplicate_document", { id: "12" }))).toBe(12);
    expect(duplicateOf(payload("corrupt", {}))).toBeNull();
    const e = payloadError(payload("statement_value", { line: "存货", row: "7", year: "2024", value: "abc" }));
    expect([e.code, e.rule, e.params.row]).toEqual(["validation", "statement_value", "7"]);
  });
});

describe("pdf character maps", () => {
  it("are bundled for simplified Chinese and read back as bytes", async () => {
    const { BUNDLED_CMAPS, BundledBinaryData } = await import("./pdfData");
    expect(BUNDLED_CMAPS).toContain("UniGB-UCS2-H.bcmap");
    expect(BUNDLED_CMAPS).toContain("GBK-EUC-H.bcmap");
    const bytes = await new BundledBinaryData().fetch({ kind: "cMapUrl", filename: "UniGB-UCS2-H.bcmap" });
    expect(bytes.length).toBeGreaterThan(1000);
    await expect(new BundledBinaryData().fetch({ kind: "standardFontDataUrl", filename: "FoxitSans.pfb" })).rejects.toThrow();
  });
});

