// Import into the client: the kind to file them under (or "suggest from the content"), the file
// picker, and files dropped anywhere on the window. Rust does the reading (paths never reach the
// web view); its `import-progress` events feed the bar while the rest of the app stays usable.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { listen } from "@tauri-apps/api/event";
import { api } from "../../api";
import type { DocumentKind, ImportReport } from "../../bindings";
import { DOC_KINDS, batchPercent, isDocKind, type ImportProgress } from "../../documents";
import { useErrorHandler } from "../../session";
import type { ApiError } from "../../api";

interface Props {
  clientId: number;
  /** After a batch: what went in and what did not (`auto`: kinds were suggested). */
  onImported: (report: ImportReport, auto: boolean) => void;
  onError: (e: ApiError | null) => void;
  /** Files dropped before this mounted (the page switched tabs for them): import them now. */
  dropPending?: boolean;
  onDropTaken?: () => void;
}

export default function DocumentImport({ clientId, onImported, onError, dropPending, onDropTaken }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [kind, setKind] = useState<DocumentKind | "">("");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [hover, setHover] = useState(false);
  // The event handlers are registered once; they read the latest choice through this ref.
  const latest = useRef({ clientId, kind, busy, onImported, onError, handleError });
  useEffect(() => {
    latest.current = { clientId, kind, busy, onImported, onError, handleError };
  });

  const run = async (action: (clientId: number, kind: DocumentKind | null) => Promise<ImportReport>) => {
    const l = latest.current;
    if (l.busy) return;
    setBusy(true);
    latest.current.busy = true;
    setProgress(null);
    l.onError(null);
    try {
      const report = await action(l.clientId, l.kind === "" ? null : l.kind);
      if (report.imported.length + report.failed.length > 0) l.onImported(report, l.kind === "");
    } catch (e) {
      l.onError(l.handleError(e));
    } finally {
      latest.current.busy = false;
      setBusy(false);
      setProgress(null);
    }
  };
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });

  useEffect(() => {
    if (!dropPending) return;
    onDropTaken?.();
    void runRef.current((c, k) => api.documentsImportDropped(c, k));
  }, [dropPending, onDropTaken]);

  useEffect(() => {
    const stops = [
      listen<ImportProgress>("import-progress", (e) => setProgress(e.payload)),
      listen<string[]>("files-dropped", () => {
        setHover(false);
        void runRef.current((c, k) => api.documentsImportDropped(c, k));
      }),
      listen("tauri://drag-enter", () => setHover(true)),
      listen("tauri://drag-leave", () => setHover(false)),
    ];
    return () => {
      for (const stop of stops) void stop.then((f) => f());
    };
  }, []);

  return (
    <div className={hover ? "drop-zone hover" : "drop-zone"} data-testid="drop-zone" aria-busy={busy}>
      <div className="drop-row">
        <label className="inline">
          <span>{t("docs.kindAtImport")}</span>
          <select data-testid="import-kind" value={kind} disabled={busy} onChange={(e) => setKind(isDocKind(e.target.value) ? e.target.value : "")}>
            <option value="">{t("docs.kindAuto")}</option>
            {DOC_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`docKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary" data-testid="import-pick" disabled={busy} onClick={() => void run((c, k) => api.documentsImportPick(c, k))}>
          {busy ? t("docs.importing") : t("docs.importPick")}
        </button>
        <span className="muted">{t("docs.dropHint")}</span>
      </div>
      {busy && (
        <div className="import-progress" data-testid="import-progress" role="status">
          <progress max={100} value={progress ? batchPercent(progress) : undefined} />
          <span className="muted">
            {progress ? t("docs.progress", { file: progress.file, i: progress.index + 1, n: progress.count }) : t("docs.importing")}
          </span>
        </div>
      )}
    </div>
  );
}
