import { describe, expect, it } from "vitest";
import { wholeIn } from "./wholeNumber";

describe("whole numbers in a range", () => {
  it("take what is typed, spaces around allowed, bounds included", () => {
    expect(wholeIn("7", 1, 100)).toBe(7);
    expect(wholeIn(" 30 ", 1, 30)).toBe(30);
    expect(wholeIn("0", 0, 366)).toBe(0);
    expect(wholeIn("007", 1, 30)).toBe(7);
  });

  it("refuse anything else", () => {
    for (const bad of ["0", "31", "1.5", "", " ", "-3", "+3", "abc", "1e1", "3 0", "99999999999999999999"]) {
      expect(wholeIn(bad, 1, 30), bad).toBeNull();
    }
  });
});
