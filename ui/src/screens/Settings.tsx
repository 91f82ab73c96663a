// Settings in sections with an index on the left (issue 19): the officer, language and amount
// units, security, the vault and backups, credit rules, collateral, servicing, documents and the
// client journey. The index jumps to a section and marks the one in view.
import { Children, useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { AmountScreen, VaultReport } from "../bindings";
import BackupCard from "../components/BackupCard";
import ErrorBox from "../components/ErrorBox";
import Field, { inputId } from "../components/Field";
import BankOfficerCard from "../components/BankOfficerCard";
import CreditThresholdsCard from "../components/CreditThresholdsCard";
import CapitalTableCard from "../components/project_model/CapitalTableCard";
import DocumentLimitCard from "../components/DocumentLimitCard";
import CadenceCard from "../components/settings/CadenceCard";
import ClientVoiceSettingsCard from "../components/settings/ClientVoiceSettingsCard";
import LostReasonsEditor from "../components/settings/LostReasonsEditor";
import StuckDaysCard from "../components/settings/StuckDaysCard";
import TemplateEditor from "../components/settings/TemplateEditor";
import "../components/settings/settings.css";
import PenaltyTemplateCard from "../components/loans/PenaltyTemplateCard";
import HolidayCalendarCard from "../components/loans/HolidayCalendarCard";
import WorkingDaysCard from "../components/loans/WorkingDaysCard";
import LprCard from "../components/reschedule/LprCard";
import SecuritySettingsCard from "../components/security/SecuritySettingsCard";
import NewPasswordFields, { usePasswordPair } from "../components/NewPasswordFields";
import UnitSwitch from "../components/UnitSwitch";
import { fieldError, type FieldErrors } from "../errors";
import { LANGUAGES, isLanguage } from "../i18n";
import { useSetLanguage } from "../language";
import { useErrorHandler, useSession } from "../session";
import { useSave } from "../useSave";
import { wholeIn } from "../wholeNumber";

export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 240;


/** Settings in groups of sections, in the order of the index; each section has one save at most. */
const GROUPS = [
  ["personal", ["officer", "display"]],
  ["data", ["security", "vault", "documents"]],
  ["lending", ["credit", "projectFinance", "collateral", "loanTerms", "rates", "calendar"]],
  ["journey", ["checklists", "followUp", "stuck", "clientVoice", "lostReasons"]],
] as const;
type SectionId = (typeof GROUPS)[number][1][number];
const SECTIONS: readonly SectionId[] = GROUPS.flatMap(([, ids]) => ids);

export default function Settings() {
  const { t } = useTranslation();
  return (
    <section className="screen settings" data-testid="settings-screen">
      <div className="screen-head">
        <h1>{t("settings.title")}</h1>
      </div>
      <div className="settings-layout">
        <SettingsIndex />
        <div className="settings-sections">
          <SettingsSection id="officer">
            <BankOfficerCard />
          </SettingsSection>
          <SettingsSection id="display" hint={t("units.savedOnChange")}>
            <LanguageCard />
            <AmountUnitsCard />
          </SettingsSection>
          <SettingsSection id="security">
            <AutoLockCard />
            <PasswordCard />
          </SettingsSection>
          <SettingsSection id="vault">
            <VaultCard />
            <BackupCard />
          </SettingsSection>
          <SettingsSection id="documents">
            <DocumentLimitCard />
          </SettingsSection>
          <SettingsSection id="credit">
            <CreditThresholdsCard />
          </SettingsSection>
          <SettingsSection id="projectFinance">
            <CapitalTableCard />
          </SettingsSection>
          <SettingsSection id="collateral">
            <SecuritySettingsCard />
          </SettingsSection>
          <SettingsSection id="loanTerms">
            <PenaltyTemplateCard />
          </SettingsSection>
          <SettingsSection id="rates">
            <LprCard />
          </SettingsSection>
          <SettingsSection id="calendar">
            <HolidayCalendarCard />
            <WorkingDaysCard />
          </SettingsSection>
          <SettingsSection id="checklists" wide>
            <TemplateEditor />
          </SettingsSection>
          <SettingsSection id="followUp">
            <CadenceCard />
          </SettingsSection>
          <SettingsSection id="stuck">
            <StuckDaysCard />
          </SettingsSection>
          <SettingsSection id="clientVoice">
            <ClientVoiceSettingsCard />
          </SettingsSection>
          <SettingsSection id="lostReasons" wide>
            <LostReasonsEditor />
          </SettingsSection>
        </div>
      </div>
    </section>
  );
}

function SettingsSection({ id, hint, wide, children }: { id: SectionId; hint?: string; wide?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section id={`settings-${id}`} className="settings-section" data-testid={`settings-section-${id}`} data-section={id} aria-label={t(`units.section.${id}`)}>
      {/* A section of one card is that card (its own title says it); several get a heading. */}
      {Children.count(children) > 1 && (
        <div className="settings-section-head">
          <h2 className="settings-part-title">{t(`units.section.${id}`)}</h2>
          {hint && <span className="muted small">{hint}</span>}
        </div>
      )}
      <div className={wide ? undefined : "settings-grid"}>{children}</div>
    </section>
  );
}

/**
 * The index: jumps to a section and marks the one in view. The mark is this component's own
 * state, so scrolling re-renders the index alone, never the cards (a re-render while a box is
 * being edited would put React's value back into it).
 */
function SettingsIndex() {
  const { t } = useTranslation();
  const active = useActiveSection();
  const jump = (id: SectionId) => document.getElementById(`settings-${id}`)?.scrollIntoView({ block: "start" });
  return (
    <nav className="settings-index" aria-label={t("units.settingsIndex")} data-testid="settings-index">
      {GROUPS.map(([group, ids]) => (
        <div key={group} className="settings-index-group" role="group" aria-labelledby={`settings-group-${group}`}>
          <div id={`settings-group-${group}`} className="settings-index-group-title">
            {t(`units.group.${group}`)}
          </div>
          {ids.map((id) => (
            <button
              key={id}
              type="button"
              className={active === id ? "settings-index-item active" : "settings-index-item"}
              aria-current={active === id ? "true" : undefined}
              data-testid={`settings-index-${id}`}
              onClick={() => jump(id)}
            >
              {t(`units.section.${id}`)}
            </button>
          ))}
        </div>
      ))}
    </nav>
  );
}

/** The section at the top of the scrolled settings: marked in the index as the officer scrolls. */
function useActiveSection(): SectionId {
  const [active, setActive] = useState<SectionId>("officer");
  useEffect(() => {
    const sections = Array.from(document.querySelectorAll<HTMLElement>(".settings-section"));
    const root = sections[0]?.closest<HTMLElement>(".content") ?? null;
    const seen = new Map<string, boolean>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) seen.set((e.target as HTMLElement).dataset.section ?? "", e.isIntersecting);
        const first = SECTIONS.find((id) => seen.get(id));
        if (first) setActive(first);
      },
      // A section counts once it reaches the top third of the view.
      { root, rootMargin: "0px 0px -66% 0px" },
    );
    sections.forEach((s) => observer.observe(s));
    return () => observer.disconnect();
  }, []);
  return active;
}

/** The unit each screen shows amounts in, changed here or on the screen itself; saved at once. */
function AmountUnitsCard() {
  const { t } = useTranslation();
  const screens: readonly AmountScreen[] = ["board", "clients", "portfolio", "loans", "statements", "pdf"];
  return (
    <section className="card" data-testid="amount-units-card">
      <h2 className="section-title">{t("units.title")}</h2>
      <p className="muted small">{t("units.help")}</p>
      <dl className="unit-rows">
        {screens.map((screen) => (
          <div key={screen} className="unit-row">
            <dt>{t(`units.screen.${screen}`)}</dt>
            <dd>
              <UnitSwitch screen={screen} />
            </dd>
          </div>
        ))}
      </dl>
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
