// Pure helpers of the Documents tab and the credit analysis: labels for the backend's enums,
// sizes, the spread's texts (values in their unit, changes, why a ratio is missing), the
// working-capital days, import progress. Kept out of the components so Vitest checks them.
import type { TFunction } from "i18next";
import { ApiError } from "./api";
import {
  CATALOGUE,
  DEBT_LINES,
  RATIOS,
  type DocumentKind,
  type ErrorPayload,
  type FinancialYear,
  type Bound,
  type Ratio,
  type RatioGroup,
  type RatioKind,
  type RatioUnit,
  type StatementLine,
  type WcNeedAssumptions,
  type WcNeedFromStatements,
} from "./bindings";
import { cleanDecimal, compareDecimal, digitCount, formatMoney, groupThousands, isDecimal, parseAmount } from "./money";

/** In the backend's order (crates/core/src/documents/kind.rs), as its catalogue lists them. */
export const DOC_KINDS = Object.keys(CATALOGUE.en.docKind) as DocumentKind[];

export function isDocKind(s: string): s is DocumentKind {
  return (DOC_KINDS as readonly string[]).includes(s);
}

/** The core's label of each ratio (`ratioKind.*` in its catalogue), in the core's order. */
export const RATIO_KEY = {
  "current-ratio": "ratioKind.current-ratio",
  "quick-ratio": "ratioKind.quick-ratio",
  "debt-to-asset": "ratioKind.debt-to-asset",
  "interest-coverage": "ratioKind.interest-coverage",
  dscr: "ratioKind.dscr",
  "dscr-cash-flow": "ratioKind.dscr-cash-flow",
  "strict-quick-ratio": "ratioKind.strict-quick-ratio",
  ebitda: "ratioKind.ebitda",
  "debt-to-ebitda": "ratioKind.debt-to-ebitda",
  "net-debt-to-ebitda": "ratioKind.net-debt-to-ebitda",
  "receivable-days": "ratioKind.receivable-days",
  "inventory-days": "ratioKind.inventory-days",
  "payable-days": "ratioKind.payable-days",
  "prepaid-days": "ratioKind.prepaid-days",
  "advance-days": "ratioKind.advance-days",
  "cash-conversion-cycle": "ratioKind.cash-conversion-cycle",
  "gross-margin": "ratioKind.gross-margin",
  "net-margin": "ratioKind.net-margin",
  "return-on-equity": "ratioKind.return-on-equity",
  "cash-to-profit": "ratioKind.cash-to-profit",
  "revenue-growth": "ratioKind.revenue-growth",
} as const satisfies { [K in RatioKind]: `ratioKind.${K}` };
/** Every ratio, in the core's order (its catalogue lists them so). */
export const RATIO_KINDS = Object.keys(CATALOGUE.en.ratioKind) as RatioKind[];

/** The five with their own field in Thresholds; the others are optional (`others`). */
export const NAMED_THRESHOLD_KINDS: ReadonlySet<RatioKind> = new Set(RATIO_KINDS.filter((k) => RATIOS[k].namedThreshold));
export const OTHER_THRESHOLD_KINDS = RATIO_KINDS.filter((k) => !NAMED_THRESHOLD_KINDS.has(k));

/** How the spread groups its rows (the core's `RatioKind::group`), in the catalogue's order. */
export const RATIO_GROUPS = Object.keys(CATALOGUE.en.ratioGroup) as RatioGroup[];
export const RATIO_GROUP_KEY = Object.fromEntries(RATIO_GROUPS.map((g) => [g, `ratioGroup.${g}`])) as Record<RatioGroup, `ratioGroup.${RatioGroup}`>;

/** The kinds as the core sent them, grouped; within a group the core's order is kept. */
export function groupRatios(kinds: readonly RatioKind[]): { group: RatioGroup; kinds: RatioKind[] }[] {
  return RATIO_GROUPS.map((group) => ({ group, kinds: kinds.filter((k) => RATIOS[k].group === group) })).filter((g) => g.kinds.length > 0);
}

