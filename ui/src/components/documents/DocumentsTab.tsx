// The client's documents tab: import (picker, drop, progress), the last import's result, the
// list with archived ones on request, the preview, and the credit analysis from statements.
// Every change calls `onChanged`: documents satisfy checklist items on the journey panel.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { DocumentKind, DocumentSummary, ImportReport } from "../../bindings";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import CreditAnalysisPanel from "./CreditAnalysisPanel";
import DocumentImport from "./DocumentImport";
import DocumentList from "./DocumentList";
import DocumentPreview from "./DocumentPreview";
import ImportResult from "./ImportResult";
import "../../documents.css";

interface Props {
  clientId: number;
  onChanged: () => void;
  /** Files were dropped while another tab showed: import them on arrival. */
  dropPending?: boolean;
  onDropTaken?: () => void;
}

export default function DocumentsTab({ clientId, onChanged, dropPending, onDropTaken }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ report: ImportReport; auto: boolean } | null>(null);
  const [preview, setPreview] = useState<DocumentSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);

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

  return (
    <div className="stack" data-testid="documents-tab">
      <section className="card" data-testid="documents-panel">
        <div className="card-head">
          <h2 className="section-title">{t("docs.title")}</h2>
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
          <DocumentList docs={docs} busy={busy} onPreview={setPreview} onExport={exportCopy} onArchive={setArchived} onKind={setKind} />
        )}
      </section>

      <CreditAnalysisPanel
        clientId={clientId}
        onImported={() => {
          void load();
          onChanged();
        }}
      />

      {preview && <DocumentPreview doc={preview} onExport={() => exportCopy(preview)} onClose={() => setPreview(null)} />}
    </div>
  );
}
