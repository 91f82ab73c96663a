import { describe, expect, it } from "vitest";
import { EMPTY_FILTERS, nextSort } from "./screens/Clients";

describe("sorting the client list by a column header", () => {
  it("starts newest first, then sorts a clicked column and flips it on a second click", () => {
    expect(EMPTY_FILTERS.sort).toBe("newest");
    const byName = nextSort(EMPTY_FILTERS, "name");
    expect(byName).toEqual({ sort: "name", descending: false });
    expect(nextSort(byName, "name")).toEqual({ sort: "name", descending: true });
  });

  it("starts amounts with the largest", () => {
    expect(nextSort({ sort: "name", descending: false }, "amount")).toEqual({ sort: "amount", descending: true });
  });
});
