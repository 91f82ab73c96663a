import { describe, expect, it } from "vitest";
import { isCollapsed } from "./sidebar";

describe("the sidebar's fold", () => {
  it("follows the window's width until the officer chooses", () => {
    expect(isCollapsed(null, true)).toBe(true);
    expect(isCollapsed(null, false)).toBe(false);
    expect(isCollapsed(false, true)).toBe(false);
    expect(isCollapsed(true, false)).toBe(true);
  });
});
