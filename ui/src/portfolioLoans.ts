// The portfolio's loan list (贷款明细): which loans a chart bar or a headline figure stands for,
// and the table's filters and sort. Pure, so it is unit tested. Amounts are compared as exact
// decimal strings, never as JS numbers.
import type { Classification, PortfolioLoan } from "./bindings";
import { compareDecimal } from "./money";

export type Dimension = "by_tier" | "by_industry" | "by_classification" | "by_age" | "by_collateral" | "by_coverage";

/** What the list is narrowed to: the loans behind one bar, or a headline figure's loans. */
export type Drill = { kind: "slice"; dim: Dimension; key: string } | { kind: "overdue" } | { kind: "non_performing" };

export const NON_PERFORMING: readonly Classification[] = ["substandard", "doubtful", "loss"];

/** The key a loan carries in a dimension: the same key its slice has in `by_*`. */
export function sliceKeyOf(loan: PortfolioLoan, dim: Dimension): string {
  switch (dim) {
    case "by_tier":
      return loan.tier;
    case "by_industry":
      return loan.industry;
    case "by_classification":
      return loan.classification;
    case "by_age":
      return loan.age;
    case "by_collateral":
      return loan.collateral;
    case "by_coverage":
      return loan.coverage;
  }
}

export function inDrill(loan: PortfolioLoan, drill: Drill | null): boolean {
  if (!drill) return true;
  if (drill.kind === "overdue") return loan.days_overdue > 0;
  if (drill.kind === "non_performing") return NON_PERFORMING.includes(loan.classification);
  return sliceKeyOf(loan, drill.dim) === drill.key;
}

export interface LoanFilters {
  drill: Drill | null;
  /** Borrower or contract, any part, case-insensitive. */
  text: string;
  classification: Classification | "";
}

export function filterLoans(loans: readonly PortfolioLoan[], f: LoanFilters): PortfolioLoan[] {
  const text = f.text.trim().toLowerCase();
  return loans.filter(
    (l) =>
      inDrill(l, f.drill) &&
      (f.classification === "" || l.classification === f.classification) &&
      (text === "" || l.client_name.toLowerCase().includes(text) || l.contract_no.toLowerCase().includes(text)),
  );
}

export type LoanSortColumn = "client" | "contract" | "outstanding" | "next_due" | "days_overdue" | "classification" | "coverage";
export interface LoanSort {
  column: LoanSortColumn;
  descending: boolean;
}

const CLASS_RANK: Record<Classification, number> = { pass: 0, special_mention: 1, substandard: 2, doubtful: 3, loss: 4 };

/** Compares two loans by a column; loans without a value (no due date, nothing pledged) come last. */
function compareBy(a: PortfolioLoan, b: PortfolioLoan, column: LoanSortColumn): number {
  const missingLast = (x: string | null, y: string | null, cmp: (x: string, y: string) => number) => {
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return cmp(x, y);
  };
  switch (column) {
    case "client":
      return a.client_name.localeCompare(b.client_name, "zh-CN");
    case "contract":
      return a.contract_no.localeCompare(b.contract_no);
    case "outstanding":
      return compareDecimal(a.outstanding, b.outstanding);
    case "next_due":
      return missingLast(a.next_due_on, b.next_due_on, (x, y) => x.localeCompare(y));
    case "days_overdue":
      return a.days_overdue - b.days_overdue;
    case "classification":
      return CLASS_RANK[a.classification] - CLASS_RANK[b.classification];
    case "coverage":
      return missingLast(a.coverage_percent, b.coverage_percent, compareDecimal);
  }
}

export function sortLoans(loans: readonly PortfolioLoan[], sort: LoanSort): PortfolioLoan[] {
  const dir = sort.descending ? -1 : 1;
  return [...loans].sort((a, b) => {
    const c = compareBy(a, b, sort.column);
    // Missing values stay last in either direction; ties keep the larger loan first.
    const aMissing = sort.column === "coverage" ? a.coverage_percent === null : sort.column === "next_due" ? a.next_due_on === null : false;
    const bMissing = sort.column === "coverage" ? b.coverage_percent === null : sort.column === "next_due" ? b.next_due_on === null : false;
    if (aMissing !== bMissing) return aMissing ? 1 : -1;
    return c * dir || compareDecimal(b.outstanding, a.outstanding) || a.loan_id - b.loan_id;
  });
}

/** A header click: the same column flips; another starts the way an officer looks first
 * (amounts, days late and worse classes largest first, names and dates ascending). */
export function nextLoanSort(current: LoanSort, column: LoanSortColumn): LoanSort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column === "outstanding" || column === "days_overdue" || column === "classification" };
}
