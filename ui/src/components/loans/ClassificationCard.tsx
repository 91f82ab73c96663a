// 五级分类: what days overdue suggest, what the officer has set (with a reason, every change
// kept), and the form to set it or go back to following the suggestion.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Classification, LoanView } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { CLASSES, CLASS_KEY } from "../../servicing";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import TechnicalOverdue from "./TechnicalOverdue";

const FOLLOW = "follow";

interface Props {
  loan: LoanView;
  onChanged: (loan: LoanView) => void;
}

export default function ClassificationCard({ loan, onChanged }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  // With no history the loan follows the suggestion; after a change, the officer's class.
  const [choice, setChoice] = useState<Classification | typeof FOLLOW>(
    loan.classification_history.length === 0 ? FOLLOW : loan.classification,
  );
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const differs = loan.classification !== loan.suggested_classification;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (reason.trim() === "") {
      setErrors({ reason: { message: t("loans.reasonRequired"), detail: null } });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const v = await api.loanClassify(loan.id, choice === FOLLOW ? null : choice, reason);
      setReason("");
      onChanged(v);
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "validation" && apiErr.field === "reason") setErrors({ reason: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="loan-classification">
      <h2 className="section-title">{t("loans.classification")}</h2>
      <div className="class-now">
        <div>
          <span className="field-label">{t("loans.classSet")}</span>
          <span className={`pill class-${loan.classification}`} data-testid="loan-class" data-class={loan.classification}>
            {t(CLASS_KEY[loan.classification])}
          </span>
        </div>
        <div>
          <span className="field-label">{t("loans.classSuggested")}</span>
          <span className="pill" data-testid="loan-class-suggested" data-class={loan.suggested_classification}>
            {t(CLASS_KEY[loan.suggested_classification])}
          </span>
        </div>
      </div>
      <p className="muted small">
        {differs ? t("loans.classDiffers") : t("loans.classHint")}
      </p>
      <TechnicalOverdue loan={loan} onChanged={onChanged} />
      <form className="stack" onSubmit={submit} noValidate>
        <Field field="class" label={t("loans.classNew")} errors={{}}>
          <select
            id={inputId("class")}
            data-testid="class-select"
            value={choice}
            onChange={(e) => setChoice(e.target.value as Classification | typeof FOLLOW)}
          >
            <option value={FOLLOW}>{t("loans.classFollow", { class: t(CLASS_KEY[loan.suggested_classification]) })}</option>
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(CLASS_KEY[c])}
              </option>
            ))}
          </select>
        </Field>
        <Field field="reason" label={t("loans.reason")} errors={errors} required>
          <textarea
            id={inputId("reason")}
            data-testid="class-reason"
            maxLength={500}
            rows={2}
            aria-invalid={errors.reason ? true : undefined}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <ErrorBox error={error} />
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary" data-testid="class-save" disabled={busy} aria-busy={busy}>
            {t("loans.classSave")}
          </button>
        </div>
      </form>
      {loan.classification_history.length > 0 && (
        <table className="simple-table" data-testid="class-history">
          <thead>
            <tr>
              <th>{t("loans.classOn")}</th>
              <th>{t("loans.classSet")}</th>
              <th>{t("loans.classSuggested")}</th>
              <th>{t("loans.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {loan.classification_history.map((h, i) => (
              <tr key={i}>
                <td>{h.set_on}</td>
                <td>{t(CLASS_KEY[h.class])}</td>
                <td className="muted">{t(CLASS_KEY[h.suggested])}</td>
                <td>{h.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
