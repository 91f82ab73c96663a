import { describe, expect, it } from "vitest";
import { barParts, exposureOf, facilityFieldOf, refusedRow, fieldOfUse, type KindDraft } from "./components/facility/facilityModel";

describe("exposureOf", () => {
  it("is the amount less the cash margin, exactly", () => {
    expect(exposureOf("1000000", "40")).toBe("600000.00");
    expect(exposureOf("1000000.00", "0")).toBe("1000000.00");
    expect(exposureOf("1000000", "")).toBe("1000000.00");
    expect(exposureOf("1000000", "100")).toBe("0.00");
    expect(exposureOf("12345678901234.56", "33.33")).toBe("8230864123453.08");
  });

  it("rounds half-up to the fen as the core does", () => {
    // 0.05 × 0.5 = 0.025 → 0.03
    expect(exposureOf("0.05", "50")).toBe("0.03");
    // 0.01 × 0.4999 → 0.004999 → 0.00
    expect(exposureOf("0.01", "50.01")).toBe("0.00");
  });

  it("is null for what the core would refuse", () => {
    expect(exposureOf("abc", "40")).toBeNull();
    expect(exposureOf("1.001", "40")).toBeNull();
    expect(exposureOf("100", "100.5")).toBeNull();
    expect(exposureOf("100", "-1")).toBeNull();
    expect(exposureOf("100", "12.345")).toBeNull();
  });
});

describe("barParts", () => {
  it("splits the line into loans, uses and the free rest", () => {
    expect(barParts({ amount: "1000.00", used: "600.00", loans_used: "400.00", exposure: "200.00" })).toEqual({ loans: 400, uses: 200, free: 400, over: false });
  });

  it("scales to what is used when more is used than the line", () => {
    expect(barParts({ amount: "100.00", used: "200.00", loans_used: "150.00", exposure: "50.00" })).toEqual({ loans: 750, uses: 250, free: 0, over: true });
  });

  it("is all free for an empty line", () => {
    expect(barParts({ amount: "0.00", used: "0.00", loans_used: "0.00", exposure: "0.00" })).toEqual({ loans: 0, uses: 0, free: 1000, over: false });
  });
});

describe("where a refusal goes", () => {
  it("puts the line's refusals under the amount or the date", () => {
    expect(fieldOfUse("facility", "above_available")).toBe("amount");
    expect(fieldOfUse("facility", "outside_facility")).toBe("on");
    expect(fieldOfUse("facility", "unknown_value")).toBeNull();
    expect(fieldOfUse("margin_percent", "range")).toBe("margin_percent");
    expect(fieldOfUse("on", "not_in_future")).toBe("on");
    expect(fieldOfUse(null, null)).toBeNull();
  });

  it("knows the facility dialog's fields", () => {
    expect(facilityFieldOf("to")).toBe("to");
    expect(facilityFieldOf("amount")).toBe("amount");
    expect(facilityFieldOf("client_id")).toBeNull();
    expect(facilityFieldOf(null)).toBeNull();
  });

  it("finds the kind whose value breaks the refusal's bounds", () => {
    const rows: KindDraft[] = [
      { kind: "property", cap: "70", months: "12" },
      { kind: "land", cap: "101", months: "12" },
      { kind: "equipment", cap: "50.125", months: "61" },
    ];
    expect(refusedRow(rows, "cap_percent", "range", { min: "0", max: "100" })).toBe("land");
    expect(refusedRow(rows, "cap_percent", "decimal_places", { n: "2" })).toBe("equipment");
    expect(refusedRow(rows, "revalue_months", "range", { min: "0", max: "60" })).toBe("equipment");
    expect(refusedRow(rows, "expiry_days", "range", { min: "0", max: "366" })).toBeNull();
    expect(refusedRow(rows.slice(0, 1), "cap_percent", "range", { min: "0", max: "100" })).toBeNull();
  });
});
