// Logging one contact with the client: what was said, and what happens next; and, when the
// officer opens it, the feedback the client gave (written with the touchpoint, both or neither).
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { Channel } from "../bindings";
import { fieldError, type FieldErrors } from "../errors";
import { EMPTY_FEEDBACK, toFeedbackInput, type QuickFeedback } from "../feedbackForm";
import { todayISO } from "../format";
import { CHANNELS, CHANNEL_KEY } from "../labels";
import { useErrorHandler } from "../session";
import EnumSelect from "./EnumSelect";
import ErrorBox from "./ErrorBox";
import QuickFeedbackFields from "./feedback/QuickFeedbackFields";
import Field, { inputId } from "./Field";
import DateInput from "./DateInput";

interface Props {
  clientId: number;
  onSaved: () => void;
}

export default function TouchpointForm({ clientId, onSaved }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [date, setDate] = useState(todayISO);
  const [channel, setChannel] = useState<Channel>("visit");
  const [summary, setSummary] = useState("");
  const [nextStep, setNextStep] = useState("");
  const [nextDate, setNextDate] = useState("");
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [withFeedback, setWithFeedback] = useState(false);
  const [feedback, setFeedback] = useState<QuickFeedback>(EMPTY_FEEDBACK);
  const [customCategories, setCustomCategories] = useState<string[]>([]);

  useEffect(() => {
    if (!withFeedback) return;
    let live = true;
    api.feedbackSettingsGet().then(
      (s) => live && setCustomCategories(s.custom_categories),
      // The defaults still work: the form stays usable without the bank's own categories.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [withFeedback]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaved(false);
    const local: FieldErrors = {};
    if (summary.trim() === "") local.summary = { message: t("tp.summaryRequired"), detail: null };
    const feedbackInput = withFeedback ? toFeedbackInput(feedback, date) : null;
    if (withFeedback && feedbackInput === null) local.score = { message: t("tp.feedback.scoreRequired"), detail: null };
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      return;
    }
    setSaving(true);
    setError(null);
    setFieldErrors({});
    try {
      const touchpoint = {
        date,
        channel,
        summary,
        next_step: nextStep,
        next_contact_date: nextDate === "" ? null : nextDate,
      };
      if (feedbackInput) await api.touchpointAddWithFeedback(clientId, touchpoint, feedbackInput);
      else await api.touchpointAdd(clientId, touchpoint);
      setFeedback(EMPTY_FEEDBACK);
      setWithFeedback(false);
      setSummary("");
      setNextStep("");
      setNextDate("");
      setDate(todayISO());
      setSaved(true);
      onSaved();
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "validation" && apiErr.field) setFieldErrors({ [apiErr.field]: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="tp-form" data-testid="touchpoint-form" onSubmit={submit} noValidate>
      <h3>{t("tp.logTitle")}</h3>
      <div className="tp-grid">
        <Field field="date" label={t("tp.date")} errors={fieldErrors}>
          <DateInput id={inputId("date")} data-testid="tp-date" value={date} required onChange={(value) => setDate(value)} />
        </Field>
        <Field field="channel" label={t("tp.channel")} errors={fieldErrors}>
          <EnumSelect
            id={inputId("channel")}
            testId="tp-channel"
            value={channel}
            options={CHANNELS}
            label={(v) => t(CHANNEL_KEY[v])}
            onChange={(v) => v !== "" && setChannel(v)}
          />
        </Field>
        <Field field="summary" label={t("tp.summary")} errors={fieldErrors} required className="span-all">
          <textarea
            id={inputId("summary")}
            data-testid="tp-summary"
            rows={3}
            placeholder={t("tp.summaryPlaceholder")}
            value={summary}
            aria-invalid={fieldErrors.summary ? true : undefined}
            onChange={(e) => setSummary(e.target.value)}
          />
        </Field>
        <Field field="next_step" label={t("tp.nextStep")} errors={fieldErrors} className="span-2">
          <input id={inputId("next_step")} data-testid="tp-next-step" value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
        </Field>
        <Field field="next_contact_date" label={t("tp.nextDate")} errors={fieldErrors}>
          <DateInput
            id={inputId("next_contact_date")}
            data-testid="tp-next-date"
            value={nextDate}
            min={date}
            aria-invalid={fieldErrors.next_contact_date ? true : undefined}
            onChange={(value) => setNextDate(value)}
          />
        </Field>
      </div>
      {withFeedback ? (
        <QuickFeedbackFields
          value={feedback}
          onChange={(f) => {
            setFeedback(f);
            // A score chosen answers the "choose a score" error at once.
            if (f.score !== null && fieldErrors.score) {
              setFieldErrors((errs) => {
                const rest = { ...errs };
                delete rest.score;
                return rest;
              });
            }
          }}
          customCategories={customCategories}
          errors={fieldErrors}
        />
      ) : (
        <button type="button" className="link-button small" data-testid="tp-feedback-open" onClick={() => setWithFeedback(true)}>
          {t("tp.feedback.open")}
        </button>
      )}
      <ErrorBox error={error} />
      <div className="form-actions">
        {saved && (
          <span className="ok-text" role="status" data-testid="tp-saved">
            {t("tp.saved")}
          </span>
        )}
        <button type="submit" className="btn btn-primary" data-testid="tp-save" disabled={saving} aria-busy={saving}>
          {saving ? t("common.saving") : t("tp.save")}
        </button>
      </div>
    </form>
  );
}
