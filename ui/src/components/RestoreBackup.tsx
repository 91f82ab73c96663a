// The unlock screen's "Restore from a backup": pick the file (Rust's dialog; only its name comes
// back), give the backup's password, and say plainly what happens to the current vault before
// anything changes. The backend checks the whole backup first and never overwrites a vault.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import { toApiError } from "../errors";
import ConfirmDialog from "./ConfirmDialog";
import ErrorBox from "./ErrorBox";

interface Props {
  /** Whether a vault exists that the restore would set aside. */
  vaultExists: boolean;
  onCancel: () => void;
  onRestored: () => Promise<void>;
}

export default function RestoreBackup({ vaultExists, onCancel, onRestored }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Set once restored: where the previous vault was kept (null if there was none).
  const [done, setDone] = useState<{ aside: string | null } | null>(null);

  const pick = async () => {
    setError(null);
    setBusy(true);
    try {
      const name = await api.restorePick();
      if (name !== null) setFile(name);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      const aside = await api.restoreRun(password);
      setPassword("");
      setDone({ aside });
    } catch (e) {
      setError(toApiError(e));
      setPassword("");
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file === null || password === "" || busy) return;
    if (vaultExists) setConfirming(true);
    else void restore();
  };

  if (done) {
    return (
      <div className="stack" data-testid="restore-done">
        <h2>{t("unlock.restoreTitle")}</h2>
        <div className="alert alert-ok" role="status">
          {t("unlock.restored")}
        </div>
        {done.aside && (
          <p className="small break" data-testid="restore-aside">
            {t("unlock.restoredAside", { path: done.aside })}
          </p>
        )}
        <button type="button" className="btn btn-primary btn-block" data-testid="restore-continue" onClick={() => void onRestored()}>
          {t("unlock.continue")}
        </button>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="restore-form">
      <h2>{t("unlock.restoreTitle")}</h2>
      <p className="muted small">{t("unlock.restoreIntro")}</p>
      <div className="field">
        <span className="field-label">{t("unlock.backupFile")}</span>
        <div className="inline">
          <button type="button" className="btn btn-secondary" data-testid="restore-pick" disabled={busy} onClick={() => void pick()}>
            {t("unlock.chooseBackup")}
          </button>
          {file && (
            <span className="mono break" data-testid="restore-file">
              {file}
            </span>
          )}
        </div>
      </div>
      {file && (
        <>
          <label className="field">
            <span className="field-label">{t("unlock.backupPassword")}</span>
            <input
              type="password"
              data-testid="restore-password"
              autoComplete="current-password"
              autoFocus
              disabled={busy}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error?.code === "wrong_password"}
            />
            <span className="field-hint">{t("unlock.backupPasswordHelp")}</span>
          </label>
          <div className={vaultExists ? "alert alert-warn" : "field-hint"} data-testid="restore-consequence">
            {vaultExists ? t("unlock.restoreReplaces") : t("unlock.restoreNoVault")}
          </div>
        </>
      )}
      <ErrorBox error={error} />
      <button
        type="submit"
        className="btn btn-primary btn-block"
        data-testid="restore-submit"
        disabled={busy || file === null || password === ""}
        aria-busy={busy}
      >
        {busy && file !== null ? t("unlock.restoring") : t("unlock.restoreSubmit")}
      </button>
      <button type="button" className="link-button" data-testid="restore-cancel" disabled={busy} onClick={onCancel}>
        {t("unlock.backToUnlock")}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t("unlock.restoreConfirmTitle")}
          message={t("unlock.restoreConfirm")}
          confirmLabel={t("unlock.restoreSubmit")}
          onConfirm={() => void restore()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </form>
  );
}