/** The lines the figures table shows, in the template's order (balance sheet, income, cash). */
export const LINE_KEY = {
  cash: "statementLine.cash",
  "accounts-receivable": "statementLine.accounts-receivable",
  prepayments: "statementLine.prepayments",
  inventory: "statementLine.inventory",
  "current-assets": "statementLine.current-assets",
  "total-assets": "statementLine.total-assets",
  "short-term-borrowings": "statementLine.short-term-borrowings",
  "accounts-payable": "statementLine.accounts-payable",
  "advances-from-customers": "statementLine.advances-from-customers",
  "current-portion-of-long-term-debt": "statementLine.current-portion-of-long-term-debt",
  "current-liabilities": "statementLine.current-liabilities",
  "long-term-borrowings": "statementLine.long-term-borrowings",
  "bonds-payable": "statementLine.bonds-payable",
  "total-liabilities": "statementLine.total-liabilities",
  "total-equity": "statementLine.total-equity",
  revenue: "statementLine.revenue",
  "cost-of-sales": "statementLine.cost-of-sales",
  "finance-costs": "statementLine.finance-costs",
  "interest-expense": "statementLine.interest-expense",
  "profit-before-tax": "statementLine.profit-before-tax",
  "income-tax-expense": "statementLine.income-tax-expense",
  "net-profit": "statementLine.net-profit",
  "depreciation-amortisation": "statementLine.depreciation-amortisation",
  "operating-cash-flow": "statementLine.operating-cash-flow",
} as const satisfies { [K in StatementLine]: `statementLine.${K}` };
export const LINES = Object.keys(LINE_KEY) as StatementLine[];

/** 1536 → "1.5 KB"; binary units, one decimal under 10. Not a money figure: a JS number is fine. */
export function formatSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  const shown = u === 0 ? String(n) : n < 10 ? n.toFixed(1) : String(Math.round(n));
  return `${shown} ${units[u]}`;
}

/** "1.5" → "1.50", "60" → "60.00": ratios are shown with the two decimals they are judged on. */
export function twoDecimals(s: string): string {
  if (!isDecimal(s)) return s;
  const [whole = "", frac = ""] = s.split(".");
  return `${whole}.${frac.padEnd(2, "0")}`;
}

/** A ratio's number as shown: "1.35", "62.50%", "45.00" (days), "9,400,000.00" (yuan), or null. */
export function ratioValue(r: Pick<Ratio, "unit" | "value">): string | null {
  if (r.value === null) return null;
  return numberIn(r.unit, r.value);
}

function numberIn(unit: RatioUnit, value: string): string {
  if (unit === "yuan") return formatMoney(value);
  const v = twoDecimals(value);
  return unit === "percent" ? `${v}%` : v;
}

/**
 * The unit words the spread writes after a number, from the core's catalogue (`ratioUnit.*`)
 * and the UI's own for percentage points; `space` between number and word ("45.00 days",
 * "45.00天").
 */
export interface UnitWords {
  times: string;
  days: string;
  yuan: string;
  points: string;
  /** A change that rounds to nothing: "持平" / "unchanged". */
  flat: string;
  space: string;
}

export function unitWords(t: TFunction, language: string): UnitWords {
  return {
    times: t("ratioUnit.times"),
    days: t("ratioUnit.days"),
    yuan: t("ratioUnit.yuan"),
    points: t("credit.points"),
    flat: t("credit.flat"),
    space: language.startsWith("zh") ? "" : " ",
  };
}

/** A value with its unit: "1.50倍" / "1.50×", "62.50%", "45.00天" / "45.00 days", "9,400,000.00元". */
export function ratioText(r: Pick<Ratio, "unit" | "value">, w: UnitWords): string | null {
  if (r.value === null) return null;
  const n = numberIn(r.unit, r.value);
  switch (r.unit) {
    case "times":
      return `${n}${w.times}`;
    case "percent":
      return n;
    case "days":
      return `${n}${w.space}${w.days}`;
    case "yuan":
      return `${n}${w.space}${w.yuan}`;
  }
}

/** Year on year: "▲ +0.25倍", "▼ -5.00天", "▲ +2.50个百分点" (a percent changes by points), "持平". */
export function changeText(r: Pick<Ratio, "unit" | "change">, w: UnitWords): string | null {
  if (r.change === null || !isDecimal(r.change)) return null;
  const negative = r.change.startsWith("-");
  const magnitude = negative ? r.change.slice(1) : r.change;
  const zero = /^[0.]+$/.test(magnitude);
  const n = r.unit === "yuan" ? formatMoney(magnitude) : twoDecimals(magnitude);
  const unit = { times: w.times, percent: `${w.space}${w.points}`, days: `${w.space}${w.days}`, yuan: `${w.space}${w.yuan}` }[r.unit];
  if (zero) return w.flat;
  return `${negative ? "▼ -" : "▲ +"}${n}${unit}`;
}

/** Whether the change is for the better, judged in the ratio's direction (fewer days tied up is better). */
export function changeDirection(r: Pick<Ratio, "bound" | "change">): "better" | "worse" | "flat" | null {
  if (r.change === null || !isDecimal(r.change)) return null;
  if (/^-?[0.]+$/.test(r.change)) return "flat";
  const up = !r.change.startsWith("-");
  return up === (r.bound === "at-least") ? "better" : "worse";
}

