// 新增押品: an item pledged for the loan with its first valuation, the cap (抵押率/质押率, the
// Settings default for its kind unless the contract says otherwise), prior liens, the
// registration (抵押登记) and insurance. Every rule is the core's, shown under its field.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { CollateralKind, LoanView, SecuritySettings } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { todayISO } from "../../format";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import EnumSelect from "../EnumSelect";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import Modal from "../Modal";
import { amountProblem } from "../../money";
import AmountInput from "../AmountInput";
import { COLLATERAL_KINDS, defaultCap, optionalAmount, optionalDate, optionalDecimal } from "./securityModel";
import DateInput from "../DateInput";

interface Props {
  loan: LoanView;
  onDone: (loan: LoanView) => void;
  onCancel: () => void;
}

/** The core's field names → the dialog's (prefixed: the loan page has its own "value", "source"...). */
const CORE_FIELDS = [
  "kind",
  "owner",
  "description",
  "value",
  "valued_on",
  "source",
  "cap_percent",
  "prior_lien",
  "registration_no",
  "registered_until",
  "insured_until",
] as const;
type CoreField = (typeof CORE_FIELDS)[number];
const local = (f: CoreField) => `collateral_${f}`;

export default function CollateralDialog({ loan, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const today = todayISO();
  const [kind, setKind] = useState<CollateralKind>("property");
  const [owner, setOwner] = useState("");
  const [description, setDescription] = useState("");
  const [value, setValue] = useState("");
  const [valuedOn, setValuedOn] = useState(today);
  const [source, setSource] = useState("");
  const [cap, setCap] = useState("");
  const [priorLien, setPriorLien] = useState("");
  const [registrationNo, setRegistrationNo] = useState("");
  const [registeredUntil, setRegisteredUntil] = useState("");
  const [insuredUntil, setInsuredUntil] = useState("");
  const [settings, setSettings] = useState<SecuritySettings | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  /** What the officer corrects stops being flagged. */
  const clearError = (field: string) =>
    setErrors((e) => {
      if (!e[field]) return e;
      return Object.fromEntries(Object.entries(e).filter(([k]) => k !== field));
    });

  useEffect(() => {
    let live = true;
    api.securitySettingsGet().then(
      (s) => live && setSettings(s),
      // Only the placeholder needs them: the core applies the default either way.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const kindCap = defaultCap(settings, kind);

  const submit = async () => {
    setError(null);
    const out: FieldErrors = {};
    const say = (f: CoreField, message: string) => (out[local(f)] ??= { message, detail: null });
    const cleanValue = optionalAmount(value);
    if (cleanValue === null) say("value", t("rule.required"));
    if (cleanValue === undefined) say("value", amountProblem(t, value) ?? t("rule.not_a_number"));
    if (!isIsoDate(valuedOn)) say("valued_on", t("loans.dateInvalid"));
    const cleanCap = optionalDecimal(cap);
    if (cleanCap === undefined) say("cap_percent", t("rule.not_a_number"));
    const cleanLien = optionalAmount(priorLien);
    if (cleanLien === undefined) say("prior_lien", amountProblem(t, priorLien) ?? t("rule.not_a_number"));
    const regUntil = optionalDate(registeredUntil);
    if (regUntil === undefined) say("registered_until", t("loans.dateInvalid"));
    const insUntil = optionalDate(insuredUntil);
    if (insUntil === undefined) say("insured_until", t("loans.dateInvalid"));
    setErrors(out);
    if (Object.keys(out).length > 0 || !cleanValue || cleanCap === undefined || cleanLien === undefined || regUntil === undefined || insUntil === undefined)
      return;
    setBusy(true);
    try {
      onDone(
        await api.collateralAdd(loan.id, {
          kind,
          owner: owner.trim(),
          description: description.trim(),
          value: cleanValue,
          valued_on: valuedOn,
          source: source.trim(),
          cap_percent: cleanCap,
          prior_lien: cleanLien ?? "0",
          registration_no: registrationNo.trim(),
          registered_until: regUntil,
          insured_until: insUntil,
        }),
      );
    } catch (err) {
      const apiErr = handleError(err);
      const field = apiErr?.code === "validation" && apiErr.field && (CORE_FIELDS as readonly string[]).includes(apiErr.field) ? local(apiErr.field as CoreField) : null;
      if (apiErr && field) setErrors({ [field]: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  const text = (f: CoreField, v: string, set: (s: string) => void, testId: string, max: number, extra?: { placeholder?: string; inputMode?: "decimal" }) => (
    <input
      id={inputId(local(f))}
      type="text"
      maxLength={max}
      data-testid={testId}
      aria-invalid={errors[local(f)] ? true : undefined}
      value={v}
      onChange={(e) => {
        set(e.target.value);
        clearError(local(f));
      }}
      {...extra}
    />
  );
  const amount = (f: CoreField, v: string, set: (s: string) => void, testId: string, placeholder?: string) => (
    <AmountInput
      id={inputId(local(f))}
      testId={testId}
      currency={loan.currency}
      placeholder={placeholder}
      invalid={errors[local(f)] !== undefined}
      value={v}
      onChange={(text) => {
        set(text);
        clearError(local(f));
      }}
    />
  );
  const date = (f: CoreField, v: string, set: (s: string) => void, testId: string, max?: string) => (
    <DateInput
      id={inputId(local(f))}
      max={max}
      data-testid={testId}
      aria-invalid={errors[local(f)] ? true : undefined}
      value={v}
      onChange={(value) => {
        set(value);
        clearError(local(f));
      }}
    />
  );

  return (
    <Modal labelledBy="collateral-title" testId="collateral-dialog" className="modal-wide security-modal" onClose={onCancel}>
      <h2 id="collateral-title">{t("security.addCollateralTitle")}</h2>
      <p className="muted small">{t("security.addCollateralHint", { contract: loan.contract_no })}</p>
      <div className="security-form-grid">
        <Field field={local("kind")} label={t("security.field.kind")} errors={errors} required>
          <EnumSelect
            id={inputId(local("kind"))}
            testId="collateral-kind"
            value={kind}
            options={COLLATERAL_KINDS}
            label={(k) => t(`collateralKind.${k}`)}
            onChange={(k) => k && setKind(k)}
          />
        </Field>
        <Field field={local("description")} label={t("security.field.description")} errors={errors} className="span-2">
          {text("description", description, setDescription, "collateral-description", 200, { placeholder: t("security.field.descriptionPlaceholder") })}
        </Field>
        <Field field={local("value")} label={t("security.field.value", { currency: loan.currency })} errors={errors} required>
          {amount("value", value, setValue, "collateral-value")}
        </Field>
        <Field field={local("valued_on")} label={t("security.field.valuedOn")} errors={errors} required>
          {date("valued_on", valuedOn, setValuedOn, "collateral-valued-on", today)}
        </Field>
        <Field field={local("source")} label={t("security.field.source")} errors={errors}>
          {text("source", source, setSource, "collateral-source", 100, { placeholder: t("security.field.sourcePlaceholder") })}
        </Field>
        <Field field={local("cap_percent")} label={t("security.field.cap")} errors={errors} hint={t("security.field.capHint")}>
          <span className="input-unit">
            {text("cap_percent", cap, setCap, "collateral-cap", 6, {
              inputMode: "decimal",
              placeholder: kindCap === null ? t("security.field.capPlaceholderPlain") : t("security.field.capPlaceholder", { percent: kindCap }),
            })}
            <span className="unit">%</span>
          </span>
        </Field>
        <Field field={local("prior_lien")} label={t("security.field.priorLien", { currency: loan.currency })} errors={errors} hint={t("security.field.priorLienHint")}>
          {amount("prior_lien", priorLien, setPriorLien, "collateral-prior-lien", "0")}
        </Field>
        <Field field={local("owner")} label={t("security.field.owner")} errors={errors} hint={t("security.field.ownerHint")}>
          {text("owner", owner, setOwner, "collateral-owner", 100)}
        </Field>
        <Field field={local("registration_no")} label={t("security.field.registrationNo")} errors={errors}>
          {text("registration_no", registrationNo, setRegistrationNo, "collateral-registration-no", 60)}
        </Field>
        <Field field={local("registered_until")} label={t("security.field.registeredUntil")} errors={errors}>
          {date("registered_until", registeredUntil, setRegisteredUntil, "collateral-registered-until")}
        </Field>
        <Field field={local("insured_until")} label={t("security.field.insuredUntil")} errors={errors}>
          {date("insured_until", insuredUntil, setInsuredUntil, "collateral-insured-until")}
        </Field>
      </div>
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="collateral-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="collateral-save" disabled={busy} aria-busy={busy} onClick={() => void submit()}>
          {busy ? t("common.saving") : t("security.addCollateral")}
        </button>
      </div>
    </Modal>
  );
}
