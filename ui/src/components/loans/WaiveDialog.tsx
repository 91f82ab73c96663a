// 罚息减免: the officer waives some or all of the penalty and compound interest owed on a day,
// with a reason; the core takes compound interest first, oldest period first, and keeps the
// waiver in the loan's history. The amount starts at what is owed that day.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { LoanView } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { amountProblem, formatMoney, typedAmount } from "../../money";
import AmountInput from "../AmountInput";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import Modal from "../Modal";
import DateInput from "../DateInput";

interface Props {
  loan: LoanView;
  onDone: (loan: LoanView) => void;
  onCancel: () => void;
}

/** The core's field names, and the dialog's (the loan page has other "reason" fields). */
const FIELDS: Record<string, string> = { date: "waive_date", amount: "waive_amount", reason: "waive_reason" };

export default function WaiveDialog({ loan, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [on, setOn] = useState(todayISO());
  const [owed, setOwed] = useState<{ on: string; amount: string } | null>(null);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!isIsoDate(on)) return;
    let live = true;
    api.penaltyOwed(loan.id, on).then(
      (amount) => {
        if (!live) return;
        setOwed({ on, amount });
        setAmount((current) => (current === "" ? amount : current));
      },
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [loan.id, on, handleError]);

  const submit = async () => {
    setError(null);
    const local: FieldErrors = {};
    if (!isIsoDate(on)) local.waive_date = { message: t("loans.dateInvalid"), detail: null };
    const clean = typedAmount(amount);
    if (clean === null) local.waive_amount = { message: amountProblem(t, amount) ?? t("rule.not_a_number"), detail: null };
    if (reason.trim() === "") local.waive_reason = { message: t("penalty.reasonRequired"), detail: null };
    setErrors(local);
    if (Object.keys(local).length > 0 || clean === null) return;
    setBusy(true);
    try {
      onDone(await api.penaltyWaive(loan.id, on, clean, reason));
    } catch (err) {
      const apiErr = handleError(err);
      const field = apiErr?.code === "validation" && apiErr.field ? FIELDS[apiErr.field] : undefined;
      if (apiErr && field) {
        setErrors({ [field]: fieldError(t, apiErr) });
      } else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  const money = (s: string) => `${loan.currency} ${formatMoney(s)}`;
  return (
    <Modal labelledBy="waive-title" testId="waive-dialog" onClose={onCancel}>
        <h2 id="waive-title">{t("penalty.waiveTitle")}</h2>
        <p className="muted small">{t("penalty.waiveHint")}</p>
        <div className="stack">
          <Field field="waive_date" label={t("penalty.waiveOn")} errors={errors} required>
            <DateInput
              id={inputId("waive_date")}
              max={todayISO()}
              data-testid="waive-date"
              value={on}
              onChange={(value) => {
                setOn(value);
                setAmount("");
              }}
            />
          </Field>
          <p className="muted" data-testid="waive-owed" data-value={owed?.on === on ? owed.amount : ""}>
            {owed?.on === on ? t("penalty.owedOn", { amount: money(owed.amount) }) : t("app.loading")}
          </p>
          <Field field="waive_amount" label={t("loans.amountWithCurrency", { currency: loan.currency })} errors={errors} required>
            <AmountInput id={inputId("waive_amount")} testId="waive-amount" currency={loan.currency} value={amount} onChange={setAmount} />
          </Field>
          <Field field="waive_reason" label={t("loans.reason")} errors={errors} required>
            <textarea
              id={inputId("waive_reason")}
              data-testid="waive-reason"
              maxLength={500}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
        </div>
        <ErrorBox error={error} />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" data-testid="waive-cancel" onClick={onCancel}>
            {t("common.cancel")}
          </button>
          <button type="button" className="btn btn-primary" data-testid="waive-confirm" disabled={busy} aria-busy={busy} onClick={() => void submit()}>
            {t("penalty.waiveConfirm")}
          </button>
        </div>
    </Modal>
  );
}
