// The officer's review of a licence read by OCR: the page with the boxes found drawn over it,
// and per field the proposed value (correctable) beside the client's current one, with how sure
// the reading is. Only the fields ticked are applied; nothing is stored here (the caller saves
// the client through the ordinary update, or fills the new-client form).
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { AcceptedField, LicenceField, LicenceReview, OcrBox } from "../../bindings";
import Modal from "../Modal";
import "../../ocr.css";

interface Props {
  review: LicenceReview;
  busy?: boolean;
  onApply: (accepted: AcceptedField[]) => void;
  onClose: () => void;
}

/** Below this the value is marked for a closer look. */
const LOW_CONFIDENCE = 0.85;

function percent(c: number | null): string {
  return c === null ? "–" : `${Math.round(c * 100)} %`;
}

function points(b: OcrBox): string {
  return b.quad.map(([x, y]) => `${x},${y}`).join(" ");
}

export default function LicenceReviewDialog({ review, busy, onApply, onClose }: Props) {
  const { t } = useTranslation();
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  // Ticked by default where the client has nothing yet or the value differs; the officer decides.
  const [accepted, setAccepted] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(review.fields.map((f) => [f.field, f.current !== f.proposed])),
  );
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(review.fields.map((f) => [f.field, f.proposed])),
  );

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    api.ocrPageImage().then(
      (bytes) => {
        if (!live) return;
        // The file as picked (PNG or JPEG), or a JPEG Rust made of another page.
        const png = new Uint8Array(bytes, 0, Math.min(1, bytes.byteLength))[0] === 0x89;
        url = URL.createObjectURL(new Blob([bytes], { type: png ? "image/png" : "image/jpeg" }));
        setImageUrl(url);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, []);

  const chosen = review.fields.filter((f) => accepted[f.field]);
  const apply = () => onApply(chosen.map((f) => ({ field: f.field, value: values[f.field] ?? f.proposed })));
  const all = () => setAccepted(Object.fromEntries(review.fields.map((f) => [f.field, true])));
  const codeState = review.credit_code_valid ? (review.credit_code_repaired ? "repaired" : "valid") : "invalid";
  const hasCode = review.fields.some((f) => f.field === "credit_code");

  return (
    <Modal labelledBy="licence-review-title" testId="licence-review" className="licence-modal" onClose={onClose}>
      <div className="preview-head">
        <h2 id="licence-review-title">{t("ocr.licenceTitle")}</h2>
        <button type="button" className="btn btn-ghost btn-small" data-testid="licence-review-close" onClick={onClose}>
          {t("docs.close")}
        </button>
      </div>
      <p className="muted small">{t("ocr.licenceHint")}</p>
      <div className="licence-review">
        <figure className="ocr-page">
          <div className="ocr-frame" style={{ aspectRatio: `${review.page_width} / ${review.page_height}` }}>
            {imageUrl && <img src={imageUrl} alt={t("ocr.pageAlt")} data-testid="ocr-page-image" />}
            <svg viewBox={`0 0 ${review.page_width} ${review.page_height}`} preserveAspectRatio="none" aria-hidden="true" data-testid="ocr-boxes">
            {review.boxes.map((b, i) => (
              <polygon key={i} points={points(b)} className={b.score < LOW_CONFIDENCE ? "ocr-box low" : "ocr-box"} />
            ))}
            </svg>
          </div>
          <figcaption className="muted small">{t("ocr.boxesFound", { n: review.boxes.length })}</figcaption>
        </figure>
        <div className="licence-fields">
          {review.fields.length === 0 ? (
            <p className="muted" data-testid="licence-nothing">
              {t("ocr.nothingFound")}
            </p>
          ) : (
            <table className="simple-table licence-table" data-testid="licence-fields">
              <thead>
                <tr>
                  <th>
                    <span className="sr-only">{t("ocr.colAccept")}</span>
                  </th>
                  <th>{t("ocr.colField")}</th>
                  <th>{t("ocr.colProposed")}</th>
                  <th>{t("ocr.colCurrent")}</th>
                  <th className="num">{t("ocr.colConfidence")}</th>
                </tr>
              </thead>
              <tbody>
                {review.fields.map((f) => {
                  const key: LicenceField = f.field;
                  const low = f.confidence !== null && f.confidence < LOW_CONFIDENCE;
                  const long = key === "business_scope" || key === "address";
                  return (
                    <tr key={key} data-testid="licence-field" data-field={key}>
                      <td>
                        <input
                          type="checkbox"
                          id={`accept-${key}`}
                          data-testid={`accept-${key}`}
                          checked={accepted[key] ?? false}
                          onChange={(e) => setAccepted({ ...accepted, [key]: e.target.checked })}
                        />
                      </td>
                      <td>
                        <label htmlFor={`accept-${key}`}>{t(`licenceField.${key}`)}</label>
                        {key === "credit_code" && (
                          <div>
                            <span className={codeState === "invalid" ? "tag tag-danger" : codeState === "repaired" ? "tag tag-warn" : "tag tag-ok"} data-testid="credit-code-state" data-state={codeState}>
                              {t(`ocr.code.${codeState}`)}
                            </span>
                          </div>
                        )}
                      </td>
                      <td>
                        {long ? (
                          <textarea
                            rows={key === "business_scope" ? 3 : 2}
                            data-testid={`proposed-${key}`}
                            aria-label={t(`licenceField.${key}`)}
                            value={values[key] ?? ""}
                            onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                          />
                        ) : (
                          <input
                            data-testid={`proposed-${key}`}
                            aria-label={t(`licenceField.${key}`)}
                            className={key === "credit_code" ? "mono" : undefined}
                            value={values[key] ?? ""}
                            onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                          />
                        )}
                      </td>
                      <td className={f.current ? "break" : "muted"}>
                        <span data-testid={`current-${key}`}>{f.current ?? t("common.notSet")}</span>
                        {f.current === (values[key] ?? f.proposed) && (
                          <span className="tag tag-ok same" data-testid={`same-${key}`}>
                            {t("ocr.same")}
                          </span>
                        )}
                      </td>
                      <td className={low ? "num ocr-low" : "num"} data-testid={`confidence-${key}`}>
                        {percent(f.confidence)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {hasCode && !review.credit_code_valid && (
            <p className="alert alert-error small" data-testid="credit-code-invalid">
              {t("ocr.codeInvalidHint")}
            </p>
          )}
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="licence-accept-all" disabled={busy || review.fields.length === 0} onClick={all}>
          {t("ocr.acceptAll")}
        </button>
        <button type="button" className="btn btn-secondary" data-testid="licence-cancel" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="licence-apply" disabled={busy || chosen.length === 0} onClick={apply}>
          {t("ocr.apply", { n: chosen.length })}
        </button>
      </div>
    </Modal>
  );
}
