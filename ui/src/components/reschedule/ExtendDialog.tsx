// 展期: maturity moves out by N months with a reason; the remaining principal re-amortises to
// the new maturity. An extended loan is at least 关注 from then on (the core says so).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { LoanView } from "../../bindings";
import type { FieldErrors } from "../../errors";
import { wholeIn } from "../../wholeNumber";
import Field, { inputId } from "../Field";
import RescheduleDialog from "./RescheduleDialog";

interface Props {
  loan: LoanView;
  onDone: (loan: LoanView) => void;
  onCancel: () => void;
}

export default function ExtendDialog({ loan, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [months, setMonths] = useState("6");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const n = wholeIn(months, 1, 600);
  const ready = n !== null && reason.trim() !== "";

  return (
    <RescheduleDialog
      title={t("reschedule.extendTitle")}
      testId="extend-dialog"
      currency={loan.currency}
      confirmLabel={t("reschedule.extendConfirm")}
      fields={["months", "reason"]}
      request={
        ready && n !== null
          ? {
              key: `${n}|${reason}`,
              preview: () => api.extendPreview(loan.id, n, reason),
              commit: () => api.loanExtend(loan.id, n, reason),
            }
          : null
      }
      onFieldErrors={setErrors}
      onDone={onDone}
      onCancel={onCancel}
    >
      <div className="repay-grid">
        <Field field="months" label={t("reschedule.months")} errors={errors} required>
          <input
            id={inputId("months")}
            type="text"
            inputMode="numeric"
            data-testid="extend-months"
            value={months}
            onChange={(e) => setMonths(e.target.value)}
          />
        </Field>
        <Field field="reason" label={t("reschedule.reason")} errors={errors} required>
          <input
            id={inputId("reason")}
            type="text"
            maxLength={500}
            data-testid="extend-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </div>
      <p className="muted small">{t("reschedule.extendNote")}</p>
    </RescheduleDialog>
  );
}
