// Follow-up cadence per client tier (陪伴式): every how many days an A, B or C client is
// contacted. The backend moves cadence-derived next-contact dates at once; dates set by hand stay.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { Cadence, Tier } from "../../bindings";
import { TIERS, TIER_KEY } from "../../labels";
import { DAYS_MAX, DAYS_MIN } from "../../listEdit";
import { wholeIn } from "../../wholeNumber";
import { useSave } from "../../useSave";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";

/** The backend's field for each tier in `Cadence`. */
const FIELD = { A: "a", B: "b", C: "c" } as const satisfies Record<Tier, keyof Cadence>;

export default function CadenceCard() {
  const { t } = useTranslation();
  const { saving, saved, setSaved, error, setError, fieldErrors, setFieldErrors, save, handleError } = useSave();
  const [text, setText] = useState<Record<Tier, string> | null>(null);

  useEffect(() => {
    let live = true;
    api.cadenceGet().then(
      (c) => live && setText({ A: String(c.a), B: String(c.b), C: String(c.c) }),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError, setError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text) return;
    setSaved(false);
    setError(null);
    const days = { A: wholeIn(text.A, DAYS_MIN, DAYS_MAX), B: wholeIn(text.B, DAYS_MIN, DAYS_MAX), C: wholeIn(text.C, DAYS_MIN, DAYS_MAX) };
    const bad = TIERS.filter((tier) => days[tier] === null);
    if (bad.length > 0) {
      setFieldErrors(Object.fromEntries(bad.map((tier) => [FIELD[tier], { message: t("journeySettings.daysRange"), detail: null }])));
      return;
    }
    await save(() => api.cadenceSet({ a: days.A ?? 0, b: days.B ?? 0, c: days.C ?? 0 }));
  };

  return (
    <section className="card" data-testid="cadence-card">
      <h2 className="section-title">{t("journeySettings.cadence")}</h2>
      <p className="field-hint">{t("journeySettings.cadenceHelp")}</p>
      <ErrorBox error={error} />
      {text && (
        <form className="stack" onSubmit={submit} noValidate>
          <div className="days-grid">
            {TIERS.map((tier) => {
              const field = FIELD[tier];
              return (
                <Field key={tier} field={field} label={t(TIER_KEY[tier])} errors={fieldErrors}>
                  <div className="inline">
                    <span className="muted small">{t("journeySettings.every")}</span>
                    <input
                      id={inputId(field)}
                      type="number"
                      inputMode="numeric"
                      min={DAYS_MIN}
                      max={DAYS_MAX}
                      step={1}
                      className="input-narrow"
                      data-testid={`cadence-${field}`}
                      aria-invalid={fieldErrors[field] ? true : undefined}
                      value={text[tier]}
                      onChange={(e) => {
                        setText({ ...text, [tier]: e.target.value });
                        setSaved(false);
                      }}
                    />
                    <span className="muted small">{t("journeySettings.days")}</span>
                  </div>
                </Field>
              );
            })}
          </div>
          <div className="form-actions">
            {saved && (
              <span className="ok-text" role="status" data-testid="cadence-saved">
                {t("common.saved")}
              </span>
            )}
            <button type="submit" className="btn btn-primary" data-testid="cadence-save" disabled={saving} aria-busy={saving}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
