import { describe, expect, it } from "vitest";
import en from "./en.json";
import zhCN from "./zh-CN.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [k2, v2] of flatten(v, key)) out.set(k2, v2);
  }
  return out;
}

const zh = flatten(zhCN as Tree);
const enFlat = flatten(en as Tree);

describe("message catalogues", () => {
  it("have exactly the same keys", () => {
    expect([...enFlat.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it("have no empty values", () => {
    for (const [name, cat] of [
      ["zh-CN", zh],
      ["en", enFlat],
    ] as const) {
      const empty = [...cat].filter(([, v]) => v.trim() === "").map(([k]) => `${name}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it("use the same placeholders in both languages", () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of zh) expect(vars(enFlat.get(k) ?? ""), k).toEqual(vars(v));
  });

  it("speak Chinese in the Chinese catalogue", () => {
    // A key copied over untranslated would show English to a Chinese officer.
    const sameAsEnglish = [...zh].filter(([k, v]) => v === enFlat.get(k) && /[a-z]{3}/i.test(v)).map(([k]) => k);
    expect(sameAsEnglish.sort()).toEqual(["app.brand", "lang.en"]);
  });

  it("name the stages as the product does", () => {
    expect(zhCN.stage).toEqual({
      "1": "发现与识别",
      "2": "初步接触与评估",
      "3": "深入与需求分析",
      "4": "方案制定与决策支持",
      "5": "合作确立与贷后管理",
    });
  });
});
