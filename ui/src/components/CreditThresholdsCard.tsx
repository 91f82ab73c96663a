// Settings: where each credit ratio turns from ok to flagged. Stored in the vault; the backend
// checks the values (two decimals, within range) and names the field it refuses. The five
// original ratios always have one; the spread's others are optional (empty: shown, not judged).
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { RatioKind, Thresholds } from "../bindings";
import { OTHER_THRESHOLD_KINDS, RATIO_KEY, RATIO_UNIT, ratioBound } from "../documents";
import type { FieldErrors } from "../errors";
import { cleanDecimal } from "../money";
import { useSave } from "../useSave";
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
  const { saving, saved, setSaved, error, setError, fieldErrors, setFieldErrors, save, handleError } = useSave();
  const [values, setValues] = useState<Thresholds | null>(null);
  // The optional ones as typed, by ratio; "" is none.
  const [others, setOthers] = useState<Partial<Record<RatioKind, string>>>({});

  useEffect(() => {
    let live = true;
    api.creditThresholdsGet().then(
      (v) => {
        if (!live) return;
        setValues(v);
        setOthers(v.others);
      },
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError, setError]);

  /** "应收账款周转天数 ≤（天）", "毛利率 ≥（%）", "EBITDA ≥（元）". */
  const otherLabel = (kind: RatioKind) => {
    const unit = RATIO_UNIT[kind];
    const sign = ratioBound(kind) === "at-least" ? "≥" : "≤";
    const word = unit === "percent" ? "%" : unit === "times" ? null : t(`ratioUnit.${unit}`);
    return word ? t("settings.thOtherUnit", { ratio: t(RATIO_KEY[kind]), sign, unit: word }) : `${t(RATIO_KEY[kind])} ${sign}`;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!values || saving) return;
    setSaved(false);
    setError(null);
    const bad: FieldErrors = {};
    const clean = { ...values };
    for (const [field] of FIELDS) {
      const c = cleanDecimal(values[field]);
      if (c === null) bad[field] = { message: t("rule.not_a_number"), detail: null };
      else clean[field] = c;
    }
    clean.others = {};
    for (const kind of OTHER_THRESHOLD_KINDS) {
      const typed = others[kind]?.trim() ?? "";
      if (typed === "") continue;
      const c = cleanDecimal(typed);
      if (c === null) bad[kind] = { message: t("rule.not_a_number"), detail: null };
      else clean.others[kind] = c;
    }
    setFieldErrors(bad);
    if (Object.keys(bad).length > 0) return;
    await save(async () => {
      await api.creditThresholdsSet(clean);
      setValues(clean);
      setOthers(clean.others);
    });
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
        <h3 className="h3 thresholds-others-title">{t("settings.thOthers")}</h3>
        <p className="muted small">{t("settings.thOthersHelp")}</p>
        <div className="thresholds-grid thresholds-others">
          {OTHER_THRESHOLD_KINDS.map((kind) => (
            <Field key={kind} field={kind} label={otherLabel(kind)} errors={fieldErrors}>
              <input
                id={inputId(kind)}
                className={RATIO_UNIT[kind] === "yuan" ? "input-wide" : "input-narrow"}
                inputMode="decimal"
                data-testid={`threshold-${kind}`}
                value={others[kind] ?? ""}
                disabled={values === null}
                aria-invalid={fieldErrors[kind] ? true : undefined}
                onChange={(e) => {
                  setOthers({ ...others, [kind]: e.target.value });
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
