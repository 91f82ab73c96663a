// First start (create a vault or look at the demo) and every unlock after a lock.
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { AppStatus, VaultChoice } from "../bindings";
import ErrorBox from "../components/ErrorBox";
import LangToggle from "../components/LangToggle";
import RestoreBackup from "../components/RestoreBackup";
import NewPasswordFields, { usePasswordPair } from "../components/NewPasswordFields";
import { fieldErrorsFrom, toApiError, type FieldErrors } from "../errors";

type View = "create" | VaultChoice;

function initialView(s: AppStatus): View {
  if (s.current === "demo" && s.demo_exists) return "demo";
  return s.vault_exists ? "main" : "create";
}

interface Props {
  status: AppStatus;
  onUnlocked: () => Promise<void>;
}

export default function Unlock({ status, onUnlocked }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>(() => initialView(status));
  const [openingDemo, setOpeningDemo] = useState(false);
  const [demoError, setDemoError] = useState<ApiError | null>(null);
  const [restoring, setRestoring] = useState(false);

  const openDemo = async () => {
    setOpeningDemo(true);
    setDemoError(null);
    try {
      await api.vaultOpenDemo();
      await onUnlocked();
    } catch (e) {
      setDemoError(toApiError(e));
      setOpeningDemo(false);
    }
  };

  return (
    <div className="unlock-screen" data-testid="unlock-screen">
      <div className="unlock-top">
        <LangToggle />
      </div>
      <div className="unlock-card">
        <header className="unlock-brand">
          <div className="brand-mark" aria-hidden="true">
            LD
          </div>
          <div>
            <h1>{t("app.name")}</h1>
            <p className="muted">{t("unlock.tagline")}</p>
          </div>
        </header>

        {restoring ? (
          <RestoreBackup vaultExists={status.vault_exists} onCancel={() => setRestoring(false)} onRestored={onUnlocked} />
        ) : view === "create" ? (
          <CreateVault onCreated={onUnlocked} />
        ) : (
          <UnlockVault key={view} which={view} demoPassword={status.demo_password} onUnlocked={onUnlocked} />
        )}

        <div className="unlock-alt" hidden={restoring}>
          {view === "create" && (
            <>
              <div className="divider">
                <span>{t("unlock.or")}</span>
              </div>
              <h2 className="h3">{t("unlock.demoTitle")}</h2>
              <p className="muted small">{t("unlock.demoText")}</p>
              <button
                type="button"
                className="btn btn-secondary btn-block"
                data-testid="open-demo"
                disabled={openingDemo}
                aria-busy={openingDemo}
                onClick={openDemo}
              >
                {openingDemo ? t("unlock.opening") : t("unlock.openDemo")}
              </button>
            </>
          )}
          {view === "main" && (
            <button
              type="button"
              className="link-button"
              data-testid="switch-to-demo"
              disabled={openingDemo}
              onClick={openDemo}
            >
              {openingDemo ? t("unlock.opening") : t("unlock.switchToDemo")}
            </button>
          )}
          {view === "demo" && (
            <button
              type="button"
              className="link-button"
              data-testid="switch-to-main"
              onClick={() => setView(status.vault_exists ? "main" : "create")}
            >
              {status.vault_exists ? t("unlock.switchToMain") : t("unlock.createMain")}
            </button>
          )}
          <ErrorBox error={demoError} />
          <button type="button" className="link-button" data-testid="restore-open" onClick={() => setRestoring(true)}>
            {t("unlock.restoreLink")}
          </button>
        </div>
      </div>
    </div>
  );
}

function CreateVault({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const pair = usePasswordPair();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});


  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!pair.ok) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await api.vaultCreate(pair.password);
      await onCreated();
    } catch (err) {
      const apiErr = toApiError(err);
      const fe = fieldErrorsFrom(t, apiErr);
      if (fe) setFieldErrors(fe);
      else setError(apiErr);
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="create-vault-form">
      <h2>{t("unlock.createTitle")}</h2>
      <p className="muted small">{t("unlock.createIntro")}</p>
      <NewPasswordFields kind="create" pair={pair} submitted={submitted} errors={fieldErrors} autoFocus />
      <ErrorBox error={error} />
      <button type="submit" className="btn btn-primary btn-block" data-testid="create-submit" disabled={busy} aria-busy={busy}>
        {busy ? t("unlock.creating") : t("unlock.create")}
      </button>
    </form>
  );
}

interface UnlockProps {
  which: VaultChoice;
  demoPassword: string;
  onUnlocked: () => Promise<void>;
}

function UnlockVault({ which, demoPassword, onUnlocked }: UnlockProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password === "" || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.vaultUnlock(which, password);
      setPassword("");
      await onUnlocked();
    } catch (err) {
      setError(toApiError(err));
      setPassword("");
      setBusy(false);
      // After the re-render has enabled the field again.
      window.setTimeout(() => input.current?.focus(), 0);
    }
  };

  return (
    <form className="stack" onSubmit={submit} data-testid="unlock-form" data-vault={which}>
      <h2>{which === "demo" ? t("unlock.unlockDemoTitle") : t("unlock.unlockMainTitle")}</h2>
      <p className="muted small">{t("unlock.unlockIntro")}</p>
      {which === "demo" && (
        <p className="demo-hint" data-testid="demo-password-hint">
          {t("unlock.demoPassword", { password: demoPassword })}
        </p>
      )}
      <label className="field">
        <span className="field-label">{t("unlock.password")}</span>
        <input
          ref={input}
          type="password"
          data-testid="unlock-password"
          autoComplete="current-password"
          autoFocus
          disabled={busy}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error?.code === "wrong_password"}
        />
      </label>
      <ErrorBox error={error} />
      <button
        type="submit"
        className="btn btn-primary btn-block"
        data-testid="unlock-submit"
        disabled={busy || password === ""}
        aria-busy={busy}
      >
        {busy ? t("unlock.unlocking") : t("unlock.unlock")}
      </button>
    </form>
  );
}
