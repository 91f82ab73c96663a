// Scenarios set side by side in the calculator: snapshots of a computed schedule's figures,
// at most three, never the same terms twice.
import type { LoanTerms, Schedule, Summary } from "./bindings";
import { compareDecimal } from "./money";

export const MAX_COMPARE = 3;

export interface Pinned {
  /** The terms as JSON: identifies the column and keeps duplicates out. */
  key: string;
  /** A saved scenario's name; null for unsaved terms, which are shown by their method. */
  label: string | null;
  terms: LoanTerms;
  summary: Summary;
  firstPayment: string;
}

export function pinned(label: string | null, schedule: Schedule): Pinned {
  return {
    key: JSON.stringify(schedule.terms),
    label,
    terms: schedule.terms,
    summary: schedule.summary,
    firstPayment: schedule.periods[0]?.payment ?? "0.00",
  };
}

/** The list with `p` added at the end, unless it is full or already holds the same terms. */
export function addPinned(list: readonly Pinned[], p: Pinned): Pinned[] {
  if (list.length >= MAX_COMPARE || list.some((x) => x.key === p.key)) return [...list];
  return [...list, p];
}

/** Indexes of the lowest value among two or more columns (all of them when tied). */
export function lowest(values: readonly string[]): Set<number> {
  if (values.length < 2) return new Set();
  let best: string | undefined;
  for (const v of values) if (best === undefined || compareDecimal(v, best) < 0) best = v;
  const out = new Set<number>();
  values.forEach((v, i) => {
    if (best !== undefined && compareDecimal(v, best) === 0) out.add(i);
  });
  // Everyone equal is no news.
  return out.size === values.length ? new Set() : out;
}
