// 财务分析: import a statement spreadsheet (template layout), the template files to hand to a
// client, the spread of every ratio per year flagged against the thresholds from Settings
// (SpreadTable), the stored figures they come from, and under it the working-capital loan need
// (WcNeedPanel). DSCR needs the client's proposed loan scenario.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { CreditAnalysis, FileType, FinancialYear } from "../../bindings";
import { LINES, LINE_KEY } from "../../documents";
import { useAmountUnit } from "../../amountUnits";
import UnitSwitch from "../UnitSwitch";
import { formatAmount, formatMoney, unitLabel } from "../../money";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import SpreadTable from "./SpreadTable";
import WcNeedPanel from "./WcNeedPanel";

interface Props {
  clientId: number;
  /** A statement import also stores the spreadsheet as a financial-statements document. */
  onImported: () => void;
  /** OCR of a scanned statement page (its preview is the documents tab's). */
  onReadScan?: () => void;
  busy?: boolean;
}

export default function CreditAnalysisPanel({ clientId, onImported, onReadScan, busy: outerBusy }: Props) {
  const { t } = useTranslation();
  const [unit] = useAmountUnit("statements");
  const handleError = useErrorHandler();
  const [analysis, setAnalysis] = useState<CreditAnalysis | null>(null);
  const [years, setYears] = useState<FinancialYear[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Bumped by an import: the need's prefill comes from the statements.
  const [version, setVersion] = useState(0);

  const load = useCallback(
    () =>
      Promise.all([api.creditAnalysis(clientId), api.financialYears(clientId)]).then(
        ([a, y]) => {
          setAnalysis(a);
          setYears(y);
        },
        (e: unknown) => setError(handleError(e)),
      ),
    [clientId, handleError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(false);
    }
  };

  const importStatement = () =>
    void run(async () => {
      const done = await api.statementImportPick(clientId);
      if (!done) return;
      setMessage(t("credit.imported", { name: done.document.file_name, years: done.years.map((y) => y.year).join(", ") }));
      await load();
      setVersion((v) => v + 1);
      onImported();
    });

  const saveTemplate = (fileType: FileType) =>
    void run(async () => {
      const path = await api.statementTemplateSave(fileType);
      if (path) setMessage(t("credit.templateSaved", { path }));
    });

  const ds = analysis?.debt_service ?? null;
  // Oldest year first, as the spread reads.
  const columns = [...years].reverse();

  return (
    <>
      <section className="card" data-testid="credit-panel">
        <div className="card-head">
          <h2 className="section-title">{t("credit.title")}</h2>
          <div className="inline">
            <UnitSwitch screen="statements" />
            <button type="button" className="btn btn-primary" data-testid="statement-import" disabled={busy} onClick={importStatement}>
              {t("credit.importStatement")}
            </button>
            {onReadScan && (
              <button type="button" className="btn btn-secondary" data-testid="statement-scan" disabled={busy || outerBusy} onClick={onReadScan}>
                {t("ocr.readScannedStatement")}
              </button>
            )}
          </div>
        </div>
        <p className="muted small">
          {t("credit.templateHint")}{" "}
          <button type="button" className="link-button" data-testid="template-xlsx" disabled={busy} onClick={() => saveTemplate("xlsx")}>
            {t("credit.templateXlsx")}
          </button>{" "}
          <button type="button" className="link-button" data-testid="template-csv" disabled={busy} onClick={() => saveTemplate("csv")}>
            {t("credit.templateCsv")}
          </button>
        </p>
        <ErrorBox error={error} testId="credit-error" />
        {message && (
          <div className="alert alert-ok" role="status" data-testid="credit-message">
            <span className="break">{message}</span>
          </div>
        )}

        {analysis && analysis.years.length === 0 && (
          <p className="muted" data-testid="credit-empty">
            {t("credit.empty")}
          </p>
        )}

        {analysis && analysis.years.length > 0 && (
          <>
            <p className="muted small" data-testid="debt-service">
              {ds
                ? t("credit.debtService", { label: ds.scenario_label, year: ds.loan_year, amount: formatMoney(ds.annual) })
                : t("credit.noScenario")}
            </p>
            <SpreadTable analysis={analysis} figures={years} />
            <details className="figures" data-testid="figures">
              <summary>{t("credit.figures")}</summary>
              <table className="simple-table">
                <thead>
                  <tr>
                    <th>{t("units.withUnit", { label: t("credit.colLine"), unit: unitLabel(t, unit, null) })}</th>
                    {columns.map((y) => (
                      <th key={y.year} className="num">
                        {y.year}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {LINES.filter((line) => years.some((y) => y.figures[line] !== undefined)).map((line) => (
                    <tr key={line}>
                      <td>{t(LINE_KEY[line])}</td>
                      {columns.map((y) => (
                        <td key={y.year} className="num">
                          {y.figures[line] === undefined ? "—" : formatAmount(y.figures[line], unit)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>
      {analysis && analysis.years.length > 0 && <WcNeedPanel key={version} clientId={clientId} />}
    </>
  );
}
