// Post-disbursement helpers the loan screens share: catalogue keys for the backend's enums,
// snooze dates and bar lengths. Amounts stay decimal strings (BigInt
// arithmetic, never JS numbers), as everywhere else in the UI.
import { CATALOGUE, type AgeBucket, type Classification, type PenaltyBasis, type PeriodStatus, type PrepayMode, type ReminderKind, type Reprice } from "./bindings";
import { isDecimal } from "./money";

/** Labels from the core's catalogue (crates/core/src/servicing/labels.rs). */
export const CLASS_KEY = {
  pass: "classification.pass",
  special_mention: "classification.special_mention",
  substandard: "classification.substandard",
  doubtful: "classification.doubtful",
  loss: "classification.loss",
} as const satisfies Record<Classification, string>;
export const CLASSES = Object.keys(CLASS_KEY) as Classification[];

// The core's choices, in its order, from the catalogue it exports with their labels.
export const PENALTY_BASES = Object.keys(CATALOGUE.en.penaltyBasis) as PenaltyBasis[];
export const REPRICES = Object.keys(CATALOGUE.en.reprice) as Reprice[];
export const PREPAY_MODES = Object.keys(CATALOGUE.en.prepayMode) as PrepayMode[];

export const PERIOD_STATUS_KEY = {
  paid: "loans.status.paid",
  partly_paid: "loans.status.partly_paid",
  due: "loans.status.due",
  overdue: "loans.status.overdue",
  upcoming: "loans.status.upcoming",
} as const satisfies Record<PeriodStatus, string>;

/** A loan's bucket (enum) and the portfolio's slice keys ("1-30") name the same five buckets. */
export const AGE_KEY = {
  current: "ageBucket.current",
  days1_to30: "ageBucket.1-30",
  days31_to60: "ageBucket.31-60",
  days61_to90: "ageBucket.61-90",
  over90: "ageBucket.90+",
} as const satisfies Record<AgeBucket, string>;

export const AGE_SLICE_KEY = {
  current: "ageBucket.current",
  "1-30": "ageBucket.1-30",
  "31-60": "ageBucket.31-60",
  "61-90": "ageBucket.61-90",
  "90+": "ageBucket.90+",
} as const;

/** In the order Today lists the groups: money first, then reviews, then the security's dates. */
export const REMINDER_KIND_KEY = {
  overdue: "reminders.kind.overdue",
  due_soon: "reminders.kind.due_soon",
  shortfall: "reminders.kind.shortfall",
  quarterly_review: "reminders.kind.quarterly_review",
  annual_review: "reminders.kind.annual_review",
  covenant: "reminders.kind.covenant",
  revaluation_due: "reminders.kind.revaluation_due",
  registration_expiry: "reminders.kind.registration_expiry",
  insurance_expiry: "reminders.kind.insurance_expiry",
  facility_expiry: "reminders.kind.facility_expiry",
  open_problem: "reminders.kind.open_problem",
  renewal_due: "reminders.kind.renewal_due",
  dormant: "reminders.kind.dormant",
} as const satisfies Record<ReminderKind, string>;
export const REMINDER_KINDS = Object.keys(REMINDER_KIND_KEY) as ReminderKind[];

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

export function ageSliceKey(key: string): (typeof AGE_SLICE_KEY)[keyof typeof AGE_SLICE_KEY] | null {
  return hasOwn(AGE_SLICE_KEY, key) ? AGE_SLICE_KEY[key as keyof typeof AGE_SLICE_KEY] : null;
}

export function classKey(key: string): (typeof CLASS_KEY)[Classification] | null {
  return hasOwn(CLASS_KEY, key) ? CLASS_KEY[key as Classification] : null;
}

/** Days the officer can snooze a reminder by. */
export const SNOOZE_DAYS = [1, 3, 7] as const;
export const REMINDER_DAYS_DEFAULT = 7;
export const REMINDER_DAYS_MAX = 366;

/** `iso` (YYYY-MM-DD) plus `days` calendar days, computed on the calendar (no time zones). */
export function addDays(iso: string, days: number): string {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date in ISO form. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return addDays(s, 0) === s;
}

function scaled(s: string): bigint {
  const negative = s.startsWith("-");
  const [whole = "0", frac = ""] = (negative ? s.slice(1) : s).split(".");
  const v = BigInt(whole + frac.padEnd(2, "0").slice(0, 2));
  return negative ? -v : v;
}

function unscaled(v: bigint): string {
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The sum of money amounts (two decimals), exactly: ["1.10", "2"] → "3.10". */
export function sumMoney(amounts: readonly string[]): string {
  return unscaled(amounts.filter(isDecimal).reduce((acc, a) => acc + scaled(a), 0n));
}

/** `value` as a share of `max` in thousandths (0–1000), for drawing bars; exact on strings. */
export function permille(value: string, max: string): number {
  if (!isDecimal(value) || !isDecimal(max)) return 0;
  const m = scaled(max);
  if (m <= 0n) return 0;
  const v = scaled(value);
  if (v <= 0n) return 0;
  const p = (v * 1000n) / m;
  return p > 1000n ? 1000 : Number(p);
}

/** The largest of some money amounts ("0.00" for none). */
export function maxMoney(amounts: readonly string[]): string {
  let best = 0n;
  for (const a of amounts) if (isDecimal(a) && scaled(a) > best) best = scaled(a);
  return unscaled(best);
}
