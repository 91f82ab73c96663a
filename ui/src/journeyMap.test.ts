import { describe, expect, it } from "vitest";
import type { TFunction } from "i18next";
import type { JourneyMapStage } from "./bindings";
import { chartBars, problemLabel, scoreText, topProblems } from "./journeyMap";

const stage = (over: Partial<JourneyMapStage>): JourneyMapStage => ({
  stage: 1,
  clients: 0,
  avg_score: null,
  feedback: 0,
  drop_off: 0,
  problems: {},
  open_problems: 0,
  closed_problems: 0,
  ...over,
});

describe("journey map", () => {
  it("keeps the three categories raised most, ties by key", () => {
    const s = stage({ problems: { price: 2, amount: 1, materials: 4, communication: 2, other: 1 } });
    expect(topProblems(s)).toEqual([
      ["materials", 4],
      ["communication", 2],
      ["price", 2],
    ]);
    expect(topProblems(stage({}))).toEqual([]);
  });

  it("labels default categories through i18n and custom ones by their own text", () => {
    const t = ((k: string) => `T:${k}`) as unknown as TFunction;
    expect(problemLabel(t, "slow_approval")).toBe("T:problemCategory.slow_approval");
    expect(problemLabel(t, "抵押登记慢")).toBe("抵押登记慢");
  });

  it("shows the core's mean with two decimals, a dash when there is none", () => {
    expect(scoreText(4.67)).toBe("4.67");
    expect(scoreText(1.5)).toBe("1.50");
    expect(scoreText(null)).toBe("—");
  });

  it("scales clients to the busiest stage and scores to 5", () => {
    expect(chartBars([stage({ clients: 40, avg_score: 5 }), stage({ clients: 10, avg_score: 2.5 }), stage({})])).toEqual([
      { clients: 100, score: 100 },
      { clients: 25, score: 50 },
      { clients: 0, score: 0 },
    ]);
    expect(chartBars([stage({})])).toEqual([{ clients: 0, score: 0 }]);
  });
});
