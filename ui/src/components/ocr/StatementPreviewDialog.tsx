// A scanned statement page read by OCR, as a statement import preview: the figures per year on
// the template's lines, each correctable (cleared = left out), the labels of rows that match no
// template line listed for the officer to enter by hand, and Accept, which stores the years
// (replacing those already on the client) with the scan as their document.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError, type StatementScan } from "../../api";
import type { StatementLine, StatementYearInput } from "../../bindings";
import { LINES, LINE_KEY } from "../../documents";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Modal from "../Modal";
import { parseFigure } from "../../ocr";
import "../../ocr.css";

interface Props {
  clientId: number;
  scan: StatementScan;
  onAccepted: (years: number[]) => void;
  onClose: () => void;
}

export default function StatementPreviewDialog({ clientId, scan, onAccepted, onClose }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const years = scan.read.years.map((y) => y.year);
  // line → year → text as typed
  const [cells, setCells] = useState<Record<string, Record<number, string>>>(() => {
    const out: Record<string, Record<number, string>> = {};
    for (const y of scan.read.years) {
      for (const [line, value] of Object.entries(y.figures)) {
        out[line] = { ...(out[line] ?? {}), [y.year]: value ?? "" };
      }
    }
    return out;
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const shown = LINES.filter((l) => cells[l] !== undefined);
  const invalid = shown.some((l) => years.some((y) => parseFigure(cells[l]?.[y] ?? "") === null));

  const setCell = (line: StatementLine, year: number, value: string) =>
    setCells({ ...cells, [line]: { ...(cells[line] ?? {}), [year]: value } });

  const accept = async () => {
    const input: StatementYearInput[] = years.map((year) => {
      const figures: Partial<Record<StatementLine, string>> = {};
      for (const line of shown) {
        const v = parseFigure(cells[line]?.[year] ?? "");
        if (v) figures[line] = v;
      }
      return { year, figures };
    });
    setBusy(true);
    setError(null);
    try {
      const stored = await api.statementYearsAccept(clientId, scan.document?.id ?? null, input);
      onAccepted(stored.map((y) => y.year));
    } catch (e) {
      setError(handleError(e));
      setBusy(false);
    }
  };

  const confidence = (line: StatementLine) => scan.read.confidence[line];

  return (
    <Modal labelledBy="statement-preview-title" testId="statement-preview" className="licence-modal" onClose={onClose}>
      <div className="preview-head">
        <h2 id="statement-preview-title">{t("ocr.statementTitle")}</h2>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>
          {t("docs.close")}
        </button>
      </div>
      <p className="muted small">{t("ocr.statementHint", { name: scan.document?.file_name ?? "" })}</p>
      <ErrorBox error={error} testId="statement-preview-error" />
      <div className="statement-preview-body">
        <table className="simple-table" data-testid="statement-lines">
          <thead>
            <tr>
              <th>{t("credit.colLine")}</th>
              {years.map((y) => (
                <th key={y} className="num">
                  {y}
                </th>
              ))}
              <th className="num">{t("ocr.colConfidence")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => {
              const c = confidence(line);
              return (
                <tr key={line} data-testid="statement-line" data-line={line}>
                  <td>{t(LINE_KEY[line])}</td>
                  {years.map((y) => {
                    const text = cells[line]?.[y] ?? "";
                    const bad = parseFigure(text) === null;
                    return (
                      <td key={y} className="num">
                        <input
                          className={bad ? "num-input invalid" : "num-input"}
                          aria-label={`${t(LINE_KEY[line])} ${y}`}
                          aria-invalid={bad || undefined}
                          data-testid={`figure-${line}-${y}`}
                          value={text}
                          onChange={(e) => setCell(line, y, e.target.value)}
                        />
                      </td>
                    );
                  })}
                  <td className={c !== undefined && c < 0.85 ? "num ocr-low" : "num"}>{c === undefined ? "–" : `${Math.round(c * 100)} %`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="unmatched" data-testid="statement-unmatched">
          <h3 className="section-title small">{t("ocr.unmatchedTitle", { n: scan.read.unmatched.length })}</h3>
          {scan.read.unmatched.length === 0 ? (
            <p className="muted small">{t("ocr.unmatchedNone")}</p>
          ) : (
            <>
              <p className="muted small">{t("ocr.unmatchedHint")}</p>
              <ul>
                {scan.read.unmatched.map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
      {invalid && <p className="alert alert-error small">{t("ocr.figureInvalid")}</p>}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="statement-accept" disabled={busy || invalid || shown.length === 0} onClick={() => void accept()}>
          {t("ocr.statementAccept", { years: years.join(", ") })}
        </button>
      </div>
    </Modal>
  );
}
