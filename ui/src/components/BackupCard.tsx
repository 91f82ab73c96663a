// Settings: "Back up now" (optionally with its own password) and the automatic backup
// schedule. Rust shows the save dialog and the folder picker; the web view never holds a path
// it could write to, it only shows the folder and the last backup.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError } from "../api";
import type { BackupStatus } from "../bindings";
import { describeError, fieldError, ruleReason, type FieldErrors } from "../errors";
import { formatDateTime } from "../format";
import { useErrorHandler, useSession } from "../session";
import ErrorBox from "./ErrorBox";
import Field, { inputId } from "./Field";
import NewPasswordFields, { usePasswordPair } from "./NewPasswordFields";
import { wholeIn } from "../wholeNumber";

export default function BackupCard() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(
    () =>
      api.backupStatus().then(
        (s) => setStatus(s),
        (e: unknown) => setError(handleError(e)),
      ),
    [handleError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" data-testid="backup-card">
      <h2 className="section-title">{t("settings.backup")}</h2>
      <div className="stack">
        <p className="muted small">{t("settings.backupHelp")}</p>
        <BackupNow />
        <h3 className="h3">{t("settings.autoBackup")}</h3>
        <ErrorBox error={error} />
        {status && <Schedule status={status} onChanged={setStatus} />}
      </div>
    </section>
  );
}

function BackupNow() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [separate, setSeparate] = useState(false);
  const pair = usePasswordPair();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setWritten(null);
    setError(null);
    if (separate && !pair.ok) return;
    setBusy(true);
    try {
      const path = await api.backupNow(separate ? pair.password : null);
      if (path !== null) {
        setWritten(path);
        pair.clear();
        setSubmitted(false);
      }
    } catch (err) {
      setError(handleError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="backup-now-form">
      <label className="check">
        <input
          type="checkbox"
          data-testid="backup-separate"
          checked={separate}
          onChange={(e) => {
            setSeparate(e.target.checked);
            setSubmitted(false);
          }}
        />
        {t("settings.backupSeparate")}
      </label>
      <div className="field-hint">{t("settings.backupSeparateHelp")}</div>
      {separate && <NewPasswordFields kind="backup" pair={pair} submitted={submitted} />}
      <ErrorBox error={error} />
      {written && (
        <div className="alert alert-ok" role="status" data-testid="backup-written">
          <span className="break">{t("settings.backupDone", { path: written })}</span>
        </div>
      )}
      <div>
        <button type="submit" className="btn btn-primary" data-testid="backup-now" disabled={busy} aria-busy={busy}>
          {busy ? t("settings.backingUp") : t("settings.backupNow")}
        </button>
      </div>
    </form>
  );
}

function Schedule({ status, onChanged }: { status: BackupStatus; onChanged: (s: BackupStatus) => void }) {
  const { t } = useTranslation();
  const { status: app } = useSession();
  const handleError = useErrorHandler();
  const [enabled, setEnabled] = useState(status.settings.enabled);
  const [interval, setIntervalText] = useState(String(status.settings.interval_days));
  const [keep, setKeep] = useState(String(status.settings.keep));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const days = wholeIn(interval, 1, 30);
    const count = wholeIn(keep, 1, 100);
    const local: FieldErrors = {};
    const range = (min: number, max: number) => ({
      message: ruleReason(t, "range", { min: String(min), max: String(max) }),
      detail: null,
    });
    if (days === null) local.interval_days = range(1, 30);
    if (count === null) local.keep = range(1, 100);
    setFieldErrors(local);
    if (days === null || count === null) return;
    setBusy(true);
    try {
      onChanged(await api.backupScheduleSet(enabled, days, count));
      setSaved(true);
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "validation" && apiErr.field) setFieldErrors({ [apiErr.field]: fieldError(t, apiErr) });
      else setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  const pickFolder = async (useDefault: boolean) => {
    setError(null);
    setBusy(true);
    try {
      onChanged(await api.backupFolderPick(useDefault));
    } catch (err) {
      setError(handleError(err));
    } finally {
      setBusy(false);
    }
  };

  const failed = status.last_error ? describeError(t, new ApiError(status.last_error, "", null)).message : null;

  return (
    <form className="stack" onSubmit={save} noValidate data-testid="backup-schedule">
      {app.current === "demo" && <p className="field-hint">{t("settings.demoNoAutoBackup")}</p>}
      <p className="muted small">{t("settings.autoBackupHelp")}</p>
      <label className="check">
        <input
          type="checkbox"
          data-testid="backup-enabled"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked);
            setSaved(false);
          }}
        />
        {t("settings.autoBackupEnabled")}
      </label>
      <div className="inline">
        <Field field="interval_days" label={t("settings.every")} errors={fieldErrors}>
          <div className="inline">
            <input
              id={inputId("interval_days")}
              type="number"
              inputMode="numeric"
              min={1}
              max={30}
              className="input-narrow"
              data-testid="backup-interval"
              value={interval}
              onChange={(e) => {
                setIntervalText(e.target.value);
                setSaved(false);
              }}
            />
            <span>{t("settings.days")}</span>
          </div>
        </Field>
        <Field field="keep" label={t("settings.keepLast")} errors={fieldErrors}>
          <div className="inline">
            <input
              id={inputId("keep")}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              className="input-narrow"
              data-testid="backup-keep"
              value={keep}
              onChange={(e) => {
                setKeep(e.target.value);
                setSaved(false);
              }}
            />
            <span>{t("settings.backupsUnit")}</span>
          </div>
        </Field>
      </div>
      <div className="inline">
        <button type="submit" className="btn btn-secondary btn-small" data-testid="backup-schedule-save" disabled={busy}>
          {t("common.save")}
        </button>
        {saved && (
          <span className="ok-text" role="status" data-testid="backup-schedule-saved">
            {t("common.saved")}
          </span>
        )}
      </div>
      <dl className="info-grid">
        <div className="info-item span-all">
          <dt>{t("settings.backupFolder")}</dt>
          <dd className="mono break" data-testid="backup-folder">
            {status.folder}
          </dd>
          <div className="inline">
            <button type="button" className="link-button" data-testid="backup-choose-folder" disabled={busy} onClick={() => void pickFolder(false)}>
              {t("settings.chooseFolder")}
            </button>
            {status.settings.folder !== null && (
              <button type="button" className="link-button" data-testid="backup-default-folder" disabled={busy} onClick={() => void pickFolder(true)}>
                {t("settings.defaultFolder")}
              </button>
            )}
          </div>
        </div>
        <div className="info-item span-all">
          <dt>{t("settings.lastBackup")}</dt>
          <dd data-testid="backup-last" data-last={status.last_backup_at ?? ""}>
            {status.last_backup_at ? formatDateTime(status.last_backup_at) : t("settings.never")}
            {status.due && status.settings.enabled && <span className="muted"> · {t("settings.backupDue")}</span>}
          </dd>
          {status.last_backup_file && <dd className="mono break small muted">{status.last_backup_file}</dd>}
        </div>
      </dl>
      {failed && (
        <div className="alert alert-warn" role="status" data-testid="backup-failed">
          {t("settings.backupFailed", { reason: failed })}
        </div>
      )}
      <ErrorBox error={error} />
    </form>
  );
}
