// Language switching is needed on the unlock screen too, so it lives outside the session.
import { createContext, useContext } from "react";
import type { Language } from "./bindings";

export const SetLanguageContext = createContext<(language: Language) => void>(() => undefined);

export function useSetLanguage(): (language: Language) => void {
  return useContext(SetLanguageContext);
}
