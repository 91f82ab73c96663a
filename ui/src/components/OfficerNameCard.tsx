// The officer's name as it will be printed on proposals (Settings). Stored in the vault.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import { fieldError, type FieldErrors } from "../errors";
import { useErrorHandler } from "../session";
import ErrorBox from "./ErrorBox";
import Field, { inputId } from "./Field";

export default function OfficerNameCard() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [name, setName] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  useEffect(() => {
    let live = true;
    api.officerName().then(
      (n) => live && setName(n),
      (e: unknown) => {
        if (!live) return;
        setName("");
        setError(handleError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [handleError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name === null || saving) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    setFieldErrors({});
    try {
      await api.setOfficerName(name.trim());
      setName(name.trim());
      setSaved(true);
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "validation") setFieldErrors({ officer_name: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card">
      <h2 className="section-title">{t("settings.officer")}</h2>
      <form onSubmit={submit} noValidate>
        <Field field="officer_name" label={t("fields.officerName")} errors={fieldErrors} hint={t("settings.officerHelp")}>
          <div className="inline">
            <input
              id={inputId("officer_name")}
              className="input-medium"
              data-testid="officer-name"
              value={name ?? ""}
              disabled={name === null}
              maxLength={60}
              autoComplete="name"
              aria-invalid={fieldErrors.officer_name ? true : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setSaved(false);
              }}
            />
            <button type="submit" className="btn btn-primary" data-testid="save-officer-name" disabled={saving || name === null} aria-busy={saving}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
            {saved && (
              <span className="ok-text" role="status" data-testid="officer-name-saved">
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
