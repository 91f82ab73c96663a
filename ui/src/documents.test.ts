import { describe, expect, it } from "vitest";
import type { ErrorPayload, RuleCode } from "./bindings";
import { DOC_KINDS, LINES, LINE_KEY, RATIO_KEY, batchPercent, duplicateOf, formatFigure, formatSize, isDocKind, payloadError, ratioRule, ratioValue } from "./documents";
import { resources } from "./i18n";
import { ruleKey } from "./labels";

function lookup(key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources["zh-CN"].translation);
}

const payload = (rule: RuleCode, params: Record<string, string>): ErrorPayload => ({ code: "validation", message: "m", field: "file", rule, params, items: [] });

describe("documents", () => {
  it("label every kind, ratio and statement line", () => {
    for (const k of DOC_KINDS) expect(typeof lookup(`docKind.${k}`), k).toBe("string");
    for (const key of [...Object.values(RATIO_KEY), ...Object.values(LINE_KEY)]) expect(typeof lookup(key), key).toBe("string");
    expect(LINES.slice(0, 3)).toEqual(["current-assets", "inventory", "total-assets"]);
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
    expect(ratioValue({ kind: "debt-to-asset", value: "62.50" })).toBe("62.50%");
    expect(ratioValue({ kind: "current-ratio", value: "1.35" })).toBe("1.35");
    expect(ratioValue({ kind: "current-ratio", value: "1.5" })).toBe("1.50");
    expect(ratioValue({ kind: "debt-to-asset", value: "60" })).toBe("60.00%");
    expect(ratioRule({ kind: "dscr", threshold: "1.2", bound: "at-least" })).toBe("≥ 1.20");
    expect(ratioValue({ kind: "dscr", value: null })).toBeNull();
    expect(ratioRule({ kind: "debt-to-asset", threshold: "70", bound: "at-most" })).toBe("≤ 70%");
    expect(ratioRule({ kind: "quick-ratio", threshold: "0.80", bound: "at-least" })).toBe("≥ 0.80");
    expect(formatFigure("12000000")).toBe("12,000,000");
    expect(formatFigure(undefined)).toBe("—");
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

