import { describe, expect, it } from "vitest";
import { resources } from "./i18n";
import * as labels from "./labels";

function lookup(key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources["zh-CN"].translation);
}

describe("labels", () => {
  it("map every backend error code to its own message", () => {
    for (const code of ["wrong_password", "vault_missing", "vault_exists", "vault_too_new", "not_a_vault", "validation", "not_found", "locked", "database", "io", "pdf"]) {
      expect(labels.errorKey(code)).toBe(`error.${code}`);
    }
    expect(labels.errorKey("something_new")).toBe("errors.unknown");
    expect(labels.errorKey("toString")).toBe("errors.unknown");
  });

  it("find the label of a field named by a validation error", () => {
    expect(labels.fieldLabelKey("credit_code")).toBe("fields.creditCode");
    expect(labels.fieldLabelKey("contacts.0.email")).toBe("fields.contactEmail");
    expect(labels.fieldLabelKey("contacts.12.phone")).toBe("fields.contactPhone");
    expect(labels.fieldLabelKey("next_contact_date")).toBe("fields.nextContactDate");
    expect(labels.fieldLabelKey("term_months")).toBe("fields.termMonths");
    expect(labels.fieldLabelKey("nonsense")).toBeNull();
  });

  it("point only at keys that exist", () => {
    const maps = [
      labels.STAGE_KEY,
      labels.TIER_KEY,
      labels.SIZE_KEY,
      labels.SOURCE_KEY,
      labels.STATUS_KEY,
      labels.PRODUCT_KEY,
      labels.CHANNEL_KEY,
      labels.METHOD_KEY,
      labels.DAY_COUNT_KEY,
      labels.ROUNDING_KEY,
      labels.TENOR_KEY,
    ];
    for (const m of maps) for (const key of Object.values(m)) expect(typeof lookup(key), key).toBe("string");
  });

  it("list the enums in the backend's order", () => {
    expect(labels.STATUSES).toEqual(["prospect", "active", "loyal", "dormant", "lost"]);
    expect(labels.SOURCES).toEqual(["online-ad", "social-media", "trade-show", "referral", "bank-network", "walk-in", "existing-client"]);
    expect(labels.METHODS).toEqual(["equal-installment", "equal-principal", "interest-only", "quarterly-interest", "bullet"]);
    expect(labels.ruleKey("too_many")).toBe("rule.too_many");
    expect(labels.ruleKey("toString")).toBeNull();
    expect(labels.isStage(0)).toBe(false);
    expect(labels.isStage(5)).toBe(true);
  });
});
