// PDF export in the calculator: the repayment schedule or the proposal of the scenario on
// screen (saved or not), in Chinese or English; the officer ticks which saved scenarios a
// proposal compares (none by default). The backend renders, asks where to save (native
// dialog) and opens the file if asked; here: options, the sender check, busy state, result.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { BankProfile, ExportKind, ExportResult, LoanScenario, LoanTerms } from "../bindings";
import { useAmountUnit } from "../amountUnits";
import { langOf } from "../journey";
import { scenarioLine } from "../loanText";
import { useErrorHandler } from "../session";
import ErrorBox from "./ErrorBox";
import { profileComplete } from "./sender/BankOfficerForm";
import SenderDialog from "./sender/SenderDialog";
import UnitSwitch from "./UnitSwitch";
import "../journey.css";

/** A proposal prints the scenario shown and at most this many saved ones beside it. */
const MAX_COMPARED = 2;

interface Props {
  clientId: number;
  /** The terms on screen when they make a schedule; null: nothing to export yet. */
  terms: LoanTerms | null;
  /** The saved scenario the terms on screen are (it is not offered to compare with itself). */
  shownId: number | null;
  scenarios: readonly LoanScenario[] | null;
}

export default function ExportPanel({ clientId, terms, shownId, scenarios }: Props) {
  const { t, i18n } = useTranslation();
  const handleError = useErrorHandler();
  const [lang, setLang] = useState<"zh" | "en">(langOf(i18n.language));
  const [purpose, setPurpose] = useState("");
  const [risks, setRisks] = useState("");
  const [openAfter, setOpenAfter] = useState(false);
  const [compare, setCompare] = useState<number[]>([]);
  const [unit] = useAmountUnit("pdf");
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState<{ kind: ExportKind; profile: BankProfile } | null>(null);
  // "Export without" in the sender dialog: not asked again on this page.
  const [skipSender, setSkipSender] = useState(false);

  const others = (scenarios ?? []).filter((s) => s.id !== shownId);
  const chosen = compare.filter((id) => others.some((s) => s.id === id));

  const run = async (kind: ExportKind) => {
    if (!terms) return;
    setBusy(kind);
    setResult(null);
    setError(null);
    try {
      const r = await api.exportPdf(
        clientId,
        {
          kind,
          lang,
          purpose: kind === "proposal" && purpose.trim() !== "" ? purpose.trim() : null,
          risks: kind === "proposal" && risks.trim() !== "" ? risks.trim() : null,
          terms,
          compare: kind === "proposal" ? chosen : [],
          unit,
        },
        openAfter,
      );
      setResult(r);
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(null);
    }
  };

  /** Asks for the sender first when Settings has none (unless skipped here). */
  const start = async (kind: ExportKind) => {
    if (!skipSender) {
      try {
        const profile = await api.bankProfile();
        if (!profileComplete(profile)) {
          setAsking({ kind, profile });
          return;
        }
      } catch (e) {
        setError(handleError(e));
        return;
      }
    }
    await run(kind);
  };

  const toggle = (id: number, on: boolean) =>
    setCompare((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));

  return (
    <section className="card export-panel" data-testid="export-panel" aria-busy={busy !== null}>
      <h2 className="section-title">{t("export.title")}</h2>
      <p className="small" data-testid="export-shown">
        {terms ? (
          <>
            <span className="muted">{t("clientPage.exportShown")}</span> {scenarioLine(t, terms)}
          </>
        ) : (
          <span className="muted">{t("clientPage.exportNothing")}</span>
        )}
      </p>
      <div className="export-options">
        <label className="field">
          <span className="field-label">{t("export.lang")}</span>
          <select data-testid="export-lang" value={lang} onChange={(e) => setLang(e.target.value === "en" ? "en" : "zh")}>
            <option value="zh">{t("export.langZh")}</option>
            <option value="en">{t("export.langEn")}</option>
          </select>
        </label>
        <div className="field">
          <span className="field-label">{t("units.pdfUnit")}</span>
          <UnitSwitch screen="pdf" />
        </div>
        <label className="field span-2">
          <span className="field-label">{t("export.purpose")}</span>
          <input type="text" data-testid="export-purpose" value={purpose} maxLength={500} onChange={(e) => setPurpose(e.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" data-testid="export-open-after" checked={openAfter} onChange={(e) => setOpenAfter(e.target.checked)} /> {t("export.openAfter")}
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t("export.risks")}</span>
        <textarea data-testid="export-risks" placeholder={t("export.risksPlaceholder")} value={risks} maxLength={4000} onChange={(e) => setRisks(e.target.value)} />
      </label>
      <div className="export-compare" role="group" aria-labelledby="export-compare-label" data-testid="export-compare">
        <div id="export-compare-label" className="field-label">
          {t("clientPage.compareLegend", { max: MAX_COMPARED })}
        </div>
        {others.length === 0 ? (
          <p className="muted small">{t("clientPage.compareNone")}</p>
        ) : (
          others.map((s) => {
            const on = chosen.includes(s.id);
            return (
              <label key={s.id} className="inline small export-compare-item">
                <input
                  type="checkbox"
                  data-testid="export-compare-item"
                  data-scenario-id={s.id}
                  checked={on}
                  disabled={!on && chosen.length >= MAX_COMPARED}
                  onChange={(e) => toggle(s.id, e.target.checked)}
                />
                <span>
                  {s.proposed && <span className="badge badge-proposed">{t("calc.proposedBadge")}</span>} {s.label}
                  <span className="muted"> · {scenarioLine(t, s.terms)}</span>
                </span>
              </label>
            );
          })
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="export-schedule" disabled={busy !== null || !terms} onClick={() => void start("schedule")}>
          {t("export.schedule")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="export-proposal" disabled={busy !== null || !terms} onClick={() => void start("proposal")}>
          {t("export.proposal")}
        </button>
      </div>
      {busy && (
        <p className="muted" role="status" data-testid="export-busy">
          {t("export.writing")}
        </p>
      )}
      {result && (
        <div className={result.path ? "alert alert-ok" : "alert"} role="status" data-testid="export-done">
          <div className="break">{result.path ? t("export.done", { path: result.path }) : t("export.cancelled")}</div>
          {result.warnings.length > 0 && (
            <div data-testid="export-warnings">
              {t("export.warnings")}
              <ul>
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {error &&
        (error.code === "no_scenario" ? (
          <div className="alert alert-warn" role="alert" data-testid="export-error" data-error-code="no_scenario">
            {t("export.noScenario")}
          </div>
        ) : (
          <ErrorBox error={error} testId="export-error" />
        ))}
      {asking && (
        <SenderDialog
          initial={asking.profile}
          onCancel={() => setAsking(null)}
          onSkip={() => {
            setSkipSender(true);
            setAsking(null);
            void run(asking.kind);
          }}
          onSaved={() => {
            setAsking(null);
            void run(asking.kind);
          }}
        />
      )}
    </section>
  );
}
