// The calculator's terms: every input is a plain text box (officers paste "1,000,000"), the
// enums are selects; errors, ours or the backend's, appear under the field they name.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../errors";
import { DAY_COUNTS, DAY_COUNT_KEY, METHODS, METHOD_KEY, ROUNDINGS, ROUNDING_KEY, TENORS, TENOR_KEY } from "../labels";
import { tenorFor, type CalcField, type CalcForm, type RateKind } from "../loanForm";
import { formatPercent } from "../money";
import AmountInput from "./AmountInput";
import EnumSelect from "./EnumSelect";
import Field, { inputId } from "./Field";
import DateInput from "./DateInput";

type TextField = "principal" | "currency" | "term_months" | "rate" | "lpr" | "spread_bp" | "repay_day" | "grace_months" | "upfront_fee";

const RATE_KINDS: readonly RateKind[] = ["fixed", "lpr"];

interface Props {
  form: CalcForm;
  errors: FieldErrors;
  onChange: (patch: Partial<CalcForm>, field: CalcField) => void;
  /** The rate the core works out for the terms as typed (LPR + spread), once it has answered. */
  annualRate: string | null;
}

export default function CalcTermsForm({ form, errors, onChange, annualRate }: Props) {
  const { t } = useTranslation();

  const text = (field: TextField, testId: string, opts: { unit?: string; placeholder?: string; numeric?: boolean; className?: string } = {}) => {
    const input = (
      <input
        id={inputId(field)}
        data-testid={testId}
        className={opts.className}
        inputMode={opts.numeric ? "numeric" : "decimal"}
        autoComplete="off"
        spellCheck={false}
        placeholder={opts.placeholder}
        value={form[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `err-${field}` : undefined}
        onChange={(e) => onChange({ [field]: e.target.value }, field)}
      />
    );
    return opts.unit ? (
      <span className="input-unit">
        {input}
        <span className="unit" aria-hidden="true">
          {opts.unit}
        </span>
      </span>
    ) : (
      input
    );
  };

  const field = (name: CalcField, label: string, control: ReactNode, className?: string, hint?: string) => (
    <Field field={name} label={label} errors={errors} className={className} hint={hint}>
      {control}
    </Field>
  );

  // Typed as officers say it (500万); the box echoes the exact yuan and the 大写 beneath.
  const amountBox = (name: "principal" | "upfront_fee", testId: string, placeholder?: string) => (
    <AmountInput
      id={inputId(name)}
      testId={testId}
      value={form[name]}
      currency={form.currency}
      placeholder={placeholder}
      invalid={errors[name] !== undefined}
      describedBy={errors[name] ? `err-${name}` : undefined}
      onChange={(v) => onChange({ [name]: v }, name)}
    />
  );

  return (
    <div className="calc-form" data-testid="calc-form">
      {field("principal", t("fields.principal"), amountBox("principal", "calc-principal"), "span-2")}
      {field("currency", t("fields.currency"), text("currency", "calc-currency", { className: "mono" }))}

      {field("term_months", t("fields.termMonths"), text("term_months", "calc-months", { numeric: true, unit: t("calc.monthUnit") }))}
      {field(
        "method",
        t("fields.method"),
        <EnumSelect
          id={inputId("method")}
          testId="calc-method"
          value={form.method}
          options={METHODS}
          label={(v) => t(METHOD_KEY[v])}
          invalid={errors.method !== undefined}
          onChange={(v) => v !== "" && onChange({ method: v }, "method")}
        />,
        "span-2",
      )}

      <Field field="rate_kind" label={t("fields.rateKind")} errors={errors}>
        <EnumSelect
          id={inputId("rate_kind")}
          testId="calc-rate-kind"
          value={form.rate_kind}
          options={RATE_KINDS}
          label={(v) => t(v === "fixed" ? "calc.rateFixed" : "calc.rateLpr")}
          onChange={(v) => {
            if (v === "") return;
            // Switching to LPR suggests the tenor Chinese pricing uses for this term.
            onChange(v === "lpr" ? { rate_kind: v, lpr_tenor: tenorFor(form.term_months) } : { rate_kind: v }, "rate");
          }}
        />
      </Field>
      {form.rate_kind === "fixed" ? (
        field("rate", t("fields.rate"), text("rate", "calc-rate", { unit: "%" }), "span-2")
      ) : (
        <>
          {field(
            "lpr_tenor",
            t("fields.lprTenor"),
            <EnumSelect
              id={inputId("lpr_tenor")}
              testId="calc-lpr-tenor"
              value={form.lpr_tenor}
              options={TENORS}
              label={(v) => t(TENOR_KEY[v])}
              onChange={(v) => v !== "" && onChange({ lpr_tenor: v }, "lpr_tenor")}
            />,
          )}
          {field("lpr", t("fields.lpr"), text("lpr", "calc-lpr", { unit: "%" }))}
          {field("spread_bp", t("fields.spreadBp"), text("spread_bp", "calc-spread", { unit: "BP" }), undefined, t("calc.spreadHint"))}
          <div className="field span-2">
            <span className="field-label">{t("calc.lprEffective")}</span>
            <span className="calc-derived num" data-testid="calc-lpr-total">
              {annualRate === null ? t("common.notSet") : formatPercent(annualRate)}
            </span>
          </div>
        </>
      )}

      {field(
        "disbursement_date",
        t("fields.disbursementDate"),
        <DateInput
          id={inputId("disbursement_date")}
          data-testid="calc-start"
          value={form.disbursement_date}
          aria-invalid={errors.disbursement_date ? true : undefined}
          onChange={(value) => onChange({ disbursement_date: value }, "disbursement_date")}
        />,
      )}
      {field("repay_day", t("fields.repayDay"), text("repay_day", "calc-repay-day", { numeric: true, placeholder: t("calc.repayDayPlaceholder") }))}
      {field("grace_months", t("fields.graceMonths"), text("grace_months", "calc-grace", { numeric: true, unit: t("calc.monthUnit") }))}

      {field("upfront_fee", t("fields.upfrontFee"), amountBox("upfront_fee", "calc-fee"))}
      {field(
        "day_count",
        t("fields.dayCount"),
        <EnumSelect
          id={inputId("day_count")}
          testId="calc-day-count"
          value={form.day_count}
          options={DAY_COUNTS}
          label={(v) => t(DAY_COUNT_KEY[v])}
          onChange={(v) => v !== "" && onChange({ day_count: v }, "day_count")}
        />,
      )}
      {field(
        "rounding",
        t("fields.rounding"),
        <EnumSelect
          id={inputId("rounding")}
          testId="calc-rounding"
          value={form.rounding}
          options={ROUNDINGS}
          label={(v) => t(ROUNDING_KEY[v])}
          onChange={(v) => v !== "" && onChange({ rounding: v }, "rounding")}
        />,
      )}
    </div>
  );
}
