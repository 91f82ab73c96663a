import { describe, expect, it } from "vitest";
import type { LoanTerms } from "./bindings";
import { formFromTerms, newCalcForm, tenorFor, termsFromForm, type CalcForm } from "./loanForm";

const form = (patch: Partial<CalcForm> = {}): CalcForm => ({ ...newCalcForm("2026-01-15"), principal: "1000000", ...patch });

describe("calculator form", () => {
  it("starts empty with one year at a fixed 3.45 %, today, equal installments", () => {
    const f = newCalcForm("2026-03-01");
    expect(f).toMatchObject({ principal: "", term_months: "12", rate_kind: "fixed", rate: "3.45", disbursement_date: "2026-03-01", method: "equal-installment" });
    expect(termsFromForm(f)).toEqual({ ok: false, errors: { principal: { rule: "required", params: {} } } });
  });

  it("builds the backend's LoanTerms, in its field order, amounts as strings", () => {
    const built = termsFromForm(form({ principal: "1,000,000", term_months: "360", rate: "4.9" }));
    expect(built).toEqual({
      ok: true,
      terms: {
        // Amounts go over as exact yuan with two decimals (parseAmount).
        principal: "1000000.00",
        currency: "CNY",
        term_months: 360,
        rate: { kind: "fixed", annual_percent: "4.9" },
        disbursement_date: "2026-01-15",
        repay_day: null,
        method: "equal-installment",
        grace_months: 0,
        upfront_fee: "0.00",
        day_count: "act360",
        rounding: "half-up",
      },
    });
    if (built.ok) expect(Object.keys(built.terms)).toEqual(["principal", "currency", "term_months", "rate", "disbursement_date", "repay_day", "method", "grace_months", "upfront_fee", "day_count", "rounding"]);
  });

  it("sends LPR + spread, negative spreads included", () => {
    const built = termsFromForm(form({ rate_kind: "lpr", lpr_tenor: "5y", lpr: "3.5", spread_bp: "-20", repay_day: "21", upfront_fee: "10 000", currency: "usd" }));
    expect(built.ok && built.terms).toMatchObject({ rate: { kind: "lpr", tenor: "5y", lpr_percent: "3.5", spread_bp: "-20" }, repay_day: 21, upfront_fee: "10000.00", currency: "USD" });
  });

  it("refuses what cannot be sent, leaving ranges to the backend", () => {
    const built = termsFromForm(form({ principal: "abc", term_months: "1.5", rate: "", grace_months: "x", repay_day: "9999999999", disbursement_date: "" }));
    expect(built).toEqual({
      ok: false,
      errors: {
        principal: { rule: "not_a_number", params: {} },
        term_months: { rule: "whole_number", params: {} },
        rate: { rule: "required", params: {} },
        grace_months: { rule: "whole_number", params: {} },
        repay_day: { rule: "out_of_range", params: {} },
        disbursement_date: { rule: "required", params: {} },
      },
    });
    // Zero months is a number: the backend says why it is wrong.
    expect(termsFromForm(form({ term_months: "0" })).ok).toBe(true);
    expect(termsFromForm(form({ principal: "1".repeat(25) }))).toMatchObject({ ok: false, errors: { principal: { rule: "out_of_range" } } });
  });

  it("reads amounts as officers say them", () => {
    const built = termsFromForm(form({ principal: "500万", upfront_fee: "０.５万" }));
    expect(built.ok && built.terms).toMatchObject({ principal: "5000000.00", upfront_fee: "5000.00" });
    expect(termsFromForm(form({ principal: "1.2345678万" }))).toMatchObject({ ok: false, errors: { principal: { rule: "decimal_places", params: { n: "6" } } } });
  });

  it("round-trips saved terms", () => {
    const terms: LoanTerms = {
      principal: "500000.00",
      currency: "CNY",
      term_months: 84,
      rate: { kind: "lpr", tenor: "5y", lpr_percent: "3.45", spread_bp: "60" },
      disbursement_date: "2026-01-31",
      repay_day: 28,
      method: "equal-principal",
      grace_months: 6,
      upfront_fee: "1000.00",
      day_count: "act365",
      rounding: "half-even",
    };
    expect(termsFromForm(formFromTerms(terms))).toEqual({ ok: true, terms });
    const fixed = { ...terms, rate: { kind: "fixed" as const, annual_percent: "4.35" }, repay_day: null };
    expect(termsFromForm(formFromTerms(fixed))).toEqual({ ok: true, terms: fixed });
  });

  it("suggests the 5-year LPR above five years", () => {
    expect(tenorFor("60")).toBe("1y");
    expect(tenorFor("61")).toBe("5y");
    expect(tenorFor("")).toBe("1y");
  });
});
