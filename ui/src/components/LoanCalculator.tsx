// 贷款测算 on a client's page: terms in, schedule and figures out as the officer types; up to
// three scenarios side by side; scenarios saved on the client, one of them the proposed loan,
// which the calculator opens on; the PDFs of the scenario on screen.
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { LoanScenario, LoanTerms } from "../bindings";
import { addPinned, MAX_COMPARE, pinned, type Pinned } from "../compare";
import { fieldError, ruleReason, type FieldErrors } from "../errors";
import { todayISO } from "../format";
import { formFromTerms, newCalcForm, termsFromForm, type CalcField, type CalcForm } from "../loanForm";
import { suggestedLabel } from "../loanText";
import { useErrorHandler } from "../session";
import { useScenarios } from "../useScenarios";
import { termsKey, useSchedulePreview } from "../useSchedulePreview";
import CalcSummary from "./CalcSummary";
import CalcTermsForm from "./CalcTermsForm";
import CompareTable from "./CompareTable";
import ConfirmDialog from "./ConfirmDialog";
import ErrorBox from "./ErrorBox";
import ExportPanel from "./ExportPanel";
import ScenarioList from "./ScenarioList";
import ScenarioSave from "./ScenarioSave";
import ScheduleTable from "./ScheduleTable";

const FORM_FIELDS: ReadonlySet<string> = new Set<CalcField>([
  "principal",
  "currency",
  "term_months",
  "rate",
  "lpr_tenor",
  "lpr",
  "spread_bp",
  "disbursement_date",
  "repay_day",
  "method",
  "grace_months",
  "upfront_fee",
  "day_count",
  "rounding",
]);

/** The input a backend error belongs on: an LPR loan has no "rate" box, its LPR box stands in. */
function formField(field: string | null, form: CalcForm): string | null {
  if (field === null) return null;
  if (field === "rate" && form.rate_kind === "lpr") return "lpr";
  return FORM_FIELDS.has(field) ? field : null;
}

/**
 * Scrolls the content pane (only) so `el` is at its top: scrollIntoView would also scroll the
 * shell when the pane cannot go far enough, pushing the sidebar and top bar off screen.
 */
function scrollPaneTo(el: HTMLElement | null) {
  const pane = el?.closest<HTMLElement>(".content");
  if (!el || !pane) return;
  const top = pane.scrollTop + el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  pane.scrollTo({ top: Math.max(0, top - 8), behavior: "smooth" });
}

