// The calculator's form state (strings, as inputs hold them) and its conversion to the
// backend's LoanTerms. Only what cannot be sent at all (not a number, empty) is caught here;
// every rule about the loan itself (ranges, grace below term, ...) is the backend's.
import type { DayCount, LoanTerms, LprTenor, Method, Rounding } from "./bindings";
import { cleanDecimal, digitCount, parseAmount } from "./money";

export type RateKind = "fixed" | "lpr";

/** Keys are the backend's LoanTerms field names, so its errors land on the right input. */
export interface CalcForm {
  principal: string;
  currency: string;
  term_months: string;
  rate_kind: RateKind;
  rate: string;
  lpr_tenor: LprTenor;
  lpr: string;
  spread_bp: string;
  disbursement_date: string;
  repay_day: string;
  method: Method;
  grace_months: string;
  upfront_fee: string;
  day_count: DayCount;
  rounding: Rounding;
}

export type CalcField = Exclude<keyof CalcForm, "rate_kind">;

/** A reason found before sending, in the backend's rule vocabulary. */
export interface LocalError {
  rule: string;
  params: Record<string, string>;
}

export type LocalErrors = Partial<Record<CalcField, LocalError>>;

export type Built = { ok: true; terms: LoanTerms } | { ok: false; errors: LocalErrors };

export const DEFAULT_FIXED_RATE = "3.45";

/** A new calculation: no principal yet, one year at a fixed 3.45 %, paid out today. */
export function newCalcForm(today: string): CalcForm {
  return {
    principal: "",
    currency: "CNY",
    term_months: "12",
    rate_kind: "fixed",
    rate: DEFAULT_FIXED_RATE,
    lpr_tenor: "1y",
    lpr: "",
    spread_bp: "0",
    disbursement_date: today,
    repay_day: "",
    method: "equal-installment",
    grace_months: "0",
    upfront_fee: "0",
    day_count: "act360",
    rounding: "half-up",
  };
}

/** Chinese pricing convention (as the backend's LprTenor::for_term): over five years, the 5-year LPR. */
export function tenorFor(termMonths: string): LprTenor {
  return /^\d+$/.test(termMonths.trim()) && Number(termMonths.trim()) > 60 ? "5y" : "1y";
}

export function formFromTerms(t: LoanTerms): CalcForm {
  const base = {
    principal: t.principal,
    currency: t.currency,
    term_months: String(t.term_months),
    disbursement_date: t.disbursement_date,
    repay_day: t.repay_day === null ? "" : String(t.repay_day),
    method: t.method,
    grace_months: String(t.grace_months),
    upfront_fee: t.upfront_fee,
    day_count: t.day_count,
    rounding: t.rounding,
  };
  if (t.rate.kind === "fixed") {
    return { ...base, rate_kind: "fixed", rate: t.rate.annual_percent, lpr_tenor: tenorFor(base.term_months), lpr: "", spread_bp: "0" };
  }
  return { ...base, rate_kind: "lpr", rate: "", lpr_tenor: t.rate.tenor, lpr: t.rate.lpr_percent, spread_bp: t.rate.spread_bp };
}

/** Decimals beyond this many digits are refused by the backend's parser, not by a rule. */
const MAX_DIGITS = 20;
/** Whole numbers go over as JSON numbers into a u32: longer than this cannot be one. */
const MAX_WHOLE_DIGITS = 9;

const required: LocalError = { rule: "required", params: {} };
const notANumber: LocalError = { rule: "not_a_number", params: {} };
const wholeNumber: LocalError = { rule: "whole_number", params: {} };
const outOfRange: LocalError = { rule: "out_of_range", params: {} };

type Parsed<T> = { value: T } | { error: LocalError };

function decimal(input: string, fallback?: string): Parsed<string> {
  if (input.trim() === "") return fallback === undefined ? { error: required } : { value: fallback };
  const v = cleanDecimal(input);
  if (v === null) return { error: notANumber };
  if (digitCount(v) > MAX_DIGITS) return { error: outOfRange };
  return { value: v };
}

/** An amount as officers type it (500万, 0.5亿, 5,000,000): exact yuan, or the core's rule. */
function amount(input: string, fallback?: string): Parsed<string> {
  if (input.trim() === "" && fallback !== undefined) return { value: fallback };
  const read = parseAmount(input);
  return read.ok ? { value: read.yuan } : { error: { rule: read.rule, params: read.params } };
}

function whole(input: string, fallback?: number): Parsed<number> {
  const s = input.trim();
  if (s === "") return fallback === undefined ? { error: required } : { value: fallback };
  if (!/^\d+$/.test(s)) return { error: wholeNumber };
  if (s.replace(/^0+/, "").length > MAX_WHOLE_DIGITS) return { error: outOfRange };
  return { value: Number(s) };
}

/** The terms to send, or the fields that cannot be sent as typed. */
export function termsFromForm(f: CalcForm): Built {
  const errors: LocalErrors = {};
  const take = <T>(field: CalcField, p: Parsed<T>, dflt: T): T => {
    if ("error" in p) {
      errors[field] = p.error;
      return dflt;
    }
    return p.value;
  };
  const principal = take("principal", amount(f.principal), "0");
  const termMonths = take("term_months", whole(f.term_months), 0);
  const grace = take("grace_months", whole(f.grace_months, 0), 0);
  const fee = take("upfront_fee", amount(f.upfront_fee, "0"), "0");
  const repayDay = f.repay_day.trim() === "" ? null : take("repay_day", whole(f.repay_day), 0);
  if (f.disbursement_date.trim() === "") errors.disbursement_date = required;
  let rate: LoanTerms["rate"];
  if (f.rate_kind === "fixed") {
    rate = { kind: "fixed", annual_percent: take("rate", decimal(f.rate), "0") };
  } else {
    rate = {
      kind: "lpr",
      tenor: f.lpr_tenor,
      lpr_percent: take("lpr", decimal(f.lpr), "0"),
      spread_bp: take("spread_bp", decimal(f.spread_bp, "0"), "0"),
    };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    terms: {
      principal,
      currency: f.currency.trim().toUpperCase() || "CNY",
      term_months: termMonths,
      rate,
      disbursement_date: f.disbursement_date.trim(),
      repay_day: repayDay,
      method: f.method,
      grace_months: grace,
      upfront_fee: fee,
      day_count: f.day_count,
      rounding: f.rounding,
    },
  };
}
