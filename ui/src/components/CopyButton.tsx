// Copies a client's sensitive field (credit code, a contact's phone). Rust reads the value from
// the vault and puts it on the clipboard, then clears it after 30 s if it is still there.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { SensitiveField } from "../bindings";
import { describeError } from "../errors";
import { useErrorHandler } from "../session";

interface Props {
  clientId: number;
  field: SensitiveField;
  /** What is copied, for the button's accessible name ("Copy phone"). */
  what: string;
  testId: string;
}

export default function CopyButton({ clientId, field, what, testId }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [state, setState] = useState<"idle" | "copied" | string>("idle");

  const copy = async () => {
    try {
      await api.copySensitive(clientId, field);
      setState("copied");
    } catch (e) {
      const err = handleError(e);
      setState(err ? describeError(t, err).message : "idle");
    }
  };

  return (
    <span className="copy-field">
      <button
        type="button"
        className="btn btn-ghost btn-small"
        data-testid={testId}
        aria-label={t("detail.copyLabel", { what })}
        title={t("detail.copyLabel", { what })}
        onClick={() => void copy()}
      >
        {t("detail.copy")}
      </button>
      {state === "copied" && (
        <span className="muted small" role="status" data-testid={`${testId}-done`}>
          {t("detail.copied")}
        </span>
      )}
      {state !== "idle" && state !== "copied" && (
        <span className="error-text small" role="alert">
          {state}
        </span>
      )}
    </span>
  );
}
