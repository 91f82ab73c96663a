// Pure helpers behind the credit line panel and the security Settings card: the bar's parts,
// an exact preview of a use's exposure, and where a backend refusal goes on the form.
import type { Facility, KindTerms } from "../../bindings";
import { compareDecimal, isDecimal } from "../../money";

/** A money or percent string in hundredths (two decimals), exactly; null when not a decimal. */
function hundredths(s: string): bigint | null {
  if (!isDecimal(s)) return null;
  const negative = s.startsWith("-");
  const [whole = "0", frac = ""] = (negative ? s.slice(1) : s).split(".");
  if (frac.length > 2) return null;
  const v = BigInt(whole + frac.padEnd(2, "0"));
  return negative ? -v : v;
}

function money(v: bigint): string {
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * What a use counts against the line: amount × (1 − margin %), half-up to the fen, as the core
 * computes it (security::exposure_fen). Null when either is not a decimal of at most two places
 * or the margin is outside 0–100.
 */
export function exposureOf(amount: string, marginPercent: string): string | null {
  const fen = hundredths(amount);
  const bp = hundredths(marginPercent === "" ? "0" : marginPercent);
  if (fen === null || bp === null || fen < 0n || bp < 0n || bp > 10000n) return null;
  const n = fen * (10000n - bp);
  return money((n + 5000n) / 10000n);
}

/** The bar's two parts (loans, other uses) and the free rest, in thousandths of the larger of amount and used. */
export interface BarParts {
  loans: number;
  uses: number;
  free: number;
  /** More is used than the line allows (it was shortened below what it carries). */
  over: boolean;
}

export function barParts(f: Pick<Facility, "amount" | "used" | "loans_used" | "exposure">): BarParts {
  const amount = hundredths(f.amount) ?? 0n;
  const loans = hundredths(f.loans_used) ?? 0n;
  const uses = hundredths(f.exposure) ?? 0n;
  const used = loans + uses;
  const whole = amount > used ? amount : used;
  if (whole <= 0n) return { loans: 0, uses: 0, free: 1000, over: false };
  const share = (v: bigint) => Number(((v > 0n ? v : 0n) * 1000n) / whole);
  const l = share(loans);
  const u = share(uses);
  return { loans: l, uses: u, free: Math.max(0, 1000 - l - u), over: used > amount };
}

/** The use dialog's fields, by the name the core gives them. */
export type UseField = "kind" | "amount" | "margin_percent" | "on";

/**
 * Which field of the use dialog a refusal belongs under: the line's own refusals name the
 * facility, but "above what is available" is about the amount and "outside the line's dates"
 * about the date. Null: a banner.
 */
export function fieldOfUse(field: string | null, rule: string | null): UseField | null {
  if (field === "facility") {
    if (rule === "above_available") return "amount";
    if (rule === "outside_facility") return "on";
    return null;
  }
  if (field === "amount" || field === "margin_percent" || field === "on" || field === "kind") return field;
  return null;
}

/** The facility dialog's fields. */
export type FacilityField = "amount" | "currency" | "from" | "to";

export function facilityFieldOf(field: string | null): FacilityField | null {
  return field === "amount" || field === "currency" || field === "from" || field === "to" ? field : null;
}

/** The draft of one kind's row in the Settings card, as typed. */
export interface KindDraft {
  kind: KindTerms["kind"];
  cap: string;
  months: string;
}

/** Whether a typed value breaks the refusal's rule (range bounds, decimal places) given in its params. */
function breaks(value: string, rule: string | null, params: Record<string, string>): boolean {
  const v = value.trim();
  if (!isDecimal(v)) return true;
  if (rule === "range") {
    const { min, max } = params;
    return (min !== undefined && isDecimal(min) && compareDecimal(v, min) < 0) || (max !== undefined && isDecimal(max) && compareDecimal(v, max) > 0);
  }
  if (rule === "decimal_places") {
    const places = Number(params.n ?? "2");
    return (v.split(".")[1]?.replace(/0+$/, "").length ?? 0) > places;
  }
  return false;
}

/**
 * The core names a refused kind's field ("cap_percent") but not the kind: the first row whose
 * value breaks the rule by the refusal's own bounds. Null when none does (then a banner).
 */
export function refusedRow(rows: readonly KindDraft[], field: string | null, rule: string | null, params: Record<string, string>): KindDraft["kind"] | null {
  if (field !== "cap_percent" && field !== "revalue_months") return null;
  const row = rows.find((r) => breaks(field === "cap_percent" ? r.cap : r.months, rule, params));
  return row ? row.kind : null;
}

export const capField = (kind: string) => `cap_percent-${kind}`;
export const monthsField = (kind: string) => `revalue_months-${kind}`;