/** The threshold as a rule: "≥ 1.20", "≤ 70%" (a whole percent stays whole), "≤ 90天"; "" when none is set. */
export function ratioRule(r: Pick<Ratio, "unit" | "threshold" | "bound">, w?: UnitWords): string {
  if (r.threshold === null) return "";
  const sign = r.bound === "at-least" ? "≥" : "≤";
  switch (r.unit) {
    case "percent":
      return `${sign} ${r.threshold}%`;
    case "days":
      return `${sign} ${r.threshold}${w ? `${w.space}${w.days}` : ""}`;
    case "yuan":
      return `${sign} ${groupThousands(r.threshold)}`;
    case "times":
      return `${sign} ${twoDecimals(r.threshold)}`;
  }
}

export type Unavailable =
  | { reason: "missing"; lines: StatementLine[] }
  | { reason: "no-debt-lines" }
  | { reason: "no-scenario" }
  | { reason: "no-prior" }
  | { reason: "not-computable" };

/**
 * Why a ratio of `year` is not available: a line its statement lacks, no interest-bearing debt
 * line, no proposed loan (DSCR), no year before (growth), or else a denominator of zero or less.
 */
export function whyUnavailable(kind: RatioKind, year: FinancialYear | undefined, prior: FinancialYear | undefined, hasDebtService: boolean): Unavailable {
  const has = (y: FinancialYear | undefined, line: StatementLine) => y?.figures[line] !== undefined;
  const lines = RATIOS[kind].lines.filter((l) => !has(year, l));
  if (lines.length > 0) return { reason: "missing", lines };
  if ((kind === "debt-to-ebitda" || kind === "net-debt-to-ebitda") && !DEBT_LINES.some((l) => has(year, l))) return { reason: "no-debt-lines" };
  if ((kind === "dscr" || kind === "dscr-cash-flow") && !hasDebtService) return { reason: "no-scenario" };
  if (kind === "revenue-growth" && (prior === undefined || !has(prior, "revenue"))) return { reason: "no-prior" };
  return { reason: "not-computable" };
}

