import { useTranslation } from "react-i18next";
import { useSetLanguage } from "../language";

/** One click flips between the two languages; the label names the language you get. */
export default function LangToggle() {
  const { t, i18n } = useTranslation();
  const setLanguage = useSetLanguage();
  const next = i18n.language === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      className="btn btn-ghost lang-toggle"
      data-testid="lang-toggle"
      title={t("lang.toggleTitle")}
      lang={next}
      onClick={() => setLanguage(next)}
    >
      {t("lang.toggle")}
    </button>
  );
}
