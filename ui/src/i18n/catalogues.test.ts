import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../bindings";
import en from "./en.json";
import { resources } from "./index";
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

// What the officer reads: the UI's own texts with the core's catalogue beside them.
const zh = flatten(resources["zh-CN"].translation as Tree);
const enFlat = flatten(resources.en.translation as Tree);

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

  it("keep no copy of a label the core defines", () => {
    // Document kinds, stages, error and rule messages... are the core's (crates/core/src/labels.rs):
    // a second copy here would drift from it, as document kinds once did.
    for (const section of Object.keys(CATALOGUE["zh-CN"])) {
      expect(Object.keys(zhCN), section).not.toContain(section);
      expect(Object.keys(en), section).not.toContain(section);
    }
    expect(Object.keys(CATALOGUE.en)).toEqual(Object.keys(CATALOGUE["zh-CN"]));
  });

  it("name the stages as the product does", () => {
    expect(resources["zh-CN"].translation.stage).toEqual({
      "1": "发现与识别",
      "2": "初步接触与评估",
      "3": "深入与需求分析",
      "4": "方案制定与决策支持",
      "5": "合作确立与贷后管理",
    });
  });
});
