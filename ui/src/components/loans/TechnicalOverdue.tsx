// The technical-overdue exception (技术性逾期, 《商业银行金融资产风险分类办法》): a loan at most
// 7 days overdue for a reason outside the client's control (a bank holiday transfer, a system
// fault) may stay 正常. The core says when it can be recorded; the officer gives the reason.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { LoanView } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";

interface Props {
  loan: LoanView;
  onChanged: (loan: LoanView) => void;
}

export default function TechnicalOverdue({ loan, onChanged }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (value: string | null) => {
    setError(null);
    if (value !== null && value.trim() === "") {
      setErrors({ technical_reason: { message: t("penalty.reasonRequired"), detail: null } });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onChanged(await api.technicalOverdueSet(loan.id, value));
      setReason("");
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "validation" && apiErr.field === "reason") setErrors({ technical_reason: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  if (loan.technical_overdue_reason !== null) {
    return (
      <div className="stack technical-overdue" data-testid="technical-overdue">
        <p className="small">
          <span className="tag tag-ok">{t("technical.recorded")}</span> <span data-testid="technical-reason">{loan.technical_overdue_reason}</span>
        </p>
        <ErrorBox error={error} />
        <div className="form-actions">
          <button type="button" className="btn btn-ghost btn-small" data-testid="technical-withdraw" disabled={busy} onClick={() => void save(null)}>
            {t("technical.withdraw")}
          </button>
        </div>
      </div>
    );
  }
  if (!loan.technical_overdue_allowed) return null;
  return (
    <div className="stack technical-overdue" data-testid="technical-overdue">
      <p className="muted small">{t("technical.hint")}</p>
      <Field field="technical_reason" label={t("technical.reason")} errors={errors} required>
        <textarea
          id={inputId("technical_reason")}
          data-testid="technical-reason-input"
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary btn-small" data-testid="technical-save" disabled={busy} onClick={() => void save(reason)}>
          {t("technical.save")}
        </button>
      </div>
    </div>
  );
}
