// A client's documents: name (opens the preview when the app can show it), kind (changeable),
// size, when and by whom imported; export a copy, archive or restore.
import { useTranslation } from "react-i18next";
import type { DocumentKind, DocumentSummary } from "../../bindings";
import { DOC_KINDS, formatSize, isDocKind } from "../../documents";
import { formatDateTime } from "../../format";
import { readable } from "../../ocr";

interface Props {
  docs: DocumentSummary[];
  busy: boolean;
  onPreview: (doc: DocumentSummary) => void;
  onExport: (doc: DocumentSummary) => void;
  onArchive: (doc: DocumentSummary, archived: boolean) => void;
  onKind: (doc: DocumentSummary, kind: DocumentKind) => void;
  /** OCR of a licence or a scanned statement (shown on image and PDF documents of those kinds). */
  onRead?: (doc: DocumentSummary) => void;
}

export default function DocumentList({ docs, busy, onPreview, onExport, onArchive, onKind, onRead }: Props) {
  const { t } = useTranslation();
  return (
    <table className="simple-table doc-table" data-testid="document-list">
      <thead>
        <tr>
          <th>{t("docs.colName")}</th>
          <th>{t("docs.colKind")}</th>
          <th className="num">{t("docs.colSize")}</th>
          <th>{t("docs.colImported")}</th>
          <th>{t("docs.colBy")}</th>
          <th>
            <span className="sr-only">{t("docs.colActions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {docs.map((d) => (
          <tr key={d.id} data-testid="document-row" data-doc-id={d.id} data-kind={d.kind} data-archived={d.archived} className={d.archived ? "archived" : undefined}>
            <td className="doc-name">
              {d.previewable ? (
                <button type="button" className="link-button" data-testid="document-open" onClick={() => onPreview(d)}>
                  {d.file_name}
                </button>
              ) : (
                <span>{d.file_name}</span>
              )}
              <span className="doc-type">{d.file_type.toUpperCase()}</span>
              {d.archived && <span className="tag tag-warn">{t("docs.archivedTag")}</span>}
            </td>
            <td>
              <select
                data-testid="document-kind"
                aria-label={t("docs.colKind")}
                value={d.kind}
                disabled={busy}
                onChange={(e) => isDocKind(e.target.value) && onKind(d, e.target.value)}
              >
                {DOC_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`docKind.${k}`)}
                  </option>
                ))}
              </select>
            </td>
            <td className="num">{formatSize(d.size)}</td>
            <td>{formatDateTime(d.imported_at)}</td>
            <td>{d.imported_by || t("common.notSet")}</td>
            <td className="doc-actions">
              {onRead && readable(d) && (
                <button type="button" className="btn btn-secondary btn-small" data-testid={readable(d) === "licence" ? "document-read-licence" : "document-read-statement"} disabled={busy} onClick={() => onRead(d)}>
                  {readable(d) === "licence" ? t("ocr.readLicence") : t("ocr.readStatement")}
                </button>
              )}
              {d.previewable && (
                <button type="button" className="btn btn-ghost btn-small" data-testid="document-preview-open" onClick={() => onPreview(d)}>
                  {t("docs.preview")}
                </button>
              )}
              <button type="button" className="btn btn-ghost btn-small" data-testid="document-export" disabled={busy} onClick={() => onExport(d)}>
                {t("docs.export")}
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                data-testid={d.archived ? "document-restore" : "document-archive"}
                disabled={busy}
                onClick={() => onArchive(d, !d.archived)}
              >
                {d.archived ? t("docs.restore") : t("docs.archive")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
