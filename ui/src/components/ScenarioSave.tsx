// Saving the calculator's terms on the client: a label, "set as proposed loan", and either a
// new scenario or an update of the one loaded for editing ("as a new scenario" lets go of it).
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api";
import type { FieldErrors } from "../errors";
import ErrorBox from "./ErrorBox";
import Field, { inputId } from "./Field";

interface Props {
  label: string;
  placeholder: string;
  proposed: boolean;
  /** The label of the saved scenario being edited, if any. */
  editing: string | null;
  saving: boolean;
  saved: boolean;
  errors: FieldErrors;
  error: ApiError | null;
  onLabel: (label: string) => void;
  onProposed: (proposed: boolean) => void;
  onSave: () => void;
  onNew: () => void;
}

export default function ScenarioSave(p: Props) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    p.onSave();
  };
  return (
    <form className="scenario-save" onSubmit={submit} noValidate data-testid="scenario-save-form">
      {p.editing !== null && (
        <div className="editing-note" data-testid="scenario-editing">
          <span>{t("calc.editing", { label: p.editing })}</span>
          <button type="button" className="link-button" data-testid="scenario-new" onClick={p.onNew}>
            {t("calc.detach")}
          </button>
        </div>
      )}
      <Field field="label" label={t("fields.scenarioLabel")} errors={p.errors}>
        <input
          id={inputId("label")}
          data-testid="scenario-label"
          value={p.label}
          maxLength={100}
          placeholder={p.placeholder}
          aria-invalid={p.errors.label ? true : undefined}
          onChange={(e) => p.onLabel(e.target.value)}
        />
      </Field>
      <label className="check">
        <input type="checkbox" data-testid="scenario-proposed" checked={p.proposed} onChange={(e) => p.onProposed(e.target.checked)} />
        {t("calc.setProposed")}
      </label>
      <ErrorBox error={p.error} testId="scenario-error" />
      <div className="form-actions">
        {p.saved && (
          <span className="ok-text" role="status" data-testid="scenario-saved">
            {t("common.saved")}
          </span>
        )}
        <button type="submit" className="btn btn-primary" data-testid="scenario-save" disabled={p.saving} aria-busy={p.saving}>
          {p.saving ? t("common.saving") : p.editing !== null ? t("calc.saveChanges") : t("calc.saveScenario")}
        </button>
      </div>
    </form>
  );
}
