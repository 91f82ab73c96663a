// The UI reads and writes amounts exactly as the core does: the vectors are the core's own
// (crates/core/src/amount/tests.rs reads the same file).
import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import vectors from "../../crates/core/tests/fixtures/amount_vectors.json";
import type { AmountUnit, Language } from "./bindings";
import { CATALOGUE } from "./bindings";
import { formatAmount, formatPayment, parseAmount, unitLabel } from "./money";

describe("amounts as typed", () => {
  it.each(vectors.parse)("reads $input", (c) => {
    const got = parseAmount(c.input);
    if ("yuan" in c) expect(got).toEqual({ ok: true, yuan: c.yuan });
    else expect(got).toEqual({ ok: false, rule: c.rule, params: c.params });
  });
});

describe("amounts as shown", () => {
  it.each(vectors.format)("writes $amount in $unit", (c) => {
    expect(formatAmount(c.amount, c.unit as AmountUnit)).toBe(c.text);
  });
  it.each(vectors.payment)("writes the payment $amount", (c) => {
    expect(formatPayment(c.amount)).toBe(c.text);
  });
  it.each(vectors.label)("names $unit in $currency ($lang)", (c) => {
    const cat = CATALOGUE[c.lang as Language] as unknown as Record<string, Record<string, string>>;
    const t = (key: string) => {
      const [section = "", name = ""] = key.split(".");
      return cat[section]?.[name] ?? key;
    };
    expect(unitLabel(t as unknown as TFunction, c.unit as AmountUnit, c.currency)).toBe(c.text);
  });
  it("leaves what is not a decimal alone", () => {
    expect(formatAmount("n/a", "wan")).toBe("n/a");
  });
});
