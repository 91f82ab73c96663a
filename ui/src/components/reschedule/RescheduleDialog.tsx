// The frame every schedule change shares: the officer's inputs, a live preview from the core
// (nothing saved), and a confirm that saves exactly what was previewed.
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api";
import type { LoanView, ScheduleChange } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { useErrorHandler } from "../../session";
import { useDebounced } from "../../useDebounced";
import ErrorBox from "../ErrorBox";
import Modal from "../Modal";
import ScheduleChangeView from "./ScheduleChangeView";

export interface ChangeRequest {
  /** Same key, same request: the preview is asked again only when it changes. */
  key: string;
  preview: () => Promise<ScheduleChange>;
  commit: () => Promise<LoanView>;
}

interface Props {
  title: string;
  testId: string;
  currency: string;
  confirmLabel: string;
  /** Null while the inputs are incomplete. */
  request: ChangeRequest | null;
  /** The core's field names this dialog has inputs for; an error on another field shows below. */
  fields: string[];
  /** Field errors from the core, shown beside the inputs. */
  onFieldErrors: (errors: FieldErrors) => void;
  onDone: (loan: LoanView) => void;
  onCancel: () => void;
  children: ReactNode;
}

export default function RescheduleDialog(props: Props) {
  const { title, testId, currency, confirmLabel, request, fields, onFieldErrors, onDone, onCancel, children } = props;
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [preview, setPreview] = useState<{ key: string; change: ScheduleChange } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useDebounced(request?.key ?? "", 250);

  const report = (err: unknown) => {
    const apiErr = handleError(err);
    if (apiErr?.code === "validation" && apiErr.field && fields.includes(apiErr.field)) {
      onFieldErrors({ [apiErr.field]: fieldError(t, apiErr) });
      setError(null);
    } else {
      setError(apiErr);
    }
  };

  useEffect(() => {
    if (!request || request.key !== key) return;
    let live = true;
    request.preview().then(
      (change) => {
        if (!live) return;
        setPreview({ key, change });
        setError(null);
        onFieldErrors({});
      },
      (err: unknown) => {
        if (!live) return;
        setPreview(null);
        report(err);
      },
    );
    return () => {
      live = false;
    };
    // The request object is new on every render; its key says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const current = preview && request && preview.key === request.key ? preview.change : null;
  const confirm = async () => {
    if (!request || !current) return;
    setBusy(true);
    try {
      onDone(await request.commit());
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal className="modal-wide" labelledBy={`${testId}-title`} testId={testId} onClose={onCancel}>
        <h2 id={`${testId}-title`}>{title}</h2>
        <div className="reschedule-inputs">{children}</div>
        {current ? (
          <ScheduleChangeView change={current} currency={currency} />
        ) : (
          <p className="muted" data-testid="change-waiting">
            {request ? t("reschedule.computing") : t("reschedule.fillIn")}
          </p>
        )}
        <ErrorBox error={error} />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" data-testid="change-cancel" onClick={onCancel}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="change-confirm"
            disabled={busy || !current}
            aria-busy={busy}
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
        </div>
    </Modal>
  );
}
