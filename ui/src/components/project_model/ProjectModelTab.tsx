// The Project model tab of a project-finance client (issue 17): the inputs edited here or
// imported from the XLSX template (Rust reads the file), the model computed by the core as the
// officer types (nothing stored), and Save to keep it with the client in the vault, where the
// proposal PDF's 'Financial model' section reads it. Loaded lazily: ECharts is its own chunk.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Language, ModelInput, ProjectModel } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { isLanguage } from "../../i18n";
import { useErrorHandler } from "../../session";
import { useDebounced } from "../../useDebounced";
import ConfirmDialog from "../ConfirmDialog";
import ModelChart from "./ModelChart";
import ModelInputs from "./ModelInputs";
import ModelResults, { Warnings } from "./ModelResults";
import { ConstructionTable, ScheduleTable, SensitivityTable } from "./ModelTables";
import SeriesTable from "./SeriesTable";
import { blankForm, formFrom, sameInput, toInput, type ModelForm } from "./modelForm";
import { localFieldErrors, modelErrorMessage } from "./modelText";
import "./project_model.css";

/** The core's refusal of the input it was asked about. */
interface Refusal {
  input: ModelInput;
  error: ApiError;
}

/** The last model computed, and from what. */
interface Good {
  input: ModelInput;
  model: ProjectModel;
}

type Busy = "save" | "import" | "template" | "delete" | null;
type Notice = { kind: "imported" } | { kind: "template"; path: string } | { kind: "deleted" } | null;

