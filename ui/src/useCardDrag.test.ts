import { describe, expect, it } from "vitest";
import { stageAt } from "./useCardDrag";

describe("board drop target", () => {
  const columns = new Map([
    [1, { left: 0, right: 200 }],
    [2, { left: 210, right: 410 }],
    [3, { left: 420, right: 620 }],
  ]);
  it("is the column under the pointer", () => {
    expect(stageAt(columns, 5)).toBe(1);
    expect(stageAt(columns, 410)).toBe(2);
    expect(stageAt(columns, 500)).toBe(3);
  });
  it("is none between or beyond the columns", () => {
    expect(stageAt(columns, 205)).toBeNull();
    expect(stageAt(columns, 900)).toBeNull();
  });
});
