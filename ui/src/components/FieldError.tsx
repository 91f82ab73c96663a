import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../errors";

/** The error under one form field; `field` is the backend's name for it ("credit_code"). */
export default function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const { t } = useTranslation();
  const e = errors[field];
  if (!e) return null;
  return (
    <div className="field-error" role="alert" id={`err-${field}`} data-testid={`field-error-${field}`}>
      {e.message}
      {e.detail && <span className="field-error-detail"> {t("errors.detail", { message: e.detail })}</span>}
    </div>
  );
}
