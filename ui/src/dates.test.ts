import { describe, expect, it } from "vitest";
import { parseDate } from "./dates";

describe("parseDate", () => {
  it("reads the ways officers write a date", () => {
    for (const text of ["2026-12-03", "2026/12/3", "2026.12.03", "20261203", "2026年12月3日", "2026年12月03", " ２０２６－１２－０３ "]) {
      expect(parseDate(text), text).toBe("2026-12-03");
    }
  });

  it("refuses days that do not exist and text that is not a date", () => {
    for (const text of ["", "2026-02-29", "2026-13-01", "2026-00-10", "2026-12", "12/03/2026", "03.12.2026", "2026-12-3x", "1899-12-31", "tomorrow"]) {
      expect(parseDate(text), text).toBeNull();
    }
    expect(parseDate("2028-02-29")).toBe("2028-02-29");
  });
});
