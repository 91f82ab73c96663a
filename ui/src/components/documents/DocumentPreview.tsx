// A document shown inside the app: an image through a blob: URL, or the first page of a PDF
// drawn by pdf.js. The bytes come from Rust (`document_preview`), which refuses other types and
// oversized files; the blob URL is revoked when the dialog closes.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import { renderFirstPage } from "../../pdfPreview";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Modal from "../Modal";
import "../../documents.css";


export interface PreviewTarget {
  id: number;
  file_name: string;
  mime: string;
}

interface Props {
  doc: PreviewTarget;
  onExport?: () => void;
  onClose: () => void;
}

const MAX_WIDTH = 800;

export default function DocumentPreview({ doc, onExport, onClose }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(true);
  const isPdf = doc.mime === "application/pdf";

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    api.documentPreview(doc.id).then(
      async (bytes) => {
        if (!live) return;
        try {
          if (isPdf) {
            const canvas = canvasRef.current;
            if (!canvas) return;
            // As wide as the dialog allows, so the page is read without scrolling sideways.
            const room = (canvas.parentElement?.clientWidth ?? MAX_WIDTH) - 24;
            const n = await renderFirstPage(bytes, canvas, Math.max(200, Math.min(MAX_WIDTH, room)));
            if (live) setPages(n);
          } else {
            url = URL.createObjectURL(new Blob([bytes], { type: doc.mime }));
            setImageUrl(url);
          }
        } catch {
          // A PDF pdf.js cannot draw (damaged, or a feature it refuses): offer the export.
          if (live) setFailed(true);
        } finally {
          if (live) setLoading(false);
        }
      },
      (e: unknown) => {
        if (!live) return;
        setError(handleError(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [doc.id, doc.mime, isPdf, handleError]);

  return (
    <Modal
      className="preview-modal"
      labelledBy="preview-title"
      testId="document-preview"
      data={{ "data-doc-id": doc.id, "data-state": loading ? "loading" : failed || error ? "failed" : "ready" }}
      onClose={onClose}
    >
        <div className="preview-head">
          <h2 id="preview-title" className="break">
            {doc.file_name}
          </h2>
          <button type="button" className="btn btn-ghost btn-small" data-testid="preview-close" onClick={onClose}>
            {t("docs.close")}
          </button>
        </div>
        <div className="preview-body">
          {loading && <p className="muted">{t("app.loading")}</p>}
          <ErrorBox error={error} />
          {failed && <p className="muted" data-testid="preview-failed">{t("docs.previewFailed")}</p>}
          {isPdf ? (
            <canvas ref={canvasRef} className="preview-page" data-testid="preview-canvas" hidden={failed || error !== null} />
          ) : (
            imageUrl && <img src={imageUrl} alt={doc.file_name} className="preview-image" data-testid="preview-image" />
          )}
        </div>
        <div className="preview-foot">
          {pages !== null && (
            <span className="muted" data-testid="preview-pages">
              {t("docs.previewPages", { n: pages })}
            </span>
          )}
          {onExport && (
            <button type="button" className="btn btn-secondary btn-small" data-testid="preview-export" onClick={onExport}>
              {t("docs.export")}
            </button>
          )}
        </div>
    </Modal>
  );
}