export default function ProjectModelTab({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const lang: Language = isLanguage(i18n.language) ? i18n.language : "zh-CN";
  const handleError = useErrorHandler();
  // undefined: loading; null: nothing saved for the client.
  const [saved, setSaved] = useState<ModelInput | null | undefined>(undefined);
  const [form, setForm] = useState<ModelForm | null>(null);
  const [good, setGood] = useState<Good | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [showRequired, setShowRequired] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    let live = true;
    // The saved model's warnings are shown from the catalogue: the language asked is the one
    // shown now, and a later switch re-labels without reloading the form.
    const now: Language = isLanguage(i18n.language) ? i18n.language : "zh-CN";
    api.projectModelGet(clientId, now).then(
      (found) => {
        if (!live) return;
        setSaved(found ? found[0] : null);
        setForm(found ? formFrom(found[0]) : blankForm());
        if (found) setGood({ input: found[0], model: found[1] });
      },
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [clientId, handleError, i18n]);

  const parsed = useMemo(() => (form ? toInput(form) : null), [form]);
  const input = parsed && "value" in parsed ? parsed.value : null;
  const debounced = useDebounced(input, 250);

  // The live model: computed by the core from the form as typed.
  useEffect(() => {
    if (!debounced) return;
    const mine = ++seq.current;
    api.projectModelPreview(debounced, lang).then(
      (model) => {
        if (mine !== seq.current) return;
        setGood({ input: debounced, model });
        setRefusal(null);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        const err = handleError(e);
        if (err) setRefusal({ input: debounced, error: err });
      },
    );
  }, [debounced, lang, handleError]);

  const edit = useCallback((next: ModelForm) => {
    setForm(next);
    setNotice((n) => (n?.kind === "template" ? n : null));
  }, []);

  if (saved === undefined || !form) {
    return (
      <section className="pm" data-testid="project-model">
        {error ? (
          <div className="alert alert-error" role="alert" data-testid="pm-error">
            {modelErrorMessage(t, error)}
          </div>
        ) : (
          <p className="muted">{t("projectModel.loading")}</p>
        )}
      </section>
    );
  }

  const localErrors = parsed && "errors" in parsed ? localFieldErrors(t, parsed.errors, showRequired) : {};
  // A refusal counts while the input is still the one refused.
  const serverError = refusal && input && sameInput(refusal.input, input) ? refusal.error : null;
  const serverErrors: FieldErrors = serverError?.code === "validation" && serverError.field ? { [serverError.field]: fieldError(t, serverError) } : {};
  const errors: FieldErrors = { ...serverErrors, ...localErrors };
  // The last model computed stays in view (dimmed) while the input is being typed or fixed.
  const shown = good?.model ?? null;
  const stale = good !== null && (input === null || !sameInput(good.input, input));
  const dirty = saved === null || input === null || !sameInput(input, saved);
  const onlyRequired = parsed !== null && "errors" in parsed && Object.values(parsed.errors).every((r) => r === "required");

  const save = async () => {
    if (busy) return;
    if (!input) {
      setShowRequired(true);
      return;
    }
    setBusy("save");
    setError(null);
    try {
      const model = await api.projectModelSave(clientId, input, lang);
      setSaved(input);
      setGood({ input, model });
      setRefusal(null);
      setNotice(null);
    } catch (e) {
      const err = handleError(e);
      if (err?.code === "validation") setRefusal({ input, error: err });
      else setError(err);
    } finally {
      setBusy(null);
    }
  };

  const importXlsx = async () => {
    if (busy) return;
    setBusy("import");
    setError(null);
    try {
      const imported = await api.projectModelImportPick();
      if (imported) {
        setForm(formFrom(imported));
        setShowRequired(true);
        setNotice({ kind: "imported" });
      }
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(null);
    }
  };

  const saveTemplate = async () => {
    if (busy) return;
    setBusy("template");
    setError(null);
    try {
      const path = await api.projectModelTemplateSave();
      if (path) setNotice({ kind: "template", path });
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy("delete");
    setError(null);
    try {
      await api.projectModelDelete(clientId);
      setSaved(null);
      setNotice({ kind: "deleted" });
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(null);
      setConfirmDelete(false);
    }
  };

  return (
    <section className="pm" data-testid="project-model" data-dirty={dirty}>
      <div className="card pm-head">
        <div className="pm-head-row">
          <div>
            <h2 className="section-title">{t("projectModel.title")}</h2>
            <p className="muted small">{t("projectModel.units")}</p>
          </div>
          <div className="inline pm-actions">
            <button type="button" className="btn btn-secondary" data-testid="pm-import" disabled={busy !== null} aria-busy={busy === "import"} onClick={() => void importXlsx()}>
              {t("projectModel.importXlsx")}
            </button>
            <button type="button" className="btn btn-secondary" data-testid="pm-template" disabled={busy !== null} aria-busy={busy === "template"} onClick={() => void saveTemplate()}>
              {t("projectModel.template")}
            </button>
            {saved !== null && (
              <button type="button" className="btn btn-secondary" data-testid="pm-delete" disabled={busy !== null} onClick={() => setConfirmDelete(true)}>
                {t("projectModel.delete")}
              </button>
            )}
            <button type="button" className="btn btn-primary" data-testid="pm-save" disabled={busy !== null || !dirty} aria-busy={busy === "save"} onClick={() => void save()}>
              {busy === "save" ? t("common.saving") : t("projectModel.save")}
            </button>
            <span className={dirty ? "muted small" : "ok-text small"} role="status" data-testid="pm-save-state" data-state={dirty ? (saved === null ? "never" : "unsaved") : "saved"}>
              {dirty ? (saved === null ? t("projectModel.neverSaved") : t("projectModel.unsaved")) : t("projectModel.saved")}
            </span>
          </div>
        </div>
        {notice && (
          <div className="alert alert-ok" role="status" data-testid="pm-notice" data-kind={notice.kind}>
            {notice.kind === "imported"
              ? t("projectModel.imported")
              : notice.kind === "deleted"
                ? t("projectModel.deleted")
                : t("projectModel.templateSaved", { path: notice.path })}
          </div>
        )}
        {error && (
          <div className="alert alert-error" role="alert" data-testid="pm-error" data-error-code={error.code}>
            {modelErrorMessage(t, error)}
          </div>
        )}
      </div>

      <div className="pm-layout">
        <div className="pm-col">
          <ModelInputs form={form} onChange={edit} errors={errors} />
          <SeriesTable form={form} onChange={edit} errors={errors} />
        </div>

        <div className="pm-col pm-results" aria-live="polite" aria-busy={stale || undefined}>
          <section className={stale ? "card pm-stale" : "card"} data-testid="pm-results" data-stale={stale}>
            <h2 className="section-title">{t("projectModel.results")}</h2>
            {serverError && (
              <div className="alert alert-error" role="alert" data-testid="pm-refused">
                {t("projectModel.refused", { reason: modelErrorMessage(t, serverError) })}
              </div>
            )}
            {input === null && shown !== null && !onlyRequired && <p className="field-error">{t("projectModel.fixInputs")}</p>}
            {shown ? (
              <>
                <Warnings model={shown} />
                <ModelResults model={shown} />
              </>
            ) : (
              <p className="muted small" data-testid="pm-no-result">
                {t("projectModel.noResult")}
              </p>
            )}
          </section>
          {shown && (
            <>
              <section className={stale ? "card pm-stale" : "card"} data-testid="pm-chart-card">
                <h2 className="section-title">{t("projectModel.chart")}</h2>
                <ModelChart model={shown} targetDscr={good?.input.target_dscr ?? null} />
              </section>
              <section className={stale ? "card pm-stale" : "card"}>
                <h2 className="section-title">{t("projectModel.sensitivity")}</h2>
                <p className="field-hint">{t("projectModel.sensitivityHelp")}</p>
                <SensitivityTable model={shown} />
              </section>
            </>
          )}
        </div>
      </div>

      {shown && (
        <section className={stale ? "card pm-stale" : "card"} data-testid="pm-schedule-card">
          {shown.construction_periods.length > 0 && (
            <>
              <h2 className="section-title">{t("projectModel.constructionTable")}</h2>
              <ConstructionTable model={shown} />
            </>
          )}
          <h2 className="section-title">{t("projectModel.schedule")}</h2>
          <ScheduleTable model={shown} />
        </section>
      )}

      {confirmDelete && (
        <ConfirmDialog
          title={t("projectModel.deleteTitle")}
          message={t("projectModel.deleteConfirm")}
          confirmLabel={t("projectModel.delete")}
          busy={busy === "delete"}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </section>
  );
}
