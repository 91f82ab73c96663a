// 押品重估: a new valuation of a pledged item (value, date, who valued it). The earlier ones stay in
// its history, shown here; the lendable value and the loan's coverage follow from the core.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Collateral, LoanView } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { formatMoney, formatPercent } from "../../money";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import Modal from "../Modal";
import { amountProblem } from "../../money";
import AmountInput from "../AmountInput";
import { optionalAmount } from "./securityModel";
import DateInput from "../DateInput";

interface Props {
  loan: LoanView;
  item: Collateral;
  onDone: (loan: LoanView) => void;
  onCancel: () => void;
}

const FIELDS: Record<string, string> = { value: "revalue_value", valued_on: "revalue_valued_on", source: "revalue_source" };

export default function RevalueDialog({ loan, item, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const today = todayISO();
  const [value, setValue] = useState("");
  const [valuedOn, setValuedOn] = useState(today);
  const [source, setSource] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const clearError = (field: string) =>
    setErrors((e) => {
      if (!e[field]) return e;
      return Object.fromEntries(Object.entries(e).filter(([k]) => k !== field));
    });
  const money = (s: string) => `${loan.currency} ${formatMoney(s)}`;

  const submit = async () => {
    setError(null);
    const out: FieldErrors = {};
    const clean = optionalAmount(value);
    if (clean === null) out.revalue_value = { message: t("rule.required"), detail: null };
    if (clean === undefined) out.revalue_value = { message: amountProblem(t, value) ?? t("rule.not_a_number"), detail: null };
    if (!isIsoDate(valuedOn)) out.revalue_valued_on = { message: t("loans.dateInvalid"), detail: null };
    setErrors(out);
    if (Object.keys(out).length > 0 || !clean) return;
    setBusy(true);
    try {
      onDone(await api.collateralRevalue(loan.id, item.id, { value: clean, valued_on: valuedOn, source: source.trim() }));
    } catch (err) {
      const apiErr = handleError(err);
      const field = apiErr?.code === "validation" && apiErr.field ? FIELDS[apiErr.field] : undefined;
      if (apiErr && field) setErrors({ [field]: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy="revalue-title" testId="revalue-dialog" className="modal-wide security-modal" data={{ "data-collateral-id": item.id }} onClose={onCancel}>
      <h2 id="revalue-title">{t("security.revalueTitle", { kind: t(`collateralKind.${item.kind}`) })}</h2>
      <p className="muted small">
        {item.description ? `${item.description} · ` : ""}
        {t("security.revalueNow", { value: money(item.value), date: item.valued_on, cap: formatPercent(item.cap_percent), lendable: money(item.lendable) })}
      </p>
      <div className="security-form-grid">
        <Field field="revalue_value" label={t("security.field.value", { currency: loan.currency })} errors={errors} required>
          <AmountInput
            currency={loan.currency}
            id={inputId("revalue_value")}
            testId="revalue-value"
            invalid={errors.revalue_value ? true : undefined}
            value={value}
            onChange={(v: string) => {
              setValue(v);
              clearError("revalue_value");
            }}
          />
        </Field>
        <Field field="revalue_valued_on" label={t("security.field.valuedOn")} errors={errors} required hint={t("security.revalueDateHint", { date: item.valued_on })}>
          <DateInput
            id={inputId("revalue_valued_on")}
            min={item.valued_on}
            max={today}
            data-testid="revalue-date"
            aria-invalid={errors.revalue_valued_on ? true : undefined}
            value={valuedOn}
            onChange={(value) => {
              setValuedOn(value);
              clearError("revalue_valued_on");
            }}
          />
        </Field>
        <Field field="revalue_source" label={t("security.field.source")} errors={errors}>
          <input
            id={inputId("revalue_source")}
            type="text"
            maxLength={100}
            data-testid="revalue-source"
            placeholder={t("security.field.sourcePlaceholder")}
            value={source}
            onChange={(e) => setSource(e.target.value)}
          />
        </Field>
      </div>
      <div className="stack-tight">
        <span className="field-label">{t("security.historyTitle")}</span>
        <ol className="valuation-list" data-testid="revalue-history">
          {item.valuations.map((v, i) => (
            <li key={i} data-testid="valuation-row">
              <span>{v.valued_on}</span> · <span className="valuation-amount">{money(v.value)}</span>
              {v.source ? <span className="muted"> · {v.source}</span> : null}
            </li>
          ))}
        </ol>
      </div>
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="revalue-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="revalue-save" disabled={busy} aria-busy={busy} onClick={() => void submit()}>
          {busy ? t("common.saving") : t("security.revalueSave")}
        </button>
      </div>
    </Modal>
  );
}
