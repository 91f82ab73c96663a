// Money and rates arrive as exact decimal strings ("1000000.00", "4.90"). They are shown by
// rearranging their characters and added up only in BigInt: never through a JS number.
import type { TFunction } from "i18next";
import type { AmountUnit, RuleCode } from "./bindings";
import { ruleReason } from "./errors";

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimal(s: string): boolean {
  return DECIMAL.test(s);
}

/** "1234567.8" → "1,234,567.8"; anything that is not a plain decimal comes back unchanged. */
export function groupThousands(s: string): string {
  if (!DECIMAL.test(s)) return s;
  const negative = s.startsWith("-");
  const [whole = "", frac] = (negative ? s.slice(1) : s).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac === undefined ? "" : `.${frac}`}`;
}

/** A payment as officers read it: thousands separated, exactly two decimals (the core's format_payment). */
export function formatMoney(s: string): string {
  return formatPayment(s);
}

/** "4.9" → "4.9%"; the backend already gives two decimals where it matters. */
export function formatPercent(s: string): string {
  return `${s}%`;
}

/**
 * What an officer types into an amount or rate box, made into a decimal the backend parses:
 * thousands separators (ASCII or full-width commas) and spaces dropped, "5." → "5",
 * ".5" → "0.5". Null when what is left is not a decimal number.
 */
export function cleanDecimal(input: string): string | null {
  let s = input.replace(/[,，\s]/g, "");
  if (s.startsWith("+")) s = s.slice(1);
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  if (s.endsWith(".")) s = s.slice(0, -1);
  if (s.startsWith(".")) s = `0${s}`;
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return negative ? `-${s}` : s;
}

/** Significant digits of a decimal string, to keep absurd input away from the parser's limits. */
export function digitCount(s: string): number {
  return s.replace(/[^\d]/g, "").replace(/^0+/, "").length;
}

function toScaled(s: string, scale: number): bigint {
  const negative = s.startsWith("-");
  const [whole = "0", frac = ""] = (negative ? s.slice(1) : s).split(".");
  const v = BigInt(whole + frac.padEnd(scale, "0").slice(0, scale));
  return negative ? -v : v;
}

function fromScaled(v: bigint, scale: number): string {
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/** Orders two decimal strings exactly: negative, zero or positive like a - b. */
export function compareDecimal(a: string, b: string): number {
  if (!DECIMAL.test(a) || !DECIMAL.test(b)) return 0;
  const fracLen = (s: string) => s.split(".")[1]?.length ?? 0;
  const scale = Math.max(fracLen(a), fracLen(b));
  const d = toScaled(a, scale) - toScaled(b, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** An amount in 万 (ten thousands), as Chinese officers say it: "1000000" → "100", "12345.6" → "1.23456". */
export function toWan(s: string): string | null {
  if (!DECIMAL.test(s)) return null;
  const places = s.split(".")[1]?.length ?? 0;
  // The same digits, read four places further right of the point.
  return fromScaled(toScaled(s, places), places + 4);
}

// ---------------------------------------------------------------------------------------------
// Amounts as officers speak them: typed as 500万 / 0.5亿 / 5,000,000, shown in 元, 万元 or 亿元.
// The same rules as the core's `amount` module (crates/core/src/amount); both test suites read
// crates/core/tests/fixtures/amount_vectors.json, so the two cannot drift apart. Mirrored here
// rather than asked of the core because an input is read on every keystroke.


/** Places the point moves from yuan to the unit. */
const UNIT_PLACES: Record<AmountUnit, number> = { yuan: 0, wan: 4, yi: 8 };

export const AMOUNT_UNITS: readonly AmountUnit[] = ["yuan", "wan", "yi"];
const AMOUNT_UNIT_KEY = { yuan: "amountUnit.yuan", wan: "amountUnit.wan", yi: "amountUnit.yi" } as const satisfies Record<AmountUnit, string>;

/** 15 whole digits of yuan at most (the core's MAX_YUAN). */
const MAX_WHOLE_DIGITS = 15;

export type AmountParse = { ok: true; yuan: string } | { ok: false; rule: RuleCode; params: Record<string, string> };

function halfWidth(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (c === "\u3000" || c === "\u00a0") return " ";
  if (c === "。") return ".";
  if (c === "￥") return "¥";
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0);
  return c;
}

function ungroup(whole: string): string | null {
  const groups = whole.split(/[, ]/);
  if (!groups.every((g) => /^\d*$/.test(g))) return null;
  if (groups.length > 1) {
    const [first = "", ...rest] = groups;
    if (first.length < 1 || first.length > 3 || !rest.every((g) => g.length === 3)) return null;
  }
  return groups.join("");
}

/**
 * What an officer typed in an amount box as exact yuan with two decimals ("500万" →
 * "5000000.00"), or the rule it breaks. Never rounds: finer than the fen is refused.
 */
export function parseAmount(text: string): AmountParse {
  const fail = (rule: RuleCode, params: Record<string, string> = {}): AmountParse => ({ ok: false, rule, params });
  let s = Array.from(text, halfWidth).join("").trim();
  if (s === "") return fail("required");
  let negative = false;
  if (s.startsWith("-")) {
    negative = true;
    s = s.slice(1).trimStart();
  } else if (s.startsWith("+")) {
    s = s.slice(1).trimStart();
  }
  if (s.startsWith("¥")) s = s.slice(1).trimStart();
  if (s.endsWith("元")) s = s.slice(0, -1).trimEnd();
  let unit: AmountUnit = "yuan";
  if (s.endsWith("万")) unit = "wan";
  else if (s.endsWith("亿")) unit = "yi";
  if (unit !== "yuan") s = s.slice(0, -1).trimEnd();
  const point = s.indexOf(".");
  const wholeText = point < 0 ? s : s.slice(0, point);
  const fracText = point < 0 ? "" : s.slice(point + 1);
  const whole = ungroup(wholeText);
  if (whole === null || (whole === "" && fracText === "") || !/^\d*$/.test(fracText)) return fail("not_a_number");
  const frac = fracText.replace(/0+$/, "");
  const places = UNIT_PLACES[unit] + 2;
  if (frac.length > places) return fail("decimal_places", { n: String(places) });
  const digits = whole.replace(/^0+/, "");
  if (digits.length + UNIT_PLACES[unit] > MAX_WHOLE_DIGITS) return fail("out_of_range");
  const fen = BigInt(digits + frac.padEnd(places, "0"));
  const abs = fen.toString().padStart(3, "0");
  const yuan = `${abs.slice(0, -2)}.${abs.slice(-2)}`;
  return { ok: true, yuan: negative && fen !== 0n ? `-${yuan}` : yuan };
}

/** The decimal rounded half-up (away from zero at the midpoint) to `places`, as digits and a sign. */
function roundScaled(s: string, shift: number, places: number): { negative: boolean; digits: bigint } {
  const negative = s.startsWith("-");
  const [whole = "0", frac = ""] = (negative ? s.slice(1) : s).split(".");
  const mantissa = BigInt(whole + frac);
  const scale = frac.length + shift;
  if (scale <= places) return { negative, digits: mantissa * 10n ** BigInt(places - scale) };
  const divisor = 10n ** BigInt(scale - places);
  const q = mantissa / divisor;
  const r = mantissa % divisor;
  return { negative, digits: 2n * r >= divisor ? q + 1n : q };
}

function writeScaled({ negative, digits }: { negative: boolean; digits: bigint }, places: number): string {
  const text = digits.toString().padStart(places + 1, "0");
  const whole = text.slice(0, text.length - places).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = places > 0 ? `.${text.slice(text.length - places)}` : "";
  return `${negative && digits !== 0n ? "-" : ""}${whole}${frac}`;
}

/**
 * A figure (balance, limit, principal) in the unit: whole yuan in 元, two decimals in 万 and 亿
 * ("489012345.67" in yi → "4.89"), rounded half-up. The one way the UI writes an amount (payments:
 * `formatMoney`). Anything that is not a decimal comes back unchanged.
 */
export function formatAmount(s: string, unit: AmountUnit): string {
  if (!DECIMAL.test(s)) return s;
  const places = unit === "yuan" ? 0 : 2;
  return writeScaled(roundScaled(s, UNIT_PLACES[unit], places), places);
}

/** A payment: yuan to the fen, "5,307.27" (rounded half-up if the text had more places). */
export function formatPayment(s: string): string {
  if (!DECIMAL.test(s)) return s;
  return writeScaled(roundScaled(s, 0, 2), 2);
}

/** The unit's word: 万元 / ×10k CNY for yuan, 万 USD / ×10k USD for another currency. */
export function unitLabel(t: TFunction, unit: AmountUnit, currency: string | null | undefined): string {
  const code = (currency ?? "").trim().toUpperCase();
  if (code === "" || code === "CNY") return t(AMOUNT_UNIT_KEY[unit]);
  return unit === "yuan" ? code : `${t(unit === "wan" ? "amountScale.wan" : "amountScale.yi")} ${code}`;
}

/** A figure with its unit, "4.89 亿元" / "4.89 ×100m CNY". */
export function amountWithUnit(t: TFunction, s: string, unit: AmountUnit, currency?: string | null): string {
  return `${formatAmount(s, unit)} ${unitLabel(t, unit, currency)}`;
}

/** The exact yuan of a typed amount, or null when it cannot be read (see `parseAmount`). */
export function typedAmount(text: string): string | null {
  const read = parseAmount(text);
  return read.ok ? read.yuan : null;
}

/** Why a typed amount cannot be read, in the officer's language; null when it can. */
export function amountProblem(t: TFunction, text: string): string | null {
  const read = parseAmount(text);
  return read.ok ? null : ruleReason(t, read.rule, read.params);
}