/** The five turnover days the need adds up: inventory + receivable − payable + prepaid − advance, exactly. */
export function cycleDays(d: { inventory_days: string; receivable_days: string; payable_days: string; prepaid_days: string; advance_days: string }): string | null {
  const terms: [1n | -1n, string][] = [
    [1n, d.inventory_days],
    [1n, d.receivable_days],
    [-1n, d.payable_days],
    [1n, d.prepaid_days],
    [-1n, d.advance_days],
  ];
  if (!terms.every(([, v]) => isDecimal(v))) return null;
  const scale = Math.max(...terms.map(([, v]) => v.split(".")[1]?.length ?? 0));
  const scaled = (v: string) => {
    const negative = v.startsWith("-");
    const [whole = "0", frac = ""] = (negative ? v.slice(1) : v).split(".");
    const n = BigInt(whole + frac.padEnd(scale, "0"));
    return negative ? -n : n;
  };
  const sum = terms.reduce((acc, [sign, v]) => acc + sign * scaled(v), 0n);
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${whole}${scale > 0 ? `.${frac}` : ""}`;
}

/** What the `import-progress` event carries (src-tauri/src/commands/documents.rs). */
export interface ImportProgress {
  file: string;
  index: number;
  count: number;
  done: number;
  total: number;
}

/** Percent of the whole batch, counting finished files as whole ones: 0..100. */
export function batchPercent(p: ImportProgress): number {
  if (p.count <= 0) return 0;
  const file = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  return Math.round(((p.index + file) / p.count) * 100);
}

/** A failed file's payload as the error the translators already handle. */
export function payloadError(p: ErrorPayload): ApiError {
  return new ApiError(p.code, p.message, p.field, p.rule, p.params, p.items);
}

/** The existing document a duplicate refusal names, if it is one. */
export function duplicateOf(p: ErrorPayload): number | null {
  if (p.code !== "validation" || p.rule !== "duplicate_document") return null;
  const id = Number(p.params.id);
  return Number.isInteger(id) ? id : null;
}

/** The need's five day counts in the annex's order, each with the ratio the statements give it. */
export const WC_DAY_FIELDS = [
  ["inventory_days", "inventory-days"],
  ["receivable_days", "receivable-days"],
  ["payable_days", "payable-days"],
  ["prepaid_days", "prepaid-days"],
  ["advance_days", "advance-days"],
] as const satisfies readonly (readonly [keyof WcNeedFromStatements & keyof WcNeedAssumptions, RatioKind])[];
export type WcDayField = (typeof WC_DAY_FIELDS)[number][0];
type WcAmountField = "own_funds" | "existing_wc_loans" | "other_funds";
/** What the officer types, keyed by the core's field names so its refusals land on the right input. */
export type WcForm = Record<"growth_percent" | WcAmountField | WcDayField, string>;

/** The form as last saved, or prefilled from the statements (amounts grouped as officers type them). */
export function wcFormFrom(from: WcNeedFromStatements, saved: WcNeedAssumptions | null): WcForm {
  const amount = (v: string | null | undefined) => (v === null || v === undefined ? "" : groupThousands(v));
  const day = (f: WcDayField) => {
    const v = saved?.[f] ?? from[f];
    return v === null || v === undefined ? "" : twoDecimals(v);
  };
  return {
    growth_percent: saved?.growth_percent ?? "",
    own_funds: amount(saved?.own_funds ?? from.own_funds),
    existing_wc_loans: amount(saved?.existing_wc_loans),
    other_funds: amount(saved?.other_funds),
    inventory_days: day("inventory_days"),
    receivable_days: day("receivable_days"),
    payable_days: day("payable_days"),
    prepaid_days: day("prepaid_days"),
    advance_days: day("advance_days"),
  };
}

/** Longer than this is no amount or day count a Decimal takes (the core would refuse to parse it). */
const MAX_DIGITS = 20;

const AMOUNT_FIELDS: readonly (keyof WcForm)[] = ["own_funds", "existing_wc_loans", "other_funds"];

export type WcFormErrors = Partial<Record<keyof WcForm, "required" | "not_a_number" | "out_of_range">>;

/**
 * The assumptions to send, or what cannot be sent at all. A day count or own funds left empty,
 * or equal to the statements' figure, is sent as none: it then follows the statements. Existing
 * loans and other funds left empty are 0. Every rule about the values is the core's.
 */
export function wcAssumptions(form: WcForm, from: WcNeedFromStatements): { value: WcNeedAssumptions } | { errors: WcFormErrors } {
  const errors: WcFormErrors = {};
  const parse = (field: keyof WcForm): string | null => {
    // A growth typed as "10%" means 10.
    const typed = field === "growth_percent" ? form[field].replace(/[%％]\s*$/, "") : form[field];
    if (typed.trim() === "") return null;
    if (AMOUNT_FIELDS.includes(field)) {
      // Amounts as officers say them (500万); finer than the fen is no amount.
      const read = parseAmount(typed);
      if (!read.ok) errors[field] = read.rule === "out_of_range" ? "out_of_range" : "not_a_number";
      return read.ok ? read.yuan : null;
    }
    const v = cleanDecimal(typed);
    if (v === null) errors[field] = "not_a_number";
    else if (digitCount(v) > MAX_DIGITS) errors[field] = "out_of_range";
    return v;
  };
  const orStatement = (field: WcDayField | "own_funds"): string | null => {
    const v = parse(field);
    const found = from[field];
    return v !== null && found !== null && compareDecimal(v, found) === 0 ? null : v;
  };
  const growth = parse("growth_percent");
  if (growth === null && errors.growth_percent === undefined) errors.growth_percent = "required";
  const value: WcNeedAssumptions = {
    growth_percent: growth ?? "",
    own_funds: orStatement("own_funds"),
    existing_wc_loans: parse("existing_wc_loans") ?? "0",
    other_funds: parse("other_funds") ?? "0",
    inventory_days: orStatement("inventory_days"),
    receivable_days: orStatement("receivable_days"),
    payable_days: orStatement("payable_days"),
    prepaid_days: orStatement("prepaid_days"),
    advance_days: orStatement("advance_days"),
  };
  return Object.keys(errors).length > 0 ? { errors } : { value };
}

/** The same assumptions, whatever the decimals were written as ("3000000" and "3000000.00"). */
export function sameAssumptions(a: WcNeedAssumptions, b: WcNeedAssumptions): boolean {
  const keys = Object.keys(a) as (keyof WcNeedAssumptions)[];
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (x === null || y === null) return x === y;
    return isDecimal(x) && isDecimal(y) ? compareDecimal(x, y) === 0 : x === y;
  });
}

/** "4" → "4.0000": the turnover is read to four places. */
export function fixedPlaces(s: string, places: number): string {
  if (!isDecimal(s)) return s;
  const [whole = "", frac = ""] = s.split(".");
  return `${whole}.${frac.padEnd(places, "0")}`;
}

/** Each ratio's unit, for Settings (which has no ratio at hand to read it from): the core's. */
export const RATIO_UNIT = Object.fromEntries(RATIO_KINDS.map((k) => [k, RATIOS[k].unit])) as Record<RatioKind, RatioUnit>;
/** The direction a ratio's threshold is judged in: the core's `RatioKind::bound`. */
export function ratioBound(kind: RatioKind): Bound {
  return RATIOS[kind].bound;
}
