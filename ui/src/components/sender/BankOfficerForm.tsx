// The four facts an export names its sender by: bank, branch, officer and phone. One form, used
// by the Settings card and by the dialog the first export opens when they are missing.
import { type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { BankProfile } from "../../bindings";
import type { FieldErrors } from "../../errors";
import Field, { inputId } from "../Field";

type Key = keyof BankProfile;

const FIELDS = [
  { key: "bank_name", label: "clientPage.bankName", max: 60, auto: "organization", size: "input-medium" },
  { key: "branch", label: "clientPage.branch", max: 60, auto: "off", size: "input-medium" },
  { key: "officer_name", label: "fields.officerName", max: 60, auto: "name", size: "input-medium" },
  { key: "officer_phone", label: "clientPage.officerPhone", max: 30, auto: "tel", size: "input-medium" },
] as const satisfies readonly { key: Key; label: string; max: number; auto: string; size: string }[];

interface Props {
  value: BankProfile;
  onChange: (next: BankProfile) => void;
  errors: FieldErrors;
  disabled?: boolean;
  onSubmit: () => void;
  /** The buttons (and status) under the fields. */
  children: ReactNode;
  /** Prefix of the inputs' ids, so the card and the dialog never share one. */
  idPrefix: string;
}

export default function BankOfficerForm({ value, onChange, errors, disabled, onSubmit, children, idPrefix }: Props) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className="sender-form" data-testid={`${idPrefix}-form`}>
      <div className="sender-grid">
        {FIELDS.map((f) => {
          // Field ties its label to inputId(field): the prefix keeps the two forms' ids apart.
          const id = `${idPrefix}.${f.key}`;
          const own = errors[f.key];
          const errs: FieldErrors = own ? { [id]: own } : {};
          return (
            <Field key={f.key} field={id} label={t(f.label)} errors={errs} required={f.key !== "officer_phone"}>
              <input
                id={inputId(id)}
                className={f.size}
                data-testid={`sender-${f.key}`}
                value={value[f.key]}
                disabled={disabled}
                maxLength={f.max}
                autoComplete={f.auto}
                aria-invalid={errors[f.key] ? true : undefined}
                onChange={(e) => onChange({ ...value, [f.key]: e.target.value })}
              />
            </Field>
          );
        })}
      </div>
      {children}
    </form>
  );
}

export const EMPTY_PROFILE: BankProfile = { bank_name: "", branch: "", officer_name: "", officer_phone: "" };

/** What the first export asks for: the bank, the branch and the officer's name. */
export function profileComplete(p: BankProfile): boolean {
  return p.bank_name.trim() !== "" && p.branch.trim() !== "" && p.officer_name.trim() !== "";
}
