import { describe, expect, it } from "vitest";
import type { PortfolioLoan } from "./bindings";
import { filterLoans, inDrill, nextLoanSort, sortLoans } from "./portfolioLoans";

function loan(id: number, patch: Partial<PortfolioLoan>): PortfolioLoan {
  return {
    loan_id: id,
    client_id: id,
    client_name: `客户${id}`,
    contract_no: `HT-${id}`,
    outstanding: "100.00",
    next_due_on: "2026-04-01",
    days_overdue: 0,
    classification: "pass",
    classified_by_officer: false,
    tier: "C",
    industry_code: null,
    industry_text: null,
    industry: "",
    age: "current",
    collateral: "unsecured",
    coverage: "unsecured",
    coverage_percent: null,
    ...patch,
  };
}

const book = [
  loan(1, { outstanding: "3000000.00", industry_code: "C34", industry: "C", tier: "A" }),
  loan(2, { outstanding: "1200000.00", days_overdue: 37, classification: "special_mention", age: "31-60", industry: "G", next_due_on: "2026-02-01" }),
  loan(3, { outstanding: "800000.00", classification: "substandard", industry: "other", coverage_percent: "62.50", collateral: "property", coverage: "50-100" }),
  loan(4, { outstanding: "999999999999.99", client_name: "Acme Trading", next_due_on: null }),
];

describe("the loans behind a bar or a headline", () => {
  it("keeps exactly the loans carrying the bar's key", () => {
    expect(book.filter((l) => inDrill(l, { kind: "slice", dim: "by_industry", key: "C" })).map((l) => l.loan_id)).toEqual([1]);
    expect(book.filter((l) => inDrill(l, { kind: "slice", dim: "by_tier", key: "C" })).map((l) => l.loan_id)).toEqual([2, 3, 4]);
    expect(book.filter((l) => inDrill(l, { kind: "overdue" })).map((l) => l.loan_id)).toEqual([2]);
    expect(book.filter((l) => inDrill(l, { kind: "non_performing" })).map((l) => l.loan_id)).toEqual([3]);
  });

  it("narrows by text and class on top of the drill", () => {
    const f = { drill: null, text: "acme", classification: "" as const };
    expect(filterLoans(book, f).map((l) => l.loan_id)).toEqual([4]);
    expect(filterLoans(book, { ...f, text: "ht-2" }).map((l) => l.loan_id)).toEqual([2]);
    expect(filterLoans(book, { drill: { kind: "slice", dim: "by_tier", key: "C" }, text: "", classification: "substandard" }).map((l) => l.loan_id)).toEqual([3]);
  });
});

describe("sorting the loan list", () => {
  it("sorts amounts exactly, beyond what a JS number holds", () => {
    const big = [loan(1, { outstanding: "9007199254740993.01" }), loan(2, { outstanding: "9007199254740993.02" })];
    expect(sortLoans(big, { column: "outstanding", descending: true }).map((l) => l.loan_id)).toEqual([2, 1]);
  });

  it("keeps loans without a value last either way", () => {
    for (const descending of [false, true]) {
      const ids = sortLoans(book, { column: "next_due", descending }).map((l) => l.loan_id);
      expect(ids[ids.length - 1]).toBe(4);
      const byCover = sortLoans(book, { column: "coverage", descending }).map((l) => l.loan_id);
      expect(byCover[0]).toBe(3);
    }
    expect(sortLoans(book, { column: "next_due", descending: false }).map((l) => l.loan_id)).toEqual([2, 1, 3, 4]);
  });

  it("starts amounts and days late largest first, names ascending", () => {
    expect(nextLoanSort({ column: "client", descending: false }, "days_overdue")).toEqual({ column: "days_overdue", descending: true });
    expect(nextLoanSort({ column: "outstanding", descending: true }, "client")).toEqual({ column: "client", descending: false });
    expect(nextLoanSort({ column: "client", descending: false }, "client")).toEqual({ column: "client", descending: true });
    expect(sortLoans(book, { column: "classification", descending: true }).map((l) => l.loan_id)).toEqual([3, 2, 4, 1]);
  });
});
