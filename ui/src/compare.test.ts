import { describe, expect, it } from "vitest";
import type { Schedule } from "./bindings";
import { addPinned, lowest, MAX_COMPARE, pinned } from "./compare";
import i18n from "./i18n";
import { rateText, scenarioLine, suggestedLabel, termText } from "./loanText";

function schedule(method: Schedule["terms"]["method"], totalInterest: string): Schedule {
  return {
    terms: {
      principal: "1000000",
      currency: "CNY",
      term_months: 360,
      rate: { kind: "fixed", annual_percent: "4.9" },
      disbursement_date: "2026-01-15",
      repay_day: null,
      method,
      grace_months: 0,
      upfront_fee: "0",
      day_count: "act360",
      rounding: "half-up",
    },
    periods: [{ period: 1, due_date: "2026-02-15", payment: "6861.11", principal: "2777.78", interest: "4083.33", balance: "997222.22" }],
    summary: { payment: "6861.11", total_interest: totalInterest, total_payment: "0", annual_rate: "4.90", apr: "4.90", apr_effective: "5.01", principal_in_words: "壹佰万元整" },
  };
}

describe("comparison", () => {
  it("holds at most three scenarios, never the same terms twice", () => {
    let list = addPinned([], pinned("a", schedule("equal-installment", "1")));
    list = addPinned(list, pinned("a again", schedule("equal-installment", "1")));
    expect(list.map((p) => p.label)).toEqual(["a"]);
    list = addPinned(list, pinned("b", schedule("equal-principal", "2")));
    list = addPinned(list, pinned("c", schedule("interest-only", "3")));
    list = addPinned(list, pinned("d", schedule("bullet", "4")));
    expect(list.map((p) => p.label)).toEqual(["a", "b", "c"]);
    expect(list).toHaveLength(MAX_COMPARE);
    expect(list[1]?.firstPayment).toBe("6861.11");
  });

  it("marks the lowest value, but not when all are equal or alone", () => {
    expect([...lowest(["910616.19", "737041.67", "1401000.00"])]).toEqual([1]);
    expect([...lowest(["1.00", "1.0", "2"])]).toEqual([0, 1]);
    expect([...lowest(["1", "1"])]).toEqual([]);
    expect([...lowest(["1"])]).toEqual([]);
  });
});

describe("terms in words", () => {
  it("read naturally in both languages", async () => {
    await i18n.changeLanguage("zh-CN");
    const terms = schedule("equal-installment", "0").terms;
    expect(termText(i18n.t, 360)).toBe("360 期（30 年）");
    expect(termText(i18n.t, 18)).toBe("18 期");
    expect(scenarioLine(i18n.t, terms)).toBe("等额本息 · 1,000,000 元 · 360 期（30 年） · 4.9%");
    // The sum is the core's (Summary.annual_rate); without a schedule at hand, only the parts.
    const lpr = { kind: "lpr", tenor: "5y", lpr_percent: "3.45", spread_bp: "60" } as const;
    expect(rateText(i18n.t, lpr, "4.05")).toBe("5 年期以上 LPR 3.45% + 60BP = 4.05%");
    expect(rateText(i18n.t, lpr)).toBe("5 年期以上 LPR 3.45% + 60BP");
    await i18n.changeLanguage("en");
    expect(termText(i18n.t, 12)).toBe("12 months (1 year)");
    expect(suggestedLabel(i18n.t, terms)).toBe("Equal installments · 1,000,000 · 360 months (30 years)");
    await i18n.changeLanguage("zh-CN");
  });
});
