// A new password typed twice, as creating a vault, changing its password and a separate backup
// password all ask for it: the length rule as it is typed, the mismatch once the second is typed
// (or on submit), and the backend's strength score where a vault password is set.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../errors";
import { MIN_PASSWORD_CHARS, passwordLength, usePasswordStrength } from "../password";
import Field, { inputId } from "./Field";
import StrengthMeter from "./StrengthMeter";

/** The two inputs' state, held by the form that sends the password. */
export interface PasswordPair {
  password: string;
  confirm: string;
  setPassword: (value: string) => void;
  setConfirm: (value: string) => void;
  /** Long enough, and typed the same twice: it can be sent. */
  ok: boolean;
  clear: () => void;
}

export function usePasswordPair(): PasswordPair {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  return {
    password,
    confirm,
    setPassword,
    setConfirm,
    ok: passwordLength(password) >= MIN_PASSWORD_CHARS && confirm === password,
    clear: () => {
      setPassword("");
      setConfirm("");
    },
  };
}

/** Field names (input ids, backend errors), labels and test ids of each place that asks. */
const KINDS = {
  create: {
    fields: ["password", "password_confirm"],
    labels: ["unlock.password", "unlock.passwordConfirm"],
    testIds: ["create-password", "create-confirm", "password-too-short", "password-mismatch"],
    strength: true,
  },
  change: {
    fields: ["password", "new_password_confirm"],
    labels: ["settings.newPassword", "settings.newPasswordConfirm"],
    testIds: ["new-password", "new-password-confirm", "password-too-short", "password-mismatch"],
    strength: true,
  },
  backup: {
    fields: ["backup_password", "backup_password_confirm"],
    labels: ["settings.backupPassword", "settings.backupPasswordConfirm"],
    testIds: ["backup-password", "backup-password-confirm", "backup-password-too-short", "backup-password-mismatch"],
    strength: false,
  },
} as const;

interface Props {
  kind: keyof typeof KINDS;
  pair: PasswordPair;
  /** The form was submitted once: problems show as errors, not hints. */
  submitted: boolean;
  /** The backend's errors for the password field (e.g. a rule it refused). */
  errors?: FieldErrors;
  autoFocus?: boolean;
}

export default function NewPasswordFields({ kind, pair, submitted, errors, autoFocus }: Props) {
  const { t } = useTranslation();
  const k = KINDS[kind];
  const [field, confirmField] = k.fields;
  const [passwordId, confirmId, tooShortId, mismatchId] = k.testIds;
  const score = usePasswordStrength(k.strength ? pair.password : "");
  const tooShort = passwordLength(pair.password) < MIN_PASSWORD_CHARS;
  const mismatch = pair.confirm !== pair.password && (pair.confirm !== "" || submitted);
  return (
    <>
      <Field field={field} label={t(k.labels[0])} errors={errors ?? {}}>
        <input
          id={inputId(field)}
          type="password"
          autoComplete="new-password"
          autoFocus={autoFocus}
          data-testid={passwordId}
          value={pair.password}
          aria-invalid={submitted && tooShort ? true : undefined}
          onChange={(e) => pair.setPassword(e.target.value)}
        />
        {k.strength && <StrengthMeter score={score} />}
        {(submitted || pair.password !== "") && tooShort && (
          <div className={submitted ? "field-error" : "field-hint"} data-testid={tooShortId}>
            {t("unlock.tooShort")}
          </div>
        )}
      </Field>
      <Field field={confirmField} label={t(k.labels[1])} errors={{}}>
        <input
          id={inputId(confirmField)}
          type="password"
          autoComplete="new-password"
          data-testid={confirmId}
          value={pair.confirm}
          aria-invalid={mismatch ? true : undefined}
          onChange={(e) => pair.setConfirm(e.target.value)}
        />
        {mismatch && (
          <div className="field-error" data-testid={mismatchId}>
            {t("unlock.mismatch")}
          </div>
        )}
      </Field>
    </>
  );
}
