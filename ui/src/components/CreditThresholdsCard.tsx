// Settings: where each credit ratio turns from ok to flagged. Stored in the vault; the backend
// checks the values (two decimals, within range) and names the field it refuses.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { Thresholds } from "../bindings";
import { fieldErrorsFrom, type FieldErrors } from "../errors";
import { cleanDecimal } from "../money";
import { useErrorHandler } from "../session";
import ErrorBox from "./ErrorBox";
import Field, { inputId } from "./Field";
import "../documents.css";

const FIELDS = [
  ["current_ratio", "settings.thCurrent"],
  ["quick_ratio", "settings.thQuick"],
  ["debt_to_asset_percent", "settings.thDebt"],
  ["interest_coverage", "settings.thCoverage"],
  ["dscr", "settings.thDscr"],
] as const satisfies readonly (readonly [keyof Thresholds, string])[];

export default function CreditThresholdsCard() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [values, setValues] = useState<Thresholds | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  useEffect(() => {
    let live = true;
    api.creditThresholdsGet().then(
      (v) => live && setValues(v),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!values || saving) return;
    setSaved(false);
    setError(null);
    const bad: FieldErrors = {};
    const clean = { ...values };
    for (const [field] of FIELDS) {
      const c = cleanDecimal(values[field]);
      if (c === null) bad[field] = { message: t("validation.notANumber"), detail: null };
      else clean[field] = c;
    }
    setFieldErrors(bad);
    if (Object.keys(bad).length > 0) return;
    setSaving(true);
    try {
      await api.creditThresholdsSet(clean);
      setValues(clean);
      setSaved(true);
    } catch (err) {
      const apiErr = handleError(err);
      const byField = apiErr ? fieldErrorsFrom(t, apiErr) : null;
      if (byField) setFieldErrors(byField);
      else setError(apiErr);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" data-testid="credit-thresholds">
      <h2 className="section-title">{t("settings.thresholds")}</h2>
      <p className="muted small">{t("settings.thresholdsHelp")}</p>
      <form onSubmit={submit} noValidate>
        <div className="thresholds-grid">
          {FIELDS.map(([field, label]) => (
            <Field key={field} field={field} label={t(label)} errors={fieldErrors}>
              <input
                id={inputId(field)}
                className="input-narrow"
                inputMode="decimal"
                data-testid={`threshold-${field}`}
                value={values?.[field] ?? ""}
                disabled={values === null}
                aria-invalid={fieldErrors[field] ? true : undefined}
                onChange={(e) => {
                  if (values) setValues({ ...values, [field]: e.target.value });
                  setSaved(false);
                }}
              />
            </Field>
          ))}
        </div>
        <div className="inline">
          <button type="submit" className="btn btn-primary" data-testid="save-thresholds" disabled={saving || values === null} aria-busy={saving}>
            {saving ? t("common.saving") : t("common.save")}
          </button>
          {saved && (
            <span className="ok-text" role="status" data-testid="thresholds-saved">
              {t("common.saved")}
            </span>
          )}
        </div>
      </form>
      <ErrorBox error={error} />
    </section>
  );
}
