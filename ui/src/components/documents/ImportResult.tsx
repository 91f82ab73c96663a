// What the last import did: each file stored (with the kind it got, marked when suggested from
// the content, and changeable right here) and each file refused, with the reason translated.
// A duplicate names the document already on the client.
import { useTranslation } from "react-i18next";
import type { DocumentKind, DocumentSummary, ImportReport } from "../../bindings";
import { DOC_KINDS, duplicateOf, isDocKind, payloadError } from "../../documents";
import { describeError } from "../../errors";

interface Props {
  report: ImportReport;
  /** Kinds were suggested from the content, not chosen. */
  auto: boolean;
  /** The client's documents now, to name a duplicate's original and show current kinds. */
  docs: DocumentSummary[];
  busy: boolean;
  onKind: (doc: DocumentSummary, kind: DocumentKind) => void;
  onDismiss: () => void;
}

export default function ImportResult({ report, auto, docs, busy, onKind, onDismiss }: Props) {
  const { t } = useTranslation();
  const current = (d: DocumentSummary) => docs.find((x) => x.id === d.id) ?? d;
  return (
    <div className="import-result" data-testid="import-result" role="status">
      <div className="import-result-head">
        <strong>{t("docs.resultTitle", { ok: report.imported.length, failed: report.failed.length })}</strong>
        <button type="button" className="btn btn-ghost btn-small" data-testid="import-result-dismiss" onClick={onDismiss}>
          {t("docs.close")}
        </button>
      </div>
      <ul>
        {report.imported.map((d) => {
          const doc = current(d);
          return (
            <li key={d.id} data-testid="imported-file" data-doc-id={d.id}>
              <span className="ok-text">✓</span> <span className="break">{d.file_name}</span>
              <select data-testid="imported-kind" aria-label={t("docs.colKind")} value={doc.kind} disabled={busy} onChange={(e) => isDocKind(e.target.value) && onKind(doc, e.target.value)}>
                {DOC_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`docKind.${k}`)}
                  </option>
                ))}
              </select>
              {auto && doc.kind === d.kind && <span className="tag">{t("docs.suggested")}</span>}
            </li>
          );
        })}
        {report.failed.map((f, i) => {
          const dup = duplicateOf(f.error);
          const original = dup === null ? undefined : docs.find((x) => x.id === dup);
          const reason = original ? t("docs.duplicateOf", { name: original.file_name }) : describeError(t, payloadError(f.error)).message;
          return (
            <li key={`f${i}`} data-testid="failed-file" data-rule={f.error.rule ?? f.error.code}>
              <span className="error-text">✗</span> <span className="break">{f.name}</span>
              <span className="error-text">{reason}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
