// Closing the loop on a problem the client raised (闭环, issue 16): what was done, in a note the
// officer must write, and optionally the touchpoint at which the client was told. The problem
// stays open until this is saved; nothing is written on cancel.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Touchpoint } from "../../bindings";
import { fieldError, type FieldErrors } from "../../errors";
import { CHANNEL_KEY } from "../../labels";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import Field, { inputId } from "../Field";
import Modal from "../Modal";

interface Props {
  problemId: number;
  clientId: number;
  clientName: string;
  /** The category's label and what the client said, when the caller has them. */
  summary?: string;
  onResolved: () => void;
  onCancel: () => void;
}

const TOUCHPOINTS_SHOWN = 10;

export default function ResolveProblemDialog({ problemId, clientId, clientName, summary, onResolved, onCancel }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [note, setNote] = useState("");
  const [touchpointId, setTouchpointId] = useState("");
  const [touchpoints, setTouchpoints] = useState<Touchpoint[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.clientGet(clientId).then(
      (d) => live && setTouchpoints(d.touchpoints.slice(0, TOUCHPOINTS_SHOWN)),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [clientId, handleError]);

  const save = async () => {
    if (note.trim() === "") {
      setErrors({ note: { message: t("resolve.noteRequired"), detail: null } });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.problemResolve(problemId, note.trim(), touchpointId === "" ? null : Number(touchpointId));
      onResolved();
    } catch (e) {
      const apiErr = handleError(e);
      if (apiErr?.code === "validation" && apiErr.field) setErrors({ [apiErr.field]: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy="resolve-title" testId="resolve-dialog" onClose={onCancel}>
      <h2 id="resolve-title">{t("resolve.title")}</h2>
      <p>
        <strong>{clientName}</strong>
        {summary && <span className="muted"> · {summary}</span>}
      </p>
      <ErrorBox error={error} />
      <Field field="note" label={t("resolve.note")} errors={errors} required hint={t("resolve.noteHint")}>
        <textarea
          id={inputId("note")}
          data-testid="resolve-note"
          rows={3}
          aria-invalid={errors.note ? true : undefined}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <Field field="touchpoint_id" label={t("resolve.touchpoint")} errors={errors}>
        <select id={inputId("touchpoint_id")} data-testid="resolve-touchpoint" value={touchpointId} onChange={(e) => setTouchpointId(e.target.value)}>
          <option value="">{t("resolve.noTouchpoint")}</option>
          {touchpoints.map((tp) => (
            <option key={tp.id} value={tp.id}>
              {tp.date} · {t(CHANNEL_KEY[tp.channel])} · {tp.summary.length > 40 ? `${tp.summary.slice(0, 40)}…` : tp.summary}
            </option>
          ))}
        </select>
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="resolve-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn btn-primary" data-testid="resolve-confirm" disabled={busy} onClick={() => void save()}>
          {t("resolve.confirm")}
        </button>
      </div>
    </Modal>
  );
}
