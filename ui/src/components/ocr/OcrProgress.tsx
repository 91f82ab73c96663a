// While a page is being read: the share done (from Rust's `ocr-progress` events; the first use
// of a session loads the models first) and Cancel, which stops the reading between two model
// runs. Shown as a small dialog over the screen that asked.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { listen } from "@tauri-apps/api/event";
import { api } from "../../api";
import Modal from "../Modal";
import "../../ocr.css";

interface Progress {
  stage: "loading" | "reading";
  percent: number;
}

export default function OcrProgress() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    const stop = listen<Progress>("ocr-progress", (e) => setProgress(e.payload));
    return () => void stop.then((f) => f());
  }, []);

  const cancel = () => {
    setCancelling(true);
    void api.ocrCancel();
  };

  const label = cancelling
    ? t("ocr.cancelling")
    : progress?.stage === "reading"
      ? t("ocr.reading", { percent: progress.percent })
      : progress?.stage === "loading"
        ? t("ocr.loading")
        : t("ocr.starting");

  return (
    <Modal labelledBy="ocr-progress-title" testId="ocr-progress" className="ocr-progress-modal" onClose={cancel}>
      <h2 id="ocr-progress-title" className="section-title">
        {t("ocr.progressTitle")}
      </h2>
      <div className="ocr-progress" role="status">
        <progress max={100} value={progress?.stage === "reading" ? progress.percent : undefined} />
        <span className="muted" data-testid="ocr-progress-label">
          {label}
        </span>
      </div>
      <div className="form-actions">
        <button type="button" className="btn" data-testid="ocr-cancel" disabled={cancelling} onClick={cancel}>
          {t("common.cancel")}
        </button>
      </div>
    </Modal>
  );
}
