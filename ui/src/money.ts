// Money and rates arrive as exact decimal strings ("1000000.00", "4.90"). They are shown by
// rearranging their characters and added up only in BigInt: never through a JS number.

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

/** An amount as officers read it: thousands separated, exactly two decimals. */
export function formatMoney(s: string): string {
  if (!DECIMAL.test(s)) return s;
  const [whole = "", frac = ""] = s.split(".");
  const cents = frac.length >= 2 ? frac : frac.padEnd(2, "0");
  return groupThousands(`${whole}.${cents}`);
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
