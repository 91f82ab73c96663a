import { useTranslation } from "react-i18next";

const LABEL_KEY = [
  "unlock.strength0",
  "unlock.strength1",
  "unlock.strength2",
  "unlock.strength3",
  "unlock.strength4",
] as const;

/** The backend's 0–4 password score as a bar and a word. */
export default function StrengthMeter({ score }: { score: number | null }) {
  const { t } = useTranslation();
  const s = score === null ? null : Math.max(0, Math.min(4, Math.round(score)));
  return (
    <div className="strength" data-testid="password-strength" data-score={s ?? ""} aria-live="polite">
      <div className="strength-bar" aria-hidden="true">
        {/* Five segments for scores 0–4, so even "very weak" shows one red segment. */}
        {[0, 1, 2, 3, 4].map((i) => (
          <span key={i} className={s !== null && s >= i ? `seg on s${s}` : "seg"} />
        ))}
      </div>
      <span className="strength-label">
        {t("unlock.strength")}
        {s !== null && <strong className={`strength-word s${s}`}>{t(LABEL_KEY[s] ?? "unlock.strength0")}</strong>}
      </span>
    </div>
  );
}
