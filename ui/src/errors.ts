// Turns anything a call can throw into what the officer reads: a message in the current
// language, plus the backend's own text as detail where it adds something.
import type { TFunction } from "i18next";
import { ApiError } from "./api";
import { errorKey, fieldLabelKey } from "./labels";

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError("internal", e instanceof Error ? e.message : String(e), null);
}

export interface ShownError {
  message: string;
  detail: string | null;
}

export function describeError(t: TFunction, e: ApiError): ShownError {
  if (e.code === "validation") {
    const label = e.field ? fieldLabelKey(e.field) : null;
    // The backend's text reads "credit_code: check character ..."; the field is already named.
    const prefix = e.field ? `${e.field}: ` : "";
    const detail = prefix && e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
    return {
      message: label ? t("errors.validationField", { field: t(label) }) : t("errors.validation"),
      detail: detail || null,
    };
  }
  const key = errorKey(e.code);
  // The backend's English text is only worth showing when it says more than our message
  // (database/io causes, unknown codes); for wrong_password and friends it just repeats it.
  const withDetail = key === "errors.unknown" || e.code === "database" || e.code === "io" || e.code === "vault_too_new";
  return { message: t(key), detail: withDetail && e.message ? e.message : null };
}

/** Field-level errors of a form, keyed by the backend's field name ("credit_code", "contacts.0.email"). */
export type FieldErrors = Record<string, ShownError>;

export function fieldErrorsFrom(t: TFunction, e: ApiError): FieldErrors | null {
  if (e.code !== "validation" || !e.field) return null;
  return { [e.field]: describeError(t, e) };
}
