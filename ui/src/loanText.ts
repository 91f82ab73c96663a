// Loan terms in words for lists and the comparison: "等额本息 · 1,000,000 · 360 期".
import type { TFunction } from "i18next";
import type { LoanTerms, Method, Rate } from "./bindings";
import { METHOD_KEY, TENOR_KEY } from "./labels";
import { formatPercent, groupThousands } from "./money";

/**
 * "4.9%", or "1年期LPR 3.45% + 60BP = 4.05%" where the core's schedule gave the rate it
 * accrues (`Summary.annual_rate`); without one, just "1年期LPR 3.45% + 60BP".
 */
export function rateText(t: TFunction, rate: Rate, annualRate: string | null = null): string {
  if (rate.kind === "fixed") return formatPercent(rate.annual_percent);
  const parts = { tenor: t(TENOR_KEY[rate.tenor]), lpr: formatPercent(rate.lpr_percent), spread: rate.spread_bp };
  return annualRate === null ? t("calc.lprRateParts", parts) : t("calc.lprRateText", { ...parts, rate: formatPercent(annualRate) });
}

/** "360 期（30 年）" / "360 months (30 years)"; the years only when whole. */
export function termText(t: TFunction, months: number): string {
  const m = t("calc.months", { count: months });
  return months % 12 === 0 ? t("calc.monthsYears", { months: m, years: t("calc.years", { count: months / 12 }) }) : m;
}

/** The amount with its unit: "1,000,000 元" in Chinese, "CNY 1,000,000" in English. */
export function amountText(t: TFunction, amount: string, currency: string): string {
  return t("calc.amount", { amount: groupThousands(amount), currency: currency === "CNY" ? t("calc.yuan") : currency });
}

export function scenarioLine(t: TFunction, terms: LoanTerms): string {
  return [t(METHOD_KEY[terms.method]), amountText(t, terms.principal, terms.currency), termText(t, terms.term_months), rateText(t, terms.rate)].join(" · ");
}

/** A name for a scenario the officer has not named: method, amount and term. */
export function suggestedLabel(t: TFunction, terms: LoanTerms): string {
  return [t(METHOD_KEY[terms.method]), groupThousands(terms.principal), termText(t, terms.term_months)].join(" · ");
}

/** What `summary.payment` is for each method: a level 月供 only for equal installments. */
export const PAYMENT_LABEL = {
  "equal-installment": "calc.paymentMonthly",
  "equal-principal": "calc.paymentFirst",
  "interest-only": "calc.paymentInterest",
  "quarterly-interest": "calc.paymentQuarterly",
  bullet: "calc.paymentBullet",
} as const satisfies Record<Method, string>;
