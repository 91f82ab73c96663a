// Pure helpers of the Security panel: the choices the core offers (from its catalogue, in its
// order), the coverage bar's proportions, and what the officer typed made into the core's input.
// Amounts stay decimal strings, compared exactly (never as JS numbers).
import { CATALOGUE, type CollateralKind, type GuaranteeKind, type GuarantorParty, type SecuritySettings } from "../../bindings";
import { cleanDecimal, compareDecimal, isDecimal, typedAmount } from "../../money";
import { isIsoDate, permille } from "../../servicing";

export const COLLATERAL_KINDS = Object.keys(CATALOGUE.en.collateralKind) as CollateralKind[];
export const GUARANTEE_KINDS = Object.keys(CATALOGUE.en.guaranteeKind) as GuaranteeKind[];
export const GUARANTOR_PARTIES = Object.keys(CATALOGUE.en.guarantorParty) as GuarantorParty[];
/** 《民法典》第六百八十六条: a guarantee whose contract does not say is general. */
export const DEFAULT_GUARANTEE_KIND: GuaranteeKind = "general";

/** Whether a decimal amount is above zero. */
export function isPositive(amount: string): boolean {
  return isDecimal(amount) && compareDecimal(amount, "0") > 0;
}

/**
 * The coverage bar in thousandths of its length: the part of the outstanding principal the
 * collateral covers, the part it does not (the shortfall), and capacity beyond the outstanding
 * (the surplus). The bar is as long as the larger of capacity and outstanding.
 */
export function coverageBar(capacity: string, outstanding: string): { covered: number; short: number; surplus: number } {
  const longest = compareDecimal(capacity, outstanding) >= 0 ? capacity : outstanding;
  const cap = permille(capacity, longest);
  const out = permille(outstanding, longest);
  const covered = Math.min(cap, out);
  return { covered, short: out - covered, surplus: cap - covered };
}

/** The cap Settings give a kind of collateral, in percent ("70"); null when Settings are not loaded. */
export function defaultCap(settings: SecuritySettings | null, kind: CollateralKind): string | null {
  return settings?.kinds.find((k) => k.kind === kind)?.cap_percent ?? null;
}

/** A date strictly before `today` (both YYYY-MM-DD): an expiry that has passed. */
export function isPast(date: string | null, today: string): boolean {
  return date !== null && date < today;
}

/**
 * An optional amount or percentage box: empty is `null` (not given), otherwise the cleaned
 * decimal, or `undefined` when what was typed is not a number.
 */
export function optionalDecimal(text: string): string | null | undefined {
  if (text.trim() === "") return null;
  return cleanDecimal(text) ?? undefined;
}

/** An optional amount box (500万, 0.5亿, 5,000,000): `null` when empty, exact yuan, or `undefined`. */
export function optionalAmount(text: string): string | null | undefined {
  if (text.trim() === "") return null;
  return typedAmount(text) ?? undefined;
}

/** An optional date box: empty is `null`, otherwise the date, or `undefined` when it is not one. */
export function optionalDate(text: string): string | null | undefined {
  if (text.trim() === "") return null;
  return isIsoDate(text) ? text : undefined;
}
