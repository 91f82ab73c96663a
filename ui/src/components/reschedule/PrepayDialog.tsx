// 提前还款: an amount on a date settles what is due and the interest accrued to that day, then
// reduces principal; the officer chooses 减少月供 or 缩短期限 and sees the new schedule first.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { LoanView, PrepayFee, PrepayMode, PrepaymentInput } from "../../bindings";
import type { FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { cleanDecimal, formatMoney, typedAmount } from "../../money";
import AmountInput from "../AmountInput";
import { isIsoDate, PREPAY_MODES } from "../../servicing";
import Field, { inputId } from "../Field";
import RescheduleDialog from "./RescheduleDialog";
import DateInput from "../DateInput";

type FeeKind = PrepayFee["kind"];
const FEE_KINDS: FeeKind[] = ["none", "fixed", "percent"];

interface Props {
  loan: LoanView;
  onDone: (loan: LoanView) => void;
  onCancel: () => void;
}

export default function PrepayDialog({ loan, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayISO());
  const [amount, setAmount] = useState("");
  const [mode, setMode] = useState<PrepayMode>("reduce-payment");
  const [feeKind, setFeeKind] = useState<FeeKind>("none");
  const [feeValue, setFeeValue] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  // The core names a percent fee's field apart from a fixed one.
  const feeField = feeKind === "percent" ? "fee_percent" : "fee";

  const input = ((): PrepaymentInput | null => {
    const clean = typedAmount(amount);
    if (!isIsoDate(on) || clean === null) return null;
    let fee: PrepayFee = { kind: "none" };
    if (feeKind !== "none") {
      const v = feeKind === "fixed" ? typedAmount(feeValue) : cleanDecimal(feeValue);
      if (v === null) return null;
      fee = feeKind === "fixed" ? { kind: "fixed", amount: v } : { kind: "percent", percent: v };
    }
    return { on, amount: clean, mode, fee };
  })();

  return (
    <RescheduleDialog
      title={t("reschedule.prepayTitle")}
      testId="prepay-dialog"
      currency={loan.currency}
      confirmLabel={t("reschedule.prepayConfirm")}
      fields={["date", "amount", "fee", "fee_percent"]}
      request={
        input && {
          key: JSON.stringify(input),
          preview: () => api.prepayPreview(loan.id, input),
          commit: () => api.loanPrepay(loan.id, input),
        }
      }
      onFieldErrors={setErrors}
      onDone={onDone}
      onCancel={onCancel}
    >
      <div className="repay-grid">
        <Field field="date" label={t("reschedule.prepayOn")} errors={errors} required>
          <DateInput id={inputId("date")} data-testid="prepay-date" value={on} onChange={(value) => setOn(value)} />
        </Field>
        <Field
          field="amount"
          label={t("loans.amountWithCurrency", { currency: loan.currency })}
          errors={errors}
          required
          hint={t("reschedule.payoffHint", { amount: formatMoney(loan.payoff_today) })}
        >
          <AmountInput id={inputId("amount")} testId="prepay-amount" currency={loan.currency} value={amount} onChange={setAmount} />
        </Field>
      </div>
      <fieldset className="radio-row" data-testid="prepay-mode">
        <legend className="field-label">{t("reschedule.mode")}</legend>
        {PREPAY_MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="prepay-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`prepay-mode-${m}`} />{" "}
            {t(`prepayMode.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="repay-grid">
        <Field field="fee_kind" label={t("reschedule.fee")} errors={errors}>
          <select id={inputId("fee_kind")} data-testid="prepay-fee-kind" value={feeKind} onChange={(e) => setFeeKind(e.target.value as FeeKind)}>
            {FEE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`reschedule.feeKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {feeKind !== "none" && (
          <Field field={feeField} label={feeKind === "fixed" ? t("reschedule.feeAmount") : t("reschedule.feePercent")} errors={errors}>
            <input
              id={inputId(feeField)}
              type="text"
              inputMode="decimal"
              data-testid="prepay-fee"
              value={feeValue}
              onChange={(e) => setFeeValue(e.target.value)}
            />
          </Field>
        )}
      </div>
    </RescheduleDialog>
  );
}
