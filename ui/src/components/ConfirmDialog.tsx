// An in-app confirmation: the webview's window.confirm is not dependable across platforms.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import Modal from "./Modal";

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

export default function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel, busy }: Props) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);

  // Focus the safe choice, so a stray Enter does not confirm.
  useEffect(() => cancelRef.current?.focus(), []);

  return (
    <Modal role="alertdialog" labelledBy="confirm-title" describedBy="confirm-message" testId="confirm-dialog" onClose={onCancel}>
        <h2 id="confirm-title">{title}</h2>
        <p id="confirm-message">{message}</p>
        <div className="form-actions">
          <button ref={cancelRef} type="button" className="btn btn-secondary" data-testid="confirm-cancel" onClick={onCancel}>
            {t("common.cancel")}
          </button>
          <button type="button" className="btn btn-danger" data-testid="confirm-ok" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
    </Modal>
  );
}
