// Turns anything a call can throw into what the officer reads: a message in the current
// language. Validation errors carry a rule key and parameters (never shown in the backend's
// English): the reason goes under the field, or "field: reason" in a banner.
import type { TFunction, TOptions } from "i18next";
import { ApiError } from "./api";
import { LINE_KEY } from "./documents";
import { errorKey, fieldLabelKey, ruleKey } from "./labels";
import { groupThousands } from "./money";

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  // Not an ErrorCode: the backend's `internal` means a caught panic, this is anything else.
  return new ApiError("unexpected", e instanceof Error ? e.message : String(e), null);
}

export interface ShownError {
  message: string;
  detail: string | null;
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Parameters as the officer reads them: field and statement-line names as labels, big bounds grouped. */
function localParams(t: TFunction, params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "other") {
      const label = fieldLabelKey(v);
      out[k] = label ? t(label) : v;
    } else if (k === "line" && hasOwn(LINE_KEY, v)) {
      out[k] = t(LINE_KEY[v as keyof typeof LINE_KEY]);
    } else if (k === "min" || k === "max") {
      out[k] = groupThousands(v);
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** One rule in the officer's language: "应在 1 至 600 之间。" */
export function ruleReason(t: TFunction, rule: string, params: Record<string, string>): string {
  const key = ruleKey(rule);
  const options: TOptions = localParams(t, params);
  return key ? t(key, options) : t("error.validation");
}

export function describeError(t: TFunction, e: ApiError): ShownError {
  if (e.code === "validation") {
    const label = e.field ? fieldLabelKey(e.field) : null;
    if (e.rule) {
      const reason = ruleReason(t, e.rule, e.params);
      return { message: label ? t("errors.fieldReason", { field: t(label), reason }) : reason, detail: null };
    }
    return { message: label ? t("errors.validationField", { field: t(label) }) : t("error.validation"), detail: null };
  }
  const key = errorKey(e.code);
  // The backend's English text is only worth showing when it says more than our message
  // (database/io causes, unknown codes); for wrong_password and friends it just repeats it.
  // For `damaged` the detail names the failing pages, which support needs.
  const withDetail =
    key === "errors.unknown" || e.code === "database" || e.code === "io" || e.code === "vault_too_new" || e.code === "damaged";
  // `try_later` carries {seconds}.
  const options: TOptions = { ...e.params };
  const message = Object.keys(options).length > 0 ? t(key, options) : t(key);
  return { message, detail: withDetail && e.message ? e.message : null };
}

/** The text under a form field: just the reason, as the field's label is right above it. */
export function fieldError(t: TFunction, e: ApiError): ShownError {
  if (e.code === "validation" && e.rule) return { message: ruleReason(t, e.rule, e.params), detail: null };
  return describeError(t, e);
}

/** Field-level errors of a form, keyed by the backend's field name ("credit_code", "contacts.0.email"). */
export type FieldErrors = Record<string, ShownError>;

export function fieldErrorsFrom(t: TFunction, e: ApiError): FieldErrors | null {
  if (e.code !== "validation" || !e.field) return null;
  return { [e.field]: fieldError(t, e) };
}
