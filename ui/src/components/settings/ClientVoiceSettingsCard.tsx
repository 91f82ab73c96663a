// Settings of the client's voice and the lifecycle loop (issue 16): the bank's own problem
// categories beside the six defaults, how long an open problem waits before it is on Today, how
// many quiet days make a client of each tier dormant, and how early a maturing loan is on Today.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { DormantDays, Tier } from "../../bindings";
import type { FieldErrors } from "../../errors";
import { TIERS, TIER_KEY } from "../../labels";
import { wholeIn } from "../../wholeNumber";
import { useSave } from "../../useSave";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";

const MAX_DAYS = 3650;

interface Text {
  categories: string;
  openProblemDays: string;
  dormant: Record<Tier, string>;
  renewalDays: string;
}

/** One category per line; blank lines are not categories. */
export function categoryLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

export default function ClientVoiceSettingsCard() {
  const { t } = useTranslation();
  const { saving, saved, setSaved, error, setError, fieldErrors, setFieldErrors, save, handleError } = useSave();
  const [text, setText] = useState<Text | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.feedbackSettingsGet(), api.lifecycleSettingsGet()]).then(
      ([f, l]) =>
        live &&
        setText({
          categories: f.custom_categories.join("\n"),
          openProblemDays: String(f.open_problem_days),
          dormant: { A: String(l.dormant_days.A), B: String(l.dormant_days.B), C: String(l.dormant_days.C) },
          renewalDays: String(l.renewal_days),
        }),
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
    const range = (max: number) => ({ message: t("clientVoiceSettings.daysRange", { max }), detail: null });
    const local: FieldErrors = {};
    const openDays = wholeIn(text.openProblemDays, 1, 366);
    if (openDays === null) local.open_problem_days = range(366);
    const renewal = wholeIn(text.renewalDays, 1, MAX_DAYS);
    if (renewal === null) local.renewal_days = range(MAX_DAYS);
    const dormant = { A: wholeIn(text.dormant.A, 1, MAX_DAYS), B: wholeIn(text.dormant.B, 1, MAX_DAYS), C: wholeIn(text.dormant.C, 1, MAX_DAYS) };
    for (const tier of TIERS) if (dormant[tier] === null) local[`dormant_${tier}`] = range(MAX_DAYS);
    if (Object.keys(local).length > 0 || openDays === null || renewal === null) {
      setFieldErrors(local);
      return;
    }
    const dormantDays: DormantDays = { A: dormant.A ?? 0, B: dormant.B ?? 0, C: dormant.C ?? 0 };
    await save(async () => {
      // Two settings, each all or nothing in the core: the categories are checked first (the
      // likelier refusal), so a refused list leaves both as they were.
      await api.feedbackSettingsSet({ custom_categories: categoryLines(text.categories), open_problem_days: openDays });
      await api.lifecycleSettingsSet({ dormant_days: dormantDays, renewal_days: renewal });
    });
  };

  const change = (patch: Partial<Text>) => {
    if (text) setText({ ...text, ...patch });
    setSaved(false);
  };
  const days = (field: string, value: string, onChange: (v: string) => void, testId: string) => (
    <div className="inline">
      <input
        id={inputId(field)}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        className="input-narrow"
        data-testid={testId}
        aria-invalid={fieldErrors[field] ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="muted small">{t("journeySettings.days")}</span>
    </div>
  );

  return (
    <section className="card" data-testid="client-voice-settings">
      <h2 className="section-title">{t("clientVoiceSettings.title")}</h2>
      <ErrorBox error={error} />
      {text && (
        <form className="stack" onSubmit={submit} noValidate>
          <Field field="custom_categories" label={t("clientVoiceSettings.categories")} errors={fieldErrors} hint={t("clientVoiceSettings.categoriesHint")}>
            <textarea
              id={inputId("custom_categories")}
              rows={3}
              data-testid="custom-categories"
              value={text.categories}
              onChange={(e) => change({ categories: e.target.value })}
            />
          </Field>
          <Field field="open_problem_days" label={t("clientVoiceSettings.openProblemDays")} errors={fieldErrors}>
            {days("open_problem_days", text.openProblemDays, (v) => change({ openProblemDays: v }), "open-problem-days")}
          </Field>
          <p className="field-hint">{t("clientVoiceSettings.dormantHint")}</p>
          <div className="days-grid">
            {TIERS.map((tier) => (
              <Field key={tier} field={`dormant_${tier}`} label={t(TIER_KEY[tier])} errors={fieldErrors}>
                {days(`dormant_${tier}`, text.dormant[tier], (v) => change({ dormant: { ...text.dormant, [tier]: v } }), `dormant-days-${tier}`)}
              </Field>
            ))}
          </div>
          <Field field="renewal_days" label={t("clientVoiceSettings.renewalDays")} errors={fieldErrors}>
            {days("renewal_days", text.renewalDays, (v) => change({ renewalDays: v }), "renewal-days")}
          </Field>
          <div className="form-actions">
            {saved && (
              <span className="ok-text" role="status" data-testid="client-voice-saved">
                {t("common.saved")}
              </span>
            )}
            <button type="submit" className="btn btn-primary" data-testid="client-voice-save" disabled={saving} aria-busy={saving}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
