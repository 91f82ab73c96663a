// The journey map's figures as the screen shows them (issue 16): a stage's top problem categories,
// a category's label (a category the bank added in Settings is its own label), the mean score as
// the core rounded it, and the chart's bar lengths.
import type { TFunction } from "i18next";
import { CATALOGUE, type JourneyMapStage } from "./bindings";

function isDefaultCategory(key: string): key is keyof typeof CATALOGUE.en.problemCategory {
  return Object.prototype.hasOwnProperty.call(CATALOGUE.en.problemCategory, key);
}

export function problemLabel(t: TFunction, key: string): string {
  return isDefaultCategory(key) ? t(`problemCategory.${key}`) : key;
}

/** The `n` categories raised most at the stage, most first (then by key, as the export orders them). */
export function topProblems(stage: JourneyMapStage, n = 3): [string, number][] {
  return Object.entries(stage.problems)
    .filter((e): e is [string, number] => typeof e[1] === "number")
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n);
}

/** The mean the core computed (already rounded to 2 decimals), shown with both decimals. */
export function scoreText(avg: number | null): string {
  return avg === null ? "—" : avg.toFixed(2);
}

/** Bar lengths in percent: clients against the busiest stage, satisfaction against 5. */
export function chartBars(stages: readonly JourneyMapStage[]): { clients: number; score: number }[] {
  const max = Math.max(0, ...stages.map((s) => s.clients));
  return stages.map((s) => ({
    clients: max > 0 ? Math.round((s.clients / max) * 100) : 0,
    score: s.avg_score === null ? 0 : Math.round((s.avg_score / 5) * 100),
  }));
}
