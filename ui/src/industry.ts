// The client's industry as GB/T 4754-2017 (crates/core/src/clients/industry.rs): sections
// (门类 "C"), divisions ("C34") and "other" with the officer's own words. Names come from the
// core's catalogue (`industry.<code>`); this file only groups and formats them.
import type { TFunction } from "i18next";
import { CATALOGUE } from "./bindings";

export type IndustryCode = keyof typeof CATALOGUE.en.industry;
export const OTHER: IndustryCode = "other";

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

export function isIndustryCode(code: string): code is IndustryCode {
  return hasOwn(CATALOGUE.en.industry, code);
}

export interface IndustrySection {
  section: IndustryCode;
  divisions: IndustryCode[];
}

/** Sections in the standard's order, each with its divisions (the catalogue lists each section
 * right before its divisions; no key is integer-like, so the object keeps that order). */
export const INDUSTRY_SECTIONS: readonly IndustrySection[] = (() => {
  const out: IndustrySection[] = [];
  for (const code of Object.keys(CATALOGUE.en.industry)) {
    if (!isIndustryCode(code) || code === OTHER) continue;
    if (code.length === 1) out.push({ section: code, divisions: [] });
    else out[out.length - 1]?.divisions.push(code);
  }
  return out;
})();

/** "C34 通用设备制造业"; for "other" (or no code) the officer's words; "" when nothing is known. */
export function industryLabel(t: TFunction, code: string | null, text: string | null): string {
  const words = text?.trim() ?? "";
  if (code && isIndustryCode(code)) {
    if (code === OTHER) return words || t(`industry.${code}`);
    return `${code} ${t(`industry.${code}`)}`;
  }
  return words;
}

/** A portfolio slice's section key ("C", "other", "" for not given) as the officer reads it. */
export function sectionLabel(t: TFunction, key: string): string | null {
  return key !== "" && isIndustryCode(key) ? t(`industry.${key}`) : null;
}