export default function LoanCalculator({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const topRef = useRef<HTMLDivElement>(null);

  const [form, setForm] = useState<CalcForm>(() => newCalcForm(todayISO()));
  // Empty required fields are only flagged once touched, or when the officer tries to save.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const built = useMemo(() => termsFromForm(form), [form]);
  const terms = built.ok ? built.terms : null;
  const preview = useSchedulePreview(terms);

  const [editing, setEditing] = useState<LoanScenario | null>(null);
  const [label, setLabel] = useState("");
  const [proposed, setProposed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saveErrors, setSaveErrors] = useState<FieldErrors>({});

  const scenarios = useScenarios(clientId);
  const [deleting, setDeleting] = useState<LoanScenario | null>(null);
  const [busy, setBusy] = useState(false);
  const [pins, setPins] = useState<Pinned[]>([]);

  // Opens on the proposed scenario, once its list arrives, unless the officer started typing.
  const [opened, setOpened] = useState(false);
  if (!opened && scenarios.list !== null) {
    setOpened(true);
    const offer = scenarios.list.find((sc) => sc.proposed);
    if (offer && editing === null && touched.size === 0 && form.principal.trim() === "") {
      setForm(formFromTerms(offer.terms));
      setEditing(offer);
      setLabel(offer.label);
      setProposed(true);
    }
  }

  // ---- What the form shows as wrong ----
  const errors: FieldErrors = {};
  if (!built.ok) {
    for (const [field, e] of Object.entries(built.errors)) {
      if (e.rule !== "required" || showAll || touched.has(field)) errors[field] = { message: ruleReason(t, e.rule, e.params), detail: null };
    }
  }
  const previewField = preview.error?.code === "validation" ? formField(preview.error.field, form) : null;
  if (preview.error && previewField) errors[previewField] = fieldError(t, preview.error);
  for (const [field, e] of Object.entries(saveErrors)) if (field !== "label") errors[field] = e;
  const previewBanner = preview.error && !previewField ? preview.error : null;

  let stale: "pending" | "invalid" | null = null;
  if (preview.schedule && !preview.current) stale = terms && !preview.error ? "pending" : "invalid";
  let emptyText = t("calc.computing");
  if (form.principal.trim() === "" && !preview.schedule) emptyText = t("calc.enterPrincipal");
  else if (!terms || preview.error) emptyText = t("calc.fixErrors");

  // ---- Editing the terms ----
  const change = (patch: Partial<CalcForm>, field: CalcField) => {
    setForm((f) => ({ ...f, ...patch }));
    setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
    setSaved(false);
    setSaveErrors({});
    setSaveError(null);
  };

  const loadTerms = (next: LoanTerms, scenario: LoanScenario | null) => {
    setForm(formFromTerms(next));
    setTouched(new Set());
    setShowAll(false);
    setEditing(scenario);
    setLabel(scenario?.label ?? "");
    setProposed(scenario?.proposed ?? false);
    setSaved(false);
    setSaveErrors({});
    setSaveError(null);
    scrollPaneTo(topRef.current);
  };

  const startOver = () => {
    setForm(newCalcForm(todayISO()));
    setTouched(new Set());
    setShowAll(false);
    setEditing(null);
    setLabel("");
    setProposed(false);
    setSaved(false);
    setSaveErrors({});
    setSaveError(null);
  };

  // ---- Comparing ----
  const currentKey = preview.current && preview.schedule ? termsKey(preview.schedule.terms) : null;
  const alreadyPinned = currentKey !== null && pins.some((p) => p.key === currentKey);
  const pinCurrent = () => {
    const s = preview.schedule;
    if (!preview.current || !s) return;
    const sameAsSaved = editing !== null && termsKey(editing.terms) === termsKey(s.terms);
    // Unsaved terms are named by their method (in the language of the moment): the rows tell the rest.
    const name = sameAsSaved ? editing.label : editing === null && label.trim() !== "" ? label.trim() : null;
    setPins((list) => addPinned(list, pinned(name, s)));
  };
  const pinScenario = (sc: LoanScenario) => {
    api.schedulePreview(sc.terms).then(
      (s) => setPins((list) => addPinned(list, pinned(sc.label, s))),
      (e: unknown) => scenarios.setError(handleError(e)),
    );
  };

  // ---- Saving ----
  const save = async () => {
    setShowAll(true);
    setSaved(false);
    if (!terms || saving) return;
    const name = label.trim() === "" ? suggestedLabel(t, terms) : label.trim();
    setSaving(true);
    setSaveError(null);
    setSaveErrors({});
    try {
      const id = await api.scenarioSave(clientId, { id: editing?.id ?? null, label: name, terms, proposed });
      const list = await scenarios.reload();
      setEditing(list?.find((s) => s.id === id) ?? null);
      setLabel(name);
      setSaved(true);
    } catch (err) {
      const apiErr = handleError(err);
      if (!apiErr) return;
      const field = apiErr.code === "validation" ? (apiErr.field === "label" ? "label" : formField(apiErr.field, form)) : null;
      if (field) setSaveErrors({ [field]: fieldError(t, apiErr) });
      else setSaveError(apiErr);
    } finally {
      setSaving(false);
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    if ((await scenarios.remove(deleting.id)) && editing?.id === deleting.id) {
      setEditing(null);
      setSaved(false);
    }
    setBusy(false);
    setDeleting(null);
  };

  const schedule = preview.schedule;
  // What the export prints: the schedule on screen, when it matches the form.
  const shownTerms = preview.current && schedule ? schedule.terms : null;
  // The form still holds the scenario being edited: loaded and untouched, or just saved.
  const shownId = editing !== null && (touched.size === 0 || saved) ? editing.id : null;
  return (
    <div className="calc" data-testid="loan-calculator" ref={topRef}>
      <div className="calc-top">
        <section className="card">
          <div className="card-head">
            <h2 className="section-title">{t("calc.terms")}</h2>
            <button type="button" className="btn btn-ghost btn-small" data-testid="calc-reset" onClick={startOver}>
              {t("calc.newCalculation")}
            </button>
          </div>
          <CalcTermsForm form={form} errors={errors} onChange={change} annualRate={preview.current ? (preview.schedule?.summary.annual_rate ?? null) : null} />
          <ErrorBox error={previewBanner} testId="calc-error" />
        </section>

        <CalcSummary schedule={schedule} stale={stale} emptyText={emptyText}>
          <div className="calc-compare-bar">
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="calc-add-compare"
              disabled={!preview.current || pins.length >= MAX_COMPARE || alreadyPinned}
              onClick={pinCurrent}
            >
              {t("calc.addCompare")}
            </button>
            <span className="field-hint">
              {alreadyPinned ? t("calc.alreadyCompared") : pins.length >= MAX_COMPARE ? t("calc.compareFull") : t("calc.compareCount", { n: pins.length, max: MAX_COMPARE })}
            </span>
          </div>
        </CalcSummary>
      </div>

      {pins.length > 0 && (
        <section className="card" data-testid="calc-compare">
          <div className="card-head">
            <h2 className="section-title">{t("calc.compareTitle")}</h2>
            <button type="button" className="btn btn-ghost btn-small" data-testid="compare-clear" onClick={() => setPins([])}>
              {t("calc.compareClear")}
            </button>
          </div>
          <CompareTable items={pins} onRemove={(key) => setPins((list) => list.filter((p) => p.key !== key))} onLoad={(p) => loadTerms(p.terms, null)} />
        </section>
      )}

      <div className="calc-bottom">
        <section className="card">
          <h2 className="section-title">{t("calc.schedule")}</h2>
          {schedule ? <ScheduleTable schedule={schedule} stale={stale !== null} /> : <p className="muted">{emptyText}</p>}
        </section>

        <div className="stack">
        <section className="card" data-testid="scenarios">
          <h2 className="section-title">{t("calc.saveTitle")}</h2>
          <ScenarioSave
            label={label}
            placeholder={terms ? suggestedLabel(t, terms) : ""}
            proposed={proposed}
            editing={editing?.label ?? null}
            saving={saving}
            saved={saved}
            errors={saveErrors}
            error={saveError}
            onLabel={(v) => {
              setLabel(v);
              setSaved(false);
            }}
            onProposed={(v) => {
              setProposed(v);
              setSaved(false);
            }}
            onSave={() => void save()}
            onNew={() => {
              setEditing(null);
              setLabel("");
              setProposed(false);
              setSaved(false);
            }}
          />
          <h2 className="section-title">{t("calc.savedTitle")}</h2>
          <ErrorBox error={scenarios.error} testId="scenarios-error" />
          <ScenarioList
            scenarios={scenarios.list}
            editingId={editing?.id ?? null}
            compareFull={pins.length >= MAX_COMPARE}
            onLoad={(s) => loadTerms(s.terms, s)}
            onCompare={pinScenario}
            onDelete={setDeleting}
          />
        </section>
        <ExportPanel clientId={clientId} terms={shownTerms} shownId={shownId} scenarios={scenarios.list} />
        </div>
      </div>

      {deleting && (
        <ConfirmDialog
          title={t("calc.deleteTitle")}
          message={t("calc.deleteConfirm", { label: deleting.label })}
          confirmLabel={t("calc.delete")}
          busy={busy}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
