// Language, the officer's name, auto-lock, password change and what is in the vault; below them
// the client-journey settings (templates, cadence, stuck threshold, lost reasons).
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { VaultReport } from "../bindings";
import BackupCard from "../components/BackupCard";
import ErrorBox from "../components/ErrorBox";
import Field, { inputId } from "../components/Field";
import BankOfficerCard from "../components/BankOfficerCard";
import CreditThresholdsCard from "../components/CreditThresholdsCard";
import CapitalTableCard from "../components/project_model/CapitalTableCard";
import DocumentLimitCard from "../components/DocumentLimitCard";
import JourneySettings from "../components/settings/JourneySettings";
import PenaltyTemplateCard from "../components/loans/PenaltyTemplateCard";
import HolidayCalendarCard from "../components/loans/HolidayCalendarCard";
import WorkingDaysCard from "../components/loans/WorkingDaysCard";
import LprCard from "../components/reschedule/LprCard";
import SecuritySettingsCard from "../components/security/SecuritySettingsCard";
import NewPasswordFields, { usePasswordPair } from "../components/NewPasswordFields";
import { fieldError, type FieldErrors } from "../errors";
import { LANGUAGES, isLanguage } from "../i18n";
import { useSetLanguage } from "../language";
import { useErrorHandler, useSession } from "../session";
import { useSave } from "../useSave";
import { wholeIn } from "../wholeNumber";

export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 240;


export default function Settings() {
  const { t } = useTranslation();
  return (
    <section className="screen settings" data-testid="settings-screen">
      <div className="screen-head">
        <h1>{t("settings.title")}</h1>
      </div>
      <div className="settings-grid">
        <LanguageCard />
        <BankOfficerCard />
        <CreditThresholdsCard />
        <DocumentLimitCard />
        <AutoLockCard />
        <PasswordCard />
        <VaultCard />
        <BackupCard />
        <HolidayCalendarCard />
        <WorkingDaysCard />
        <PenaltyTemplateCard />
        <LprCard />
        <SecuritySettingsCard />
        <CapitalTableCard />
      </div>
      <JourneySettings />
    </section>
  );
}

function LanguageCard() {
  const { t, i18n } = useTranslation();
  const setLanguage = useSetLanguage();
  return (
    <section className="card">
      <h2 className="section-title">{t("settings.language")}</h2>
      <div className="field">
        <select
          data-testid="language-select"
          aria-label={t("settings.language")}
          value={i18n.language}
          onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
        <div className="field-hint">{t("settings.languageHelp")}</div>
      </div>
    </section>
  );
}

