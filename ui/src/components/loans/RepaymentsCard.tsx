// Recording a repayment (date, amount, note) and the list of repayments, each removable when
// it was entered by mistake (the allocation is then redone without it).
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { LoanRepayment, LoanView } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { amountProblem, compareDecimal, formatMoney, typedAmount } from "../../money";
import AmountInput from "../AmountInput";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import ConfirmDialog from "../ConfirmDialog";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import DateInput from "../DateInput";

interface Props {
  loan: LoanView;
  /** What settles every period due so far: the amount suggested for a new repayment. */
  dueNow: string;
  onChanged: (loan: LoanView) => void;
}

const NOTE_MAX = 500;

export default function RepaymentsCard({ loan, dueNow, onChanged }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const today = todayISO();
  const suggested = compareDecimal(dueNow, "0") > 0 ? dueNow : "";
  const [paidOn, setPaidOn] = useState(today);
  const [amount, setAmount] = useState(suggested);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState<LoanRepayment | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const clean = typedAmount(amount);
    const local: FieldErrors = {};
    if (!isIsoDate(paidOn)) local.date = { message: t("loans.dateInvalid"), detail: null };
    if (clean === null) local.amount = { message: amountProblem(t, amount) ?? t("rule.not_a_number"), detail: null };
    setErrors(local);
    if (clean === null || Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const v = await api.loanRepay(loan.id, paidOn, clean, note);
      setNote("");
      setSaved(true);
      // The next suggestion is whatever is still due after this one.
      setAmount("");
      onChanged(v);
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "validation" && apiErr.field) setErrors({ [apiErr.field]: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (r: LoanRepayment) => {
    setBusy(true);
    try {
      onChanged(await api.repaymentDelete(loan.id, r.id));
    } catch (err) {
      setError(handleError(err));
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  const money = (s: string) => `${loan.currency} ${formatMoney(s)}`;
  return (
    <section className="card" data-testid="loan-repayments">
      <h2 className="section-title">{t("loans.recordRepayment")}</h2>
      {loan.closed_on === null && (
        <form className="stack" onSubmit={submit} noValidate>
          <div className="repay-grid">
            <Field field="date" label={t("loans.paidOn")} errors={errors} required>
              <DateInput
                id={inputId("date")}
                max={today}
                data-testid="repay-date"
                aria-invalid={errors.date ? true : undefined}
                value={paidOn}
                onChange={(value) => setPaidOn(value)}
              />
            </Field>
            <Field
              field="amount"
              label={t("loans.amountWithCurrency", { currency: loan.currency })}
              errors={errors}
              required
              hint={suggested ? t("loans.amountHint", { amount: formatMoney(suggested) }) : undefined}
            >
              <AmountInput
                id={inputId("amount")}
                testId="repay-amount"
                currency={loan.currency}
                invalid={errors.amount !== undefined}
                value={amount}
                placeholder={suggested || undefined}
                onChange={setAmount}
              />
            </Field>
          </div>
          <Field field="note" label={t("loans.note")} errors={errors}>
            <input
              id={inputId("note")}
              type="text"
              maxLength={NOTE_MAX}
              data-testid="repay-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          <ErrorBox error={error} />
          <div className="form-actions">
            {saved && (
              <span className="ok-text" role="status" data-testid="repay-saved">
                {t("loans.repaymentSaved")}
              </span>
            )}
            <button type="submit" className="btn btn-primary" data-testid="repay-submit" disabled={busy} aria-busy={busy}>
              {t("loans.recordRepayment")}
            </button>
          </div>
        </form>
      )}

      <h2 className="section-title">{t("loans.repayments")}</h2>
      {loan.repayments.length === 0 ? (
        <p className="muted" data-testid="repayments-empty">
          {t("loans.noRepayments")}
        </p>
      ) : (
        <table className="simple-table" data-testid="repayment-list">
          <thead>
            <tr>
              <th>{t("loans.paidOn")}</th>
              <th className="num">{t("loans.amount")}</th>
              <th>{t("loans.note")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {loan.repayments.map((r) => (
              <tr key={r.id} data-testid="repayment-row" data-repayment-id={r.id}>
                <td>{r.paid_on}</td>
                <td className="num">{money(r.amount)}</td>
                <td>{r.note}</td>
                <td className="num">
                  <button
                    type="button"
                    className="btn btn-ghost btn-small danger-text"
                    data-testid="repayment-delete"
                    disabled={busy}
                    onClick={() => setDeleting(r)}
                  >
                    {t("loans.deleteRepayment")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <ConfirmDialog
          title={t("loans.deleteRepaymentTitle")}
          message={t("loans.deleteRepaymentConfirm", { date: deleting.paid_on, amount: money(deleting.amount) })}
          confirmLabel={t("loans.deleteRepayment")}
          busy={busy}
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
