import { describe, expect, it } from "vitest";
import type { BoardCard, BoardColumn, ChecklistItem, FunnelStage, JourneyView } from "./bindings";
import { appendPage, barWidths, daysBefore, isAdvanceDrop, labelsForKeys, langOf, localLabel, percent, presetPeriod, reasonLabel, splitChecklists } from "./journey";

const item = (key: string, zh: string, en: string, stage = 1): ChecklistItem => ({
  id: key.length,
  stage,
  key,
  label_zh: zh,
  label_en: en,
  required: true,
  document_kind: null,
  one_off: false,
  template_version: 1,
  state: "open",
  done_on: null,
  received_on: null,
  note: "",
  document: null,
});

const card = (id: number): BoardCard => ({
  client_id: id,
  name: `c${id}`,
  tier: "A",
  product: null,
  status: "prospect",
  amount: null,
  currency: null,
  entered_on: "2025-01-01",
  days_in_stage: 3,
  open_required: 0,
});

describe("journey helpers", () => {
  it("picks the UI language and falls back to the other label", () => {
    expect(langOf("en")).toBe("en");
    expect(langOf("zh-CN")).toBe("zh");
    expect(langOf(undefined)).toBe("zh");
    expect(localLabel({ label_zh: "营业执照", label_en: "" }, "en")).toBe("营业执照");
    expect(localLabel({ label_zh: "营业执照", label_en: "Licence" }, "en")).toBe("Licence");
  });

  it("labels open required keys in order, unknown keys as they are", () => {
    const items = [item("a", "甲", "A"), item("b", "乙", "B")];
    expect(labelsForKeys(items, ["b", "x", "a"], "zh")).toEqual(["乙", "x", "甲"]);
  });

  it("splits current and earlier checklists, latest earlier stage first", () => {
    const view = {
      stage: 3,
      checklists: [
        { stage: 1, items: [], open_required: [] },
        { stage: 2, items: [], open_required: ["k"] },
        { stage: 3, items: [item("c", "丙", "C", 3)], open_required: [] },
      ],
    } as unknown as JourneyView;
    const { current, earlier } = splitChecklists(view);
    expect(current.stage).toBe(3);
    expect(earlier.map((c) => c.stage)).toEqual([2, 1]);
    const empty = splitChecklists({ stage: 4, checklists: [] } as unknown as JourneyView);
    expect(empty.current).toEqual({ stage: 4, items: [], open_required: [] });
  });

  it("names lost reasons", () => {
    const reasons = [{ key: "price", label_zh: "价格", label_en: "Price", retired: true }];
    expect(reasonLabel(reasons, "price", "en")).toBe("Price");
    expect(reasonLabel(reasons, "gone", "en")).toBe("gone");
    expect(reasonLabel(reasons, null, "en")).toBeNull();
  });

  it("appends board pages without doubling cards", () => {
    const amounts = (amount: string) => [{ currency: "CNY", amount }];
    const col: BoardColumn = { stage: 1, total: 5, amounts: amounts("500"), offset: 0, cards: [card(1), card(2)] };
    const page: BoardColumn = { stage: 1, total: 4, amounts: amounts("400"), offset: 2, cards: [card(2), card(3)] };
    const merged = appendPage(col, page);
    expect(merged.cards.map((c) => c.client_id)).toEqual([1, 2, 3]);
    expect(merged.total).toBe(4);
    expect(merged.amounts).toEqual(amounts("400"));
  });

  it("accepts drops onto the next stage only", () => {
    expect(isAdvanceDrop(1, 2)).toBe(true);
    expect(isAdvanceDrop(2, 1)).toBe(false);
    expect(isAdvanceDrop(1, 3)).toBe(false);
    expect(isAdvanceDrop(5, 6)).toBe(false);
  });

  it("formats funnel figures", () => {
    expect(percent(0.4567)).toBe("45.7%");
    expect(percent(1)).toBe("100.0%");
    expect(percent(null)).toBe("—");
    const st = (entered: number) => ({ entered }) as FunnelStage;
    expect(barWidths([st(10), st(5), st(0)])).toEqual([100, 50, 0]);
    expect(barWidths([st(0)])).toEqual([0]);
    expect(daysBefore("2025-03-01", 1)).toBe("2025-02-28");
    expect(daysBefore("2024-03-01", 365)).toBe("2023-03-02");
  });
});

describe("funnel period presets", () => {
  it("end today and start at the month, quarter, year, or 12 months back", () => {
    expect(presetPeriod("month", "2026-11-27")).toEqual({ from: "2026-11-01", to: "2026-11-27" });
    expect(presetPeriod("quarter", "2026-11-27")).toEqual({ from: "2026-10-01", to: "2026-11-27" });
    expect(presetPeriod("quarter", "2026-03-31")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(presetPeriod("year", "2026-11-27")).toEqual({ from: "2026-01-01", to: "2026-11-27" });
    expect(presetPeriod("last12", "2026-11-27")).toEqual({ from: "2025-11-28", to: "2026-11-27" });
  });
});

