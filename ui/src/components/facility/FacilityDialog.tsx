// 新增授信: a credit line for the client, its amount, currency, dates and whether repaid amounts
// are available again (revolving). The core refuses what it cannot carry, under the field.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Facility } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { amountProblem, typedAmount } from "../../money";
import AmountInput from "../AmountInput";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import Modal from "../Modal";
import { facilityFieldOf } from "./facilityModel";
import DateInput from "../DateInput";

const CURRENCIES = ["CNY", "USD", "EUR", "HKD"] as const;

/** The same day a year later (29 February → 28 February), as lines usually run one year. */
function yearLater(iso: string): string {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${y + 1}-${p(m)}-${p(Math.min(d, last))}`;
}

interface Props {
  clientId: number;
  onDone: (facilities: Facility[]) => void;
  onCancel: () => void;
}

/** The dialog's field names (the client page has other "amount" and "from" fields). */
const FIELD = { amount: "facility_amount", currency: "facility_currency", from: "facility_from", to: "facility_to" } as const;

export default function FacilityDialog({ clientId, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState<string>("CNY");
  const [from, setFrom] = useState(todayISO());
  const [to, setTo] = useState(() => yearLater(todayISO()));
  const [revolving, setRevolving] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    const local: FieldErrors = {};
    const clean = typedAmount(amount);
    if (clean === null) local[FIELD.amount] = { message: amountProblem(t, amount) ?? t("rule.not_a_number"), detail: null };
    if (!isIsoDate(from)) local[FIELD.from] = { message: t("facility.dateInvalid"), detail: null };
    if (!isIsoDate(to)) local[FIELD.to] = { message: t("facility.dateInvalid"), detail: null };
    setErrors(local);
    if (Object.keys(local).length > 0 || clean === null) return;
    setBusy(true);
    try {
      onDone(await api.facilityAdd({ client_id: clientId, amount: clean, currency, from, to, revolving }));
    } catch (err) {
      const apiErr = handleError(err);
      const field = apiErr?.code === "validation" ? facilityFieldOf(apiErr.field) : null;
      if (apiErr && field) setErrors({ [FIELD[field]]: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy="facility-dialog-title" testId="facility-dialog" onClose={onCancel}>
      <h2 id="facility-dialog-title">{t("facility.dialogTitle")}</h2>
      <div className="stack">
        <div className="facility-amount-row">
          <Field field={FIELD.amount} label={t("facility.amountWithCurrency", { currency })} errors={errors} required>
            <AmountInput
              id={inputId(FIELD.amount)}
              testId="facility-amount"
              autoFocus
              currency={currency}
              value={amount}
              invalid={errors[FIELD.amount] !== undefined}
              onChange={setAmount}
            />
          </Field>
          <Field field={FIELD.currency} label={t("facility.currency")} errors={errors}>
            <select id={inputId(FIELD.currency)} data-testid="facility-currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="grid-2">
          <Field field={FIELD.from} label={t("facility.from")} errors={errors} required>
            <DateInput
              id={inputId(FIELD.from)}
              data-testid="facility-from"
              value={from}
              aria-invalid={errors[FIELD.from] ? true : undefined}
              onChange={(value) => setFrom(value)}
            />
          </Field>
          <Field field={FIELD.to} label={t("facility.to")} errors={errors} required>
            <DateInput
              id={inputId(FIELD.to)}
              data-testid="facility-to"
              value={to}
              aria-invalid={errors[FIELD.to] ? true : undefined}
              onChange={(value) => setTo(value)}
            />
          </Field>
        </div>
        <div>
          <label className="inline">
            <input type="checkbox" data-testid="facility-revolving" checked={revolving} onChange={(e) => setRevolving(e.target.checked)} />
            {t("facility.revolving")}
          </label>
          <div className="field-hint">{t(revolving ? "facility.revolvingHint" : "facility.nonRevolvingHint")}</div>
        </div>
      </div>
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="facility-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="facility-save" disabled={busy} aria-busy={busy} onClick={() => void submit()}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </Modal>
  );
}
