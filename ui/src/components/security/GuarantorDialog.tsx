// 新增保证人: a person or a company guaranteeing the loan, joint (连带责任保证) or general (一般保证,
// what a contract that does not say means: 《民法典》第六百八十六条), up to a limit or for the whole
// debt. A company's 统一社会信用代码 is checked by the core and refused under its field.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { GuaranteeKind, GuarantorParty, LoanView } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { useErrorHandler } from "../../session";
import EnumSelect from "../EnumSelect";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import Modal from "../Modal";
import { amountProblem } from "../../money";
import AmountInput from "../AmountInput";
import { DEFAULT_GUARANTEE_KIND, GUARANTEE_KINDS, GUARANTOR_PARTIES, optionalAmount, optionalDate } from "./securityModel";
import DateInput from "../DateInput";

interface Props {
  loan: LoanView;
  onDone: (loan: LoanView) => void;
  onCancel: () => void;
}

const CORE_FIELDS = ["party", "name", "credit_code", "kind", "limit", "from", "to", "relation"] as const;
type CoreField = (typeof CORE_FIELDS)[number];
const local = (f: CoreField) => `guarantor_${f}`;

export default function GuarantorDialog({ loan, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [party, setParty] = useState<GuarantorParty>("person");
  const [name, setName] = useState("");
  const [creditCode, setCreditCode] = useState("");
  const [kind, setKind] = useState<GuaranteeKind>(DEFAULT_GUARANTEE_KIND);
  const [limit, setLimit] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [relation, setRelation] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  /** What the officer corrects stops being flagged. */
  const clearError = (field: string) =>
    setErrors((e) => {
      if (!e[field]) return e;
      return Object.fromEntries(Object.entries(e).filter(([k]) => k !== field));
    });

  const submit = async () => {
    setError(null);
    const out: FieldErrors = {};
    const say = (f: CoreField, message: string) => (out[local(f)] ??= { message, detail: null });
    if (name.trim() === "") say("name", t("rule.required"));
    const cleanLimit = optionalAmount(limit);
    if (cleanLimit === undefined) say("limit", amountProblem(t, limit) ?? t("rule.not_a_number"));
    const fromDate = optionalDate(from);
    if (fromDate === undefined) say("from", t("loans.dateInvalid"));
    const toDate = optionalDate(to);
    if (toDate === undefined) say("to", t("loans.dateInvalid"));
    setErrors(out);
    if (Object.keys(out).length > 0 || cleanLimit === undefined || fromDate === undefined || toDate === undefined) return;
    setBusy(true);
    try {
      onDone(
        await api.guarantorAdd(loan.id, {
          party,
          name: name.trim(),
          credit_code: party === "company" && creditCode.trim() !== "" ? creditCode.trim() : null,
          kind,
          limit: cleanLimit,
          from: fromDate,
          to: toDate,
          relation: relation.trim(),
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

  const invalid = (f: CoreField) => (errors[local(f)] ? true : undefined);
  return (
    <Modal labelledBy="guarantor-title" testId="guarantor-dialog" className="modal-wide security-modal" onClose={onCancel}>
      <h2 id="guarantor-title">{t("security.addGuarantorTitle")}</h2>
      <p className="muted small">{t("security.addGuarantorHint", { contract: loan.contract_no })}</p>
      <div className="security-form-grid">
        <Field field={local("party")} label={t("security.field.party")} errors={errors} required>
          <EnumSelect
            id={inputId(local("party"))}
            testId="guarantor-party"
            value={party}
            options={GUARANTOR_PARTIES}
            label={(p) => t(`guarantorParty.${p}`)}
            onChange={(p) => p && setParty(p)}
          />
        </Field>
        <Field field={local("name")} label={party === "company" ? t("security.field.companyName") : t("security.field.personName")} errors={errors} required>
          <input
            id={inputId(local("name"))}
            type="text"
            maxLength={100}
            data-testid="guarantor-name"
            aria-invalid={invalid("name")}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              clearError(local("name"));
            }}
          />
        </Field>
        {party === "company" ? (
          <Field field={local("credit_code")} label={t("security.field.creditCode")} errors={errors} hint={t("security.field.creditCodeHint")}>
            <input
              id={inputId(local("credit_code"))}
              type="text"
              maxLength={18}
              className="mono"
              data-testid="guarantor-code"
              aria-invalid={invalid("credit_code")}
              value={creditCode}
              onChange={(e) => {
              setCreditCode(e.target.value);
              clearError(local("credit_code"));
            }}
            />
          </Field>
        ) : (
          <div />
        )}
        <Field field={local("kind")} label={t("security.field.guaranteeKind")} errors={errors} hint={t("security.field.guaranteeKindHint")} className="span-2">
          <EnumSelect
            id={inputId(local("kind"))}
            testId="guarantor-kind"
            value={kind}
            options={GUARANTEE_KINDS}
            label={(k) => t(`guaranteeKind.${k}`)}
            onChange={(k) => k && setKind(k)}
          />
        </Field>
        <Field field={local("limit")} label={t("security.field.limit", { currency: loan.currency })} errors={errors} hint={t("security.field.limitHint")}>
          <AmountInput
            currency={loan.currency}
            id={inputId(local("limit"))}
            testId="guarantor-limit-input"
            placeholder={t("security.wholeDebt")}
            invalid={invalid("limit")}
            value={limit}
            onChange={(v: string) => {
              setLimit(v);
              clearError(local("limit"));
            }}
          />
        </Field>
        <Field field={local("from")} label={t("security.field.from")} errors={errors}>
          <DateInput id={inputId(local("from"))} data-testid="guarantor-from" aria-invalid={invalid("from")} value={from} onChange={(value) => setFrom(value)} />
        </Field>
        <Field field={local("to")} label={t("security.field.to")} errors={errors}>
          <DateInput id={inputId(local("to"))} data-testid="guarantor-to" aria-invalid={invalid("to")} value={to} onChange={(value) => setTo(value)} />
        </Field>
        <Field field={local("relation")} label={t("security.field.relation")} errors={errors} className="span-2">
          <input
            id={inputId(local("relation"))}
            type="text"
            maxLength={100}
            data-testid="guarantor-relation"
            placeholder={t("security.field.relationPlaceholder")}
            aria-invalid={invalid("relation")}
            value={relation}
            onChange={(e) => setRelation(e.target.value)}
          />
        </Field>
      </div>
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="guarantor-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="guarantor-save" disabled={busy} aria-busy={busy} onClick={() => void submit()}>
          {busy ? t("common.saving") : t("security.addGuarantor")}
        </button>
      </div>
    </Modal>
  );
}