function AutoLockCard() {
  const { t } = useTranslation();
  const { status, setAutoLockMinutes } = useSession();
  const { saving, saved, setSaved, error, setError, fieldErrors, setFieldErrors, save } = useSave();
  const [text, setText] = useState(String(status.auto_lock_minutes));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const minutes = wholeIn(text, AUTO_LOCK_MIN, AUTO_LOCK_MAX);
    if (minutes === null) {
      setFieldErrors({ auto_lock_minutes: { message: t("settings.autoLockRange"), detail: null } });
      return;
    }
    await save(async () => {
      await api.setAutoLockMinutes(minutes);
      setAutoLockMinutes(minutes);
    }, "auto_lock_minutes");
  };

  return (
    <section className="card">
      <h2 className="section-title">{t("settings.autoLock")}</h2>
      <form onSubmit={submit} noValidate>
        <Field field="auto_lock_minutes" label={t("fields.autoLockMinutes")} errors={fieldErrors} hint={t("settings.autoLockHelp")}>
          <div className="inline">
            <input
              id={inputId("auto_lock_minutes")}
              type="number"
              inputMode="numeric"
              min={AUTO_LOCK_MIN}
              max={AUTO_LOCK_MAX}
              step={1}
              className="input-narrow"
              data-testid="auto-lock-minutes"
              value={text}
              aria-invalid={fieldErrors.auto_lock_minutes ? true : undefined}
              onChange={(e) => {
                setText(e.target.value);
                setSaved(false);
              }}
            />
            <span>{t("settings.minutes")}</span>
            <button type="submit" className="btn btn-primary" data-testid="save-auto-lock" disabled={saving} aria-busy={saving}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
            {saved && (
              <span className="ok-text" role="status" data-testid="auto-lock-saved">
                {t("common.saved")}
              </span>
            )}
          </div>
        </Field>
      </form>
      <ErrorBox error={error} />
    </section>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [oldPassword, setOldPassword] = useState("");
  const pair = usePasswordPair();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const oldRef = useRef<HTMLInputElement>(null);


  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setDone(false);
    if (oldPassword === "" || !pair.ok) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await api.vaultChangePassword(oldPassword, pair.password);
      setOldPassword("");
      pair.clear();
      setSubmitted(false);
      setDone(true);
    } catch (err) {
      const apiErr = handleError(err);
      if (apiErr?.code === "wrong_password") {
        setOldPassword("");
        setError(apiErr);
        window.setTimeout(() => oldRef.current?.focus(), 0);
      } else if (apiErr?.code === "validation") {
        setFieldErrors({ password: fieldError(t, apiErr) });
      } else {
        setError(apiErr);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <h2 className="section-title">{t("settings.changePassword")}</h2>
      <form className="stack" onSubmit={submit} noValidate data-testid="change-password-form">
        <Field field="old_password" label={t("settings.oldPassword")} errors={{}}>
          <input
            ref={oldRef}
            id={inputId("old_password")}
            type="password"
            autoComplete="current-password"
            data-testid="old-password"
            value={oldPassword}
            aria-invalid={(submitted && oldPassword === "") || error?.code === "wrong_password" ? true : undefined}
            onChange={(e) => setOldPassword(e.target.value)}
          />
        </Field>
        <NewPasswordFields kind="change" pair={pair} submitted={submitted} errors={fieldErrors} />
        <ErrorBox error={error} />
        {done && (
          <div className="alert alert-ok" role="status" data-testid="password-changed">
            {t("settings.passwordChanged")}
          </div>
        )}
        <div>
          <button type="submit" className="btn btn-primary" data-testid="change-password-submit" disabled={busy} aria-busy={busy}>
            {busy ? t("settings.changing") : t("settings.changePasswordSubmit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function VaultCard() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [report, setReport] = useState<VaultReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(true);

  const verify = useCallback(
    () =>
      api
        .vaultVerify()
        .then(
          (r) => {
            setReport(r);
            setError(null);
          },
          (e: unknown) => setError(handleError(e)),
        )
        .finally(() => setBusy(false)),
    [handleError],
  );

  useEffect(() => {
    void verify();
  }, [verify]);

  const rows: [string, string | number][] = report
    ? [
        [t("settings.countClients"), report.clients],
        [t("settings.countArchived"), report.archived_clients],
        [t("settings.countContacts"), report.contacts],
        [t("settings.countTouchpoints"), report.touchpoints],
        [t("settings.countAudit"), report.audit_entries],
      ]
    : [];

  return (
    <section className="card" data-testid="vault-info">
      <h2 className="section-title">{t("settings.vaultInfo")}</h2>
      <ErrorBox error={error} />
      {report && (
        <dl className="info-grid">
          <div className="info-item span-all">
            <dt>{t("settings.path")}</dt>
            <dd className="mono break" data-testid="vault-path">
              {report.path}
            </dd>
          </div>
          <div className="info-item">
            <dt>{t("settings.schemaVersion")}</dt>
            <dd data-testid="vault-schema">{report.schema_version}</dd>
          </div>
          <div className="info-item">
            <dt>{t("settings.integrity")}</dt>
            <dd data-testid="vault-integrity" data-ok={report.integrity_ok} className={report.integrity_ok ? "ok-text" : "error-text"}>
              {report.integrity_ok ? t("settings.integrityOk") : t("settings.integrityBad")}
            </dd>
          </div>
          {!report.integrity_ok && report.problems.length > 0 && (
            <div className="info-item span-all">
              <ul className="problems">
                {report.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {rows.map(([label, value]) => (
            <div key={label} className="info-item">
              <dt>{label}</dt>
              <dd className="num">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        data-testid="verify-vault"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void verify();
        }}
      >
        {busy ? t("settings.verifying") : t("settings.verify")}
      </button>
    </section>
  );
}
