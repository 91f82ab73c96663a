import { describe, expect, it } from "vitest";
import { parseFigure, readable } from "./ocr";

describe("parseFigure", () => {
  it("takes grouped figures and refuses text", () => {
    expect(parseFigure("1,234,567.80")).toBe("1234567.80");
    expect(parseFigure(" -12 500 ")).toBe("-12500");
    expect(parseFigure("")).toBe("");
    expect(parseFigure("1.2.3")).toBeNull();
    expect(parseFigure("一千")).toBeNull();
  });
});

describe("readable", () => {
  it("reads licences and statements that are photos or scans", () => {
    expect(readable({ file_type: "jpeg", kind: "business-licence", archived: false })).toBe("licence");
    expect(readable({ file_type: "pdf", kind: "financial-statements", archived: false })).toBe("statement");
    expect(readable({ file_type: "xlsx", kind: "financial-statements", archived: false })).toBeNull();
    expect(readable({ file_type: "png", kind: "other", archived: false })).toBeNull();
    expect(readable({ file_type: "png", kind: "business-licence", archived: true })).toBeNull();
  });
});
