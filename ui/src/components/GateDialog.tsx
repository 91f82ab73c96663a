// The refused stage gate: which required items are open, and the override form (a written
// reason, kept for good by the backend). Shared by the client's journey panel and the board.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api";
import ErrorBox from "./ErrorBox";
import "../journey.css";

interface Props {
  name?: string;
  /** Open required items, as labels in the UI language. */
  labels: string[];
  busy: boolean;
  error: ApiError | null;
  onOverride: (reason: string) => void;
  onCancel: () => void;
}

export default function GateDialog({ name, labels, busy, error, onOverride, onCancel }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const empty = reason.trim() === "";
  return (
    <div className="gate-box" role="alert" data-testid="gate-refused">
      <strong>
        {t("journey.gateTitle")}
        {name ? ` — ${name}` : ""}
      </strong>
      <p className="small">{t("journey.gateRefused")}</p>
      <ul className="gate-list" data-testid="gate-items">
        {labels.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!empty) onOverride(reason.trim());
        }}
      >
        <label className="field-label" htmlFor="override-reason">
          {t("journey.overrideReason")}
        </label>
        <p className="field-hint small">{t("journey.overrideHelp")}</p>
        <textarea
          id="override-reason"
          data-testid="override-reason"
          value={reason}
          maxLength={1000}
          onChange={(e) => setReason(e.target.value)}
        />
        {tried && empty && <div className="field-error">{t("journey.reasonRequired")}</div>}
        <ErrorBox error={error} testId="gate-error" />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" data-testid="override-cancel" onClick={onCancel}>
            {t("journey.cancel")}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="override-submit" disabled={busy}>
            {t("journey.overrideSubmit")}
          </button>
        </div>
      </form>
    </div>
  );
}
