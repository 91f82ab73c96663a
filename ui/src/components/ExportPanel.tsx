// PDF export on the client page (issue 4): the repayment schedule or the proposal of the
// client's proposed scenario, in Chinese or English. The backend renders the PDF, asks where to
// save it (native dialog) and opens it if asked; here: options, busy state, result.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { ExportKind, ExportResult } from "../bindings";
import { useAmountUnit } from "../amountUnits";
import { langOf } from "../journey";
import { useErrorHandler } from "../session";
import ErrorBox from "./ErrorBox";
import UnitSwitch from "./UnitSwitch";
import "../journey.css";

export default function ExportPanel({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const handleError = useErrorHandler();
  const [lang, setLang] = useState<"zh" | "en">(langOf(i18n.language));
  const [purpose, setPurpose] = useState("");
  const [risks, setRisks] = useState("");
  const [openAfter, setOpenAfter] = useState(false);
  const [unit] = useAmountUnit("pdf");
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (kind: ExportKind) => {
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

  return (
    <section className="card export-panel" data-testid="export-panel" aria-busy={busy !== null}>
      <h2 className="section-title">{t("export.title")}</h2>
      <p className="muted small">{t("export.hint")}</p>
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
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="export-schedule" disabled={busy !== null} onClick={() => void run("schedule")}>
          {t("export.schedule")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="export-proposal" disabled={busy !== null} onClick={() => void run("proposal")}>
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
    </section>
  );
}
