// The quick feedback of the touchpoint form (issue 16): what the officer picks, turned into
// the core's FeedbackInput; and the labels of moods and problem categories (a category the bank
// added in Settings is its own label).
import type { TFunction } from "i18next";
import { CATALOGUE, type FeedbackInput, type Mood, type ProblemCategory } from "./bindings";

export const MOODS = Object.keys(CATALOGUE.en.mood) as Mood[];
export const PROBLEM_CATEGORIES = Object.keys(CATALOGUE.en.problemCategory) as ProblemCategory[];
export const SCORES = [1, 2, 3, 4, 5] as const;

export function isDefaultCategory(key: string): key is ProblemCategory {
  return (PROBLEM_CATEGORIES as string[]).includes(key);
}

export function categoryLabel(t: TFunction, key: string): string {
  return isDefaultCategory(key) ? t(`problemCategory.${key}`) : key;
}

export interface QuickFeedback {
  score: number | null;
  mood: Mood | "";
  problems: { category: string; text: string }[];
  need: string;
  needProduct: string;
}

export const EMPTY_FEEDBACK: QuickFeedback = { score: null, mood: "", problems: [], need: "", needProduct: "" };

/** The core's input, or null when no score was chosen (the one thing feedback needs). A problem
 * row left without text still counts: its category is the point. */
export function toFeedbackInput(q: QuickFeedback, date: string): FeedbackInput | null {
  if (q.score === null) return null;
  return {
    score: q.score,
    stage: null,
    mood: q.mood === "" ? null : q.mood,
    touchpoint_id: null,
    date,
    problems: q.problems.map((p) => ({ category: p.category, text: p.text.trim() })),
    needs: q.need.trim() === "" ? [] : [{ text: q.need.trim(), product_type: q.needProduct === "" ? null : q.needProduct }],
  };
}
