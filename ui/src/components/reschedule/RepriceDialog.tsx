// 重定价: on a repricing day the rate becomes the latest LPR of the loan's tenor published on
// or before that day plus the fixed spread; the remaining balance re-amortises.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { LoanView } from "../../bindings";
import type { FieldErrors } from "../../errors";
import { isIsoDate } from "../../servicing";
import Field, { inputId } from "../Field";
import RescheduleDialog from "./RescheduleDialog";
import DateInput from "../DateInput";

interface Props {
  loanId: number;
  currency: string;
  /** The repricing day (Today's list gives it); the officer may change it. */
  on: string;
  onDone: (loan: LoanView) => void;
  onCancel: () => void;
}

export default function RepriceDialog({ loanId, currency, on: initial, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [on, setOn] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <RescheduleDialog
      title={t("reschedule.repriceTitle")}
      testId="reprice-dialog"
      currency={currency}
      confirmLabel={t("reschedule.repriceConfirm")}
      fields={["date"]}
      request={
        isIsoDate(on)
          ? { key: on, preview: () => api.repricePreview(loanId, on), commit: () => api.loanReprice(loanId, on) }
          : null
      }
      onFieldErrors={setErrors}
      onDone={onDone}
      onCancel={onCancel}
    >
      <Field field="date" label={t("reschedule.repriceOn")} errors={errors} required>
        <DateInput id={inputId("date")} data-testid="reprice-date" value={on} onChange={(value) => setOn(value)} />
      </Field>
    </RescheduleDialog>
  );
}
