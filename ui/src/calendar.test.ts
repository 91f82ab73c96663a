import { describe, expect, it } from "vitest";
import { yearRanges } from "./components/loans/HolidayCalendarCard";

describe("yearRanges", () => {
  it("joins consecutive years and lists gaps", () => {
    expect(yearRanges([2020, 2021, 2022, 2023, 2024, 2025, 2026])).toBe("2020–2026");
    expect(yearRanges([2024, 2020, 2021, 2022])).toBe("2020–2022, 2024");
    expect(yearRanges([2030])).toBe("2030");
    expect(yearRanges([])).toBe("");
  });
});
