import { describe, expect, it } from "vitest";
import { EMPTY_FEEDBACK, isDefaultCategory, MOODS, PROBLEM_CATEGORIES, toFeedbackInput } from "./feedbackForm";

describe("quick feedback", () => {
  it("needs a score", () => {
    expect(toFeedbackInput(EMPTY_FEEDBACK, "2026-03-04")).toBeNull();
  });

  it("becomes the core's input with its problems and need", () => {
    const input = toFeedbackInput(
      {
        score: 2,
        mood: "anxious",
        problems: [
          { category: "slow_approval", text: "  等了三周 " },
          { category: "抵押登记慢", text: "" },
        ],
        need: " 银承开票 ",
        needProduct: "working-capital",
      },
      "2026-03-04",
    );
    expect(input).toEqual({
      score: 2,
      stage: null,
      mood: "anxious",
      touchpoint_id: null,
      date: "2026-03-04",
      problems: [
        { category: "slow_approval", text: "等了三周" },
        { category: "抵押登记慢", text: "" },
      ],
      needs: [{ text: "银承开票", product_type: "working-capital" }],
    });
  });

  it("leaves out an empty need and mood", () => {
    const input = toFeedbackInput({ ...EMPTY_FEEDBACK, score: 5, need: "   " }, "2026-03-04");
    expect(input?.needs).toEqual([]);
    expect(input?.mood).toBeNull();
  });

  it("knows the default categories and moods from the core's catalogue", () => {
    expect(PROBLEM_CATEGORIES).toEqual(["materials", "slow_approval", "price", "communication", "amount", "other"]);
    expect(MOODS).toEqual(["satisfied", "neutral", "anxious", "dissatisfied"]);
    expect(isDefaultCategory("price")).toBe(true);
    expect(isDefaultCategory("抵押登记慢")).toBe(false);
  });
});
