// 新增用信: a bank acceptance, letter of guarantee or L/C under a line. It counts at its exposure
// (amount less the cash margin), shown exactly as the officer types; the core refuses more than
// is available or a day outside the line's dates, and the reason goes under the amount or date.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Facility, FacilityUseKind } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { amountProblem, cleanDecimal, formatMoney, typedAmount } from "../../money";
import AmountInput from "../AmountInput";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import EnumSelect from "../EnumSelect";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import Modal from "../Modal";
import { exposureOf, fieldOfUse, type UseField } from "./facilityModel";
import DateInput from "../DateInput";

const KINDS: readonly FacilityUseKind[] = ["acceptance", "guarantee", "lc"];

/** The dialog's field names (the client page has other "amount" fields). */
const FIELD: Record<UseField, string> = { kind: "use_kind", amount: "use_amount", margin_percent: "use_margin", on: "use_on" };

interface Props {
  facility: Facility;
  onDone: (facility: Facility) => void;
  onCancel: () => void;
}

export default function UseDialog({ facility, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [kind, setKind] = useState<FacilityUseKind>("acceptance");
  const [amount, setAmount] = useState("");
  const [margin, setMargin] = useState("");
  const [on, setOn] = useState(todayISO());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const money = (s: string) => `${facility.currency} ${formatMoney(s)}`;
  const cleanAmount = typedAmount(amount);
  const cleanMargin = margin.trim() === "" ? "0" : cleanDecimal(margin);
  const exposure = cleanAmount !== null && cleanMargin !== null ? exposureOf(cleanAmount, cleanMargin) : null;

  const submit = async () => {
    setError(null);
    const local: FieldErrors = {};
    if (cleanAmount === null) local[FIELD.amount] = { message: amountProblem(t, amount) ?? t("rule.not_a_number"), detail: null };
    if (cleanMargin === null) local[FIELD.margin_percent] = { message: t("rule.not_a_number"), detail: null };
    if (!isIsoDate(on)) local[FIELD.on] = { message: t("facility.dateInvalid"), detail: null };
    setErrors(local);
    if (Object.keys(local).length > 0 || cleanAmount === null || cleanMargin === null) return;
    setBusy(true);
    try {
      onDone(await api.facilityUseAdd({ facility_id: facility.id, kind, amount: cleanAmount, margin_percent: cleanMargin, on }));
    } catch (err) {
      const apiErr = handleError(err);
      const field = apiErr?.code === "validation" ? fieldOfUse(apiErr.field, apiErr.rule) : null;
      if (apiErr && field) setErrors({ [FIELD[field]]: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy="use-dialog-title" testId="use-dialog" onClose={onCancel} data={{ "data-facility-id": facility.id }}>
      <h2 id="use-dialog-title">{t("facility.useTitle")}</h2>
      <p className="muted small">{t("facility.useHint")}</p>
      <p className="small" data-testid="use-available">
        {t("facility.availableNow", { amount: money(facility.available) })}
      </p>
      <div className="stack">
        <Field field={FIELD.kind} label={t("facility.kind")} errors={errors} required>
          <EnumSelect
            id={inputId(FIELD.kind)}
            testId="use-kind"
            value={kind}
            options={KINDS}
            label={(k) => t(`facilityUse.${k}`)}
            onChange={(k) => k !== "" && setKind(k)}
          />
        </Field>
        <div className="grid-2">
          <Field field={FIELD.amount} label={t("facility.useAmountWithCurrency", { currency: facility.currency })} errors={errors} required>
            <AmountInput
              id={inputId(FIELD.amount)}
              testId="use-amount"
              currency={facility.currency}
              value={amount}
              invalid={errors[FIELD.amount] !== undefined}
              onChange={setAmount}
            />
          </Field>
          <Field field={FIELD.margin_percent} label={t("facility.marginPercent")} errors={errors}>
            <input
              id={inputId(FIELD.margin_percent)}
              type="text"
              inputMode="decimal"
              placeholder="0"
              data-testid="use-margin"
              value={margin}
              aria-invalid={errors[FIELD.margin_percent] ? true : undefined}
              onChange={(e) => setMargin(e.target.value)}
            />
          </Field>
        </div>
        <p className="facility-preview" data-testid="use-exposure" data-value={exposure ?? ""}>
          {exposure !== null ? t("facility.exposurePreview", { amount: money(exposure) }) : "\u00a0"}
        </p>
        <Field field={FIELD.on} label={t("facility.on")} errors={errors} required>
          <DateInput
            id={inputId(FIELD.on)}
            max={todayISO()}
            className="input-medium"
            data-testid="use-date"
            value={on}
            aria-invalid={errors[FIELD.on] ? true : undefined}
            onChange={(value) => setOn(value)}
          />
        </Field>
      </div>
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="use-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="use-save" disabled={busy} aria-busy={busy} onClick={() => void submit()}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </Modal>
  );
}
