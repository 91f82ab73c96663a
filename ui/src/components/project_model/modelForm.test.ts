import { describe, expect, it } from "vitest";
import type { ModelInput } from "../../bindings";
import { addBasisPoints, blankForm, emptyRow, formFrom, pastedGrid, sameInput, toInput, type ModelForm } from "./modelForm";

const SCULPT: ModelInput = {
  periods_per_year: 1,
  rate_percent: "6",
  cfads: ["100", "110", "120", "130", "140"],
  target_dscr: "1.30",
  repayment: "sculpted",
  dsra_funding: "cod",
};

function value(form: ModelForm): ModelInput {
  const parsed = toInput(form);
  if (!("value" in parsed)) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe("the project model form", () => {
  it("makes an LPR rate the quote plus the spread, exactly", () => {
    expect(addBasisPoints("3.50", 70)).toBe("4.20");
    expect(addBasisPoints("3.1", -25)).toBe("2.85");
    expect(addBasisPoints("3.455", 10)).toBe("3.555");
    expect(addBasisPoints("0.10", -30)).toBe("-0.20");
    const lpr: ModelInput = { ...SCULPT, rate_percent: "4.20", rate_basis: { tenor: "5y", lpr_percent: "3.50", spread_bp: 70 } };
    const form = formFrom(lpr);
    expect(form.rate_basis).toEqual({ tenor: "5y", lpr_percent: "3.50", spread_bp: "70" });
    // The rate is the sum, whatever was typed in the fixed-rate box before.
    expect(value({ ...form, rate_percent: "9" })).toEqual(lpr);
    expect(toInput({ ...form, rate_basis: { tenor: "5y", lpr_percent: "3.50", spread_bp: "7.5" } })).toEqual({ errors: { "rate_basis.spread_bp": "whole_number" } });
  });

  it("gives back the input it shows", () => {
    const full: ModelInput = {
      ...SCULPT,
      total_uses: "500",
      max_gearing_percent: "80",
      tenor_periods: 4,
      construction: { periods_per_year: 4, rate_percent: "6", draws: ["250", "250"], draw_timing: "end" },
      dsra_months: 6,
      sweep: { percent: "50", lockup_dscr: "1.10" },
      ebitda: ["120", "130", "140", "150", "160"],
      tax: ["5", "6", "7", "8", "9"],
      capital_category: "power-and-other",
    };
    for (const input of [SCULPT, full]) expect(sameInput(value(formFrom(input)), input)).toBe(true);
    expect(value(formFrom(full)).construction?.draws).toEqual(["250", "250"]);
  });

  it("reads CFADS built from revenue and its deductions", () => {
    const parts: ModelInput = { ...SCULPT, cfads: [], revenue: ["200", "210"], opex: ["50", "55"] };
    const form = formFrom(parts);
    expect(form.mode).toBe("parts");
    const back = value(form);
    expect(back.cfads).toEqual([]);
    expect(back.revenue).toEqual(["200", "210"]);
    expect(back.opex).toEqual(["50", "55"]);
    expect(back.tax).toBeUndefined();
  });

  it("drops trailing empty periods and columns left empty", () => {
    const form = formFrom(SCULPT);
    form.rows.push(emptyRow(), emptyRow());
    const back = value(form);
    expect(back.cfads).toHaveLength(5);
    expect(back.ebitda).toBeUndefined();
  });

  it("names the cell that is wrong, as the core would", () => {
    const form = formFrom(SCULPT);
    form.rows[2] = { ...emptyRow(), cfads: "12o" };
    form.rows[1] = { ...emptyRow(), cfads: "110", ebitda: "9" };
    const parsed = toInput(form);
    expect("errors" in parsed && parsed.errors).toEqual({ "cfads[3]": "not_a_number", "ebitda[1]": "required", "ebitda[3]": "required", "ebitda[4]": "required", "ebitda[5]": "required" });
  });

  it("asks for the rate and the CFADS of a new model", () => {
    const parsed = toInput(blankForm());
    expect("errors" in parsed && parsed.errors).toEqual({ rate_percent: "required", cfads: "required" });
  });

  it("cleans what officers type: thousands separators, full-width commas", () => {
    const form = formFrom(SCULPT);
    form.total_uses = "1,234，567.50";
    expect(value(form).total_uses).toBe("1234567.50");
  });

  it("compares decimals by value", () => {
    expect(sameInput({ ...SCULPT, rate_percent: "4.20" }, { ...SCULPT, rate_percent: "4.2" })).toBe(true);
    expect(sameInput({ ...SCULPT, rate_percent: "4.20" }, { ...SCULPT, rate_percent: "4.02" })).toBe(false);
    expect(sameInput({ ...SCULPT, ebitda: [] }, SCULPT)).toBe(true);
  });

  it("splits a block pasted from a spreadsheet", () => {
    expect(pastedGrid("100\t20\r\n110\t21\r\n")).toEqual([
      ["100", "20"],
      ["110", "21"],
    ]);
  });
});
