// The client's documents tab: import (picker, drop, progress), the last import's result, the
// list with archived ones on request, the preview, and the credit analysis from statements.
// Every change calls `onChanged`: documents satisfy checklist items on the journey panel.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError, type LicenceScan, type StatementScan } from "../../api";
import type { AcceptedField, ClientInput, DocumentKind, DocumentSummary, ImportReport, LicenceReview } from "../../bindings";
import { formFromClient, inputFromForm } from "../../clientForm";
import { readable } from "../../ocr";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import CreditAnalysisPanel from "./CreditAnalysisPanel";
import DocumentImport from "./DocumentImport";
import DocumentList from "./DocumentList";
import DocumentPreview from "./DocumentPreview";
import ImportResult from "./ImportResult";
import LicenceReviewDialog from "../ocr/LicenceReviewDialog";
import OcrProgress from "../ocr/OcrProgress";
import StatementPreviewDialog from "../ocr/StatementPreviewDialog";
import { useOcrRun } from "../ocr/useOcrRun";
import "../../documents.css";

interface Props {
  clientId: number;
  onChanged: () => void;
  /** Files were dropped while another tab showed: import them on arrival. */
  dropPending?: boolean;
  onDropTaken?: () => void;
  /** The client's record changed (values accepted from its licence). */
  onClientChanged?: () => void;
}

export default function DocumentsTab({ clientId, onChanged, dropPending, onDropTaken, onClientChanged }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ report: ImportReport; auto: boolean } | null>(null);
  const [preview, setPreview] = useState<DocumentSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // OCR: a licence under review (with the client's values it was compared with), a statement
  // page in its preview.
  const ocr = useOcrRun();
  const [licence, setLicence] = useState<{ review: LicenceReview; current: ClientInput } | null>(null);
  const [statement, setStatement] = useState<StatementScan | null>(null);
  const [applying, setApplying] = useState(false);
  // Bumped when accepted statement figures should reload the credit analysis.
  const [creditVersion, setCreditVersion] = useState(0);

  const load = useCallback(
    () =>
      api.documentsList(clientId, showArchived).then(
        (d) => setDocs(d),
        (e: unknown) => setError(handleError(e)),
      ),
    [clientId, showArchived, handleError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await action();
      await load();
      onChanged();
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(false);
    }
  };

  const exportCopy = (d: DocumentSummary) =>
    void run(async () => {
      const path = await api.documentExportPick(d.id);
      if (path) setMessage(t("docs.exported", { path }));
    });
  const setKind = (d: DocumentSummary, kind: DocumentKind) => void run(() => api.documentSetKind(d.id, kind));
  const setArchived = (d: DocumentSummary, archived: boolean) => void run(() => api.documentArchive(d.id, archived));

  const readLicence = (job: (current: ClientInput) => Promise<LicenceScan | null>) =>
    void run(async () => {
      const detail = await api.clientGet(clientId);
      const current = inputFromForm(formFromClient(detail.client));
      const scan = await ocr.run(() => job(current));
      if (scan) setLicence({ review: scan.review, current });
    });
  const readStatement = (job: () => Promise<StatementScan | null>) =>
    void run(async () => {
      const scan = await ocr.run(job);
      if (scan) setStatement(scan);
    });
  const read = (d: DocumentSummary) => {
    if (readable(d) === "licence") readLicence((current) => api.ocrLicenceDocument(d.id, current));
    else readStatement(() => api.ocrStatementDocument(d.id));
  };

  // The accepted values go through the client's ordinary update (its validation included).
  const applyLicence = async (accepted: AcceptedField[]) => {
    if (!licence) return;
    setApplying(true);
    setError(null);
    try {
      const next = await api.licenceApply(licence.current, accepted);
      await api.clientUpdate(clientId, next);
      setLicence(null);
      setMessage(t("ocr.licenceSaved", { n: accepted.length }));
      onClientChanged?.();
    } catch (e) {
      setLicence(null);
      setError(handleError(e));
    } finally {
      setApplying(false);
    }
  };

  return (
    <div className="stack" data-testid="documents-tab">
      <section className="card" data-testid="documents-panel">
        <div className="card-head">
          <h2 className="section-title">{t("docs.title")}</h2>
          <div className="inline">
            <button type="button" className="btn btn-secondary btn-small" data-testid="licence-pick" disabled={busy} onClick={() => readLicence((current) => api.ocrLicencePick(clientId, current))}>
              {t("ocr.readLicencePhoto")}
            </button>
          </div>
          <label className="inline muted">
            <input type="checkbox" data-testid="show-archived-docs" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            {t("docs.showArchived")}
          </label>
        </div>
        <DocumentImport
          clientId={clientId}
          dropPending={dropPending}
          onDropTaken={onDropTaken}
          onError={setError}
          onImported={(r, auto) => {
            setReport({ report: r, auto });
            void load();
            onChanged();
          }}
        />
        {report && docs && (
          <ImportResult report={report.report} auto={report.auto} docs={docs} busy={busy} onKind={setKind} onDismiss={() => setReport(null)} />
        )}
        <ErrorBox error={error} />
        {message && (
          <div className="alert alert-ok" role="status" data-testid="documents-message">
            <span className="break">{message}</span>
          </div>
        )}
        {docs === null ? (
          <p className="muted">{t("app.loading")}</p>
        ) : docs.length === 0 ? (
          <p className="muted" data-testid="documents-empty">
            {t("docs.empty")}
          </p>
        ) : (
          <DocumentList docs={docs} busy={busy} onPreview={setPreview} onExport={exportCopy} onArchive={setArchived} onKind={setKind} onRead={read} />
        )}
      </section>

      <CreditAnalysisPanel
        key={creditVersion}
        clientId={clientId}
        busy={busy}
        onReadScan={() => readStatement(() => api.ocrStatementPick(clientId))}
        onImported={() => {
          void load();
          onChanged();
        }}
      />

      {ocr.running && <OcrProgress />}
      {licence && <LicenceReviewDialog review={licence.review} busy={applying} onApply={(a) => void applyLicence(a)} onClose={() => setLicence(null)} />}
      {statement && (
        <StatementPreviewDialog
          clientId={clientId}
          scan={statement}
          onClose={() => setStatement(null)}
          onAccepted={(years) => {
            setStatement(null);
            setMessage(t("ocr.statementSaved", { years: years.join(", ") }));
            setCreditVersion((v) => v + 1);
            onChanged();
          }}
        />
      )}
      {preview && <DocumentPreview doc={preview} onExport={() => exportCopy(preview)} onClose={() => setPreview(null)} />}
    </div>
  );
}
