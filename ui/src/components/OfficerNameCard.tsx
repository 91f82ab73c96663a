// The officer's name as it will be printed on proposals (Settings). Stored in the vault.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { useSave } from "../useSave";
import ErrorBox from "./ErrorBox";
import Field, { inputId } from "./Field";

export default function OfficerNameCard() {
  const { t } = useTranslation();
  const { saving, saved, setSaved, error, setError, fieldErrors, save, handleError } = useSave();
  const [name, setName] = useState<string | null>(null);

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
  }, [handleError, setError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name === null || saving) return;
    await save(async () => {
      await api.setOfficerName(name.trim());
      setName(name.trim());
    }, "officer_name");
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
