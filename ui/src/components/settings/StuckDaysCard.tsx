// How many days in one stage make a client "stuck" on the Today dashboard.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { DAYS_MAX, DAYS_MIN } from "../../listEdit";
import { wholeIn } from "../../wholeNumber";
import { useSave } from "../../useSave";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";

const FIELD = "stuck_after_days";

export default function StuckDaysCard() {
  const { t } = useTranslation();
  const { saving, saved, setSaved, error, setError, fieldErrors, setFieldErrors, save, handleError } = useSave();
  const [text, setText] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.stuckDaysGet().then(
      (d) => live && setText(String(d)),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError, setError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (text === null) return;
    setSaved(false);
    setError(null);
    const days = wholeIn(text, DAYS_MIN, DAYS_MAX);
    if (days === null) {
      setFieldErrors({ [FIELD]: { message: t("journeySettings.daysRange"), detail: null } });
      return;
    }
    await save(async () => {
      await api.stuckDaysSet(days);
      setText(String(days));
    }, FIELD);
  };

  return (
    <section className="card" data-testid="stuck-card">
      <h2 className="section-title">{t("journeySettings.stuck")}</h2>
      <ErrorBox error={error} />
      {text !== null && (
        <form onSubmit={submit} noValidate>
          <Field field={FIELD} label={t("journeySettings.stuckLabel")} errors={fieldErrors} hint={t("journeySettings.stuckHelp")}>
            <div className="inline">
              <input
                id={inputId(FIELD)}
                type="number"
                inputMode="numeric"
                min={DAYS_MIN}
                max={DAYS_MAX}
                step={1}
                className="input-narrow"
                data-testid="stuck-days"
                aria-invalid={fieldErrors[FIELD] ? true : undefined}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setSaved(false);
                }}
              />
              <span className="muted small">{t("journeySettings.days")}</span>
              <button type="submit" className="btn btn-primary" data-testid="stuck-save" disabled={saving} aria-busy={saving}>
                {saving ? t("common.saving") : t("common.save")}
              </button>
              {saved && (
                <span className="ok-text" role="status" data-testid="stuck-saved">
                  {t("common.saved")}
                </span>
              )}
            </div>
          </Field>
        </form>
      )}
    </section>
  );
}
