// i18next set up once for the whole UI. Both catalogues ship in the bundle (they are small and
// the app is offline), so switching language never waits on anything.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { CATALOGUE, type Language } from "../bindings";
import en from "./en.json";
import zhCN from "./zh-CN.json";

export const LANGUAGES: readonly Language[] = ["zh-CN", "en"];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

// The UI's own texts, and beside them (never inside) the labels and messages the core defines
// (`CATALOGUE` in the generated bindings: document kinds, stages, error and rule messages...).
export const resources = {
  "zh-CN": { translation: { ...zhCN, ...CATALOGUE["zh-CN"] } },
  en: { translation: { ...en, ...CATALOGUE.en } },
} as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  // React already escapes every string it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI at once; `<html lang>` follows so CJK glyphs and screen readers pick the right locale. */
export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export default i18n;
