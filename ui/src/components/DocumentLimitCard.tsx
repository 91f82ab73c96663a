// Settings: the largest file a document import accepts, in MB (the vault stores bytes).
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { FieldErrors } from "../errors";
import { useErrorHandler } from "../session";
import ErrorBox from "./ErrorBox";
import Field, { inputId } from "./Field";
import { wholeIn } from "../wholeNumber";

const MB = 1024 * 1024;
export const DOC_LIMIT_MIN_MB = 1;
export const DOC_LIMIT_MAX_MB = 500;


export default function DocumentLimitCard() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [text, setText] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    api.documentSizeLimitGet().then(
      (bytes) => live && setText(String(Math.round(bytes / MB))),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (text === null || saving) return;
    setSaved(false);
    setError(null);
    const mb = wholeIn(text, DOC_LIMIT_MIN_MB, DOC_LIMIT_MAX_MB);
    setInvalid(mb === null);
    if (mb === null) return;
    setSaving(true);
    try {
      await api.documentSizeLimitSet(mb * MB);
      setSaved(true);
    } catch (err) {
      setError(handleError(err));
    } finally {
      setSaving(false);
    }
  };

  const errors: FieldErrors = invalid ? { document_max_mb: { message: t("settings.docLimitRange"), detail: null } } : {};
  return (
    <section className="card" data-testid="document-limit">
      <h2 className="section-title">{t("settings.docLimit")}</h2>
      <form onSubmit={submit} noValidate>
        <Field field="document_max_mb" label={t("settings.docLimitLabel")} errors={errors} hint={t("settings.docLimitHelp")}>
          <div className="inline">
            <input
              id={inputId("document_max_mb")}
              className="input-narrow"
              inputMode="numeric"
              data-testid="document-limit-mb"
              value={text ?? ""}
              disabled={text === null}
              aria-invalid={invalid ? true : undefined}
              onChange={(e) => {
                setText(e.target.value);
                setSaved(false);
              }}
            />
            <span className="muted">MB</span>
            <button type="submit" className="btn btn-primary" data-testid="save-document-limit" disabled={saving || text === null} aria-busy={saving}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
            {saved && (
              <span className="ok-text" role="status" data-testid="document-limit-saved">
                {t("common.saved")}
              </span>
            )}
          </div>
        </Field>
      </form>
      <ErrorBox error={error} />
    </section>
  );
}
