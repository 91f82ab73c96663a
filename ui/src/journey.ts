// Pure helpers for the journey screens (client checklist, board, Today, funnel): no React, no
// backend calls, so they are unit-tested on their own.
import type { BoardColumn, ChecklistItem, FunnelStage, JourneyView, LostReason } from "./bindings";

export type Lang = "zh" | "en";

/** "en" for the English UI, "zh" otherwise (Chinese is the default). */
export function langOf(language: string | undefined): Lang {
  return language?.startsWith("en") ? "en" : "zh";
}

/** An item or reason label in the UI language, falling back to the other one when empty. */
export function localLabel(x: { label_zh: string; label_en: string }, lang: Lang): string {
  const first = lang === "en" ? x.label_en : x.label_zh;
  const other = lang === "en" ? x.label_zh : x.label_en;
  return first.trim() !== "" ? first : other;
}

/** Labels of open required item keys (from a gate refusal), in the order given; unknown keys as-is. */
export function labelsForKeys(items: readonly ChecklistItem[], keys: readonly string[], lang: Lang): string[] {
  return keys.map((k) => {
    const it = items.find((i) => i.key === k);
    return it ? localLabel(it, lang) : k;
  });
}

/** The current stage's checklist and the earlier ones (latest first), from a journey view. */
export function splitChecklists(view: JourneyView) {
  const current = view.checklists.find((c) => c.stage === view.stage) ?? {
    stage: view.stage,
    items: [],
    open_required: [],
  };
  const earlier = view.checklists.filter((c) => c.stage < view.stage).sort((a, b) => b.stage - a.stage);
  return { current, earlier };
}

/** Every checklist item of the view, for looking up labels by key. */
export function allItems(view: JourneyView): ChecklistItem[] {
  return view.checklists.flatMap((c) => c.items);
}

/** A lost reason's label by key, or the key itself when unknown ("" → null). */
export function reasonLabel(reasons: readonly LostReason[], key: string | null, lang: Lang): string | null {
  if (!key) return null;
  const r = reasons.find((x) => x.key === key);
  return r ? localLabel(r, lang) : key;
}

/**
 * Appends a further page of a board column; cards already shown (moved meanwhile) are not doubled.
 * The count and the amounts are the newer page's: they cover the whole column as it is now.
 */
export function appendPage(column: BoardColumn, page: BoardColumn): BoardColumn {
  const seen = new Set(column.cards.map((c) => c.client_id));
  return { ...column, total: page.total, amounts: page.amounts, cards: [...column.cards, ...page.cards.filter((c) => !seen.has(c.client_id))] };
}

/** Whether a drop from `from` to `to` is an advance the board accepts (only to the very next stage). */
export function isAdvanceDrop(from: number, to: number): boolean {
  return to === from + 1 && to <= 5;
}

/** 0.4567 → "45.7%"; null → "—". */
export function percent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** Bar widths in percent of the largest `entered` (0..100), one per stage. */
export function barWidths(stages: readonly FunnelStage[]): number[] {
  const max = Math.max(0, ...stages.map((s) => s.entered));
  return stages.map((s) => (max === 0 ? 0 : Math.round((s.entered / max) * 1000) / 10));
}

/** A date `days` before `iso` (YYYY-MM-DD), in the same format. */
export function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export type PeriodPreset = "month" | "quarter" | "year" | "last12";

/** The period a funnel preset names, ending today: this month, quarter, year, or the last 12 months. */
export function presetPeriod(preset: PeriodPreset, todayIso: string): { from: string; to: string } {
  const [y = 1970, m = 1] = todayIso.split("-").map(Number);
  const pad = (n: number) => String(n).padStart(2, "0");
  switch (preset) {
    case "month":
      return { from: `${y}-${pad(m)}-01`, to: todayIso };
    case "quarter":
      return { from: `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, to: todayIso };
    case "year":
      return { from: `${y}-01-01`, to: todayIso };
    case "last12":
      return { from: daysBefore(todayIso, 364), to: todayIso };
  }
}

