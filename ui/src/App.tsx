// Top of the UI: asks the backend where we stand, then shows either the unlock screen or the
// shell. Locking unmounts the shell (and with it every client record held in state) before
// the unlock screen appears; a new unlock mounts a fresh shell with nothing cached.
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "./api";
import type { AmountScreen, AmountUnit, AppStatus, Language, Layout } from "./bindings";
import { describeError, toApiError } from "./errors";
import { applyLanguage } from "./i18n";
import { SetLanguageContext } from "./language";
import Unlock from "./screens/Unlock";
import { SessionContext, Sessions, type Session } from "./session";

// The unlocked app is its own chunk: the unlock screen, shown at every start and after every
// lock, parses only what it needs (issue 19, item 11).
const Shell = lazy(() => import("./components/Shell"));

type Phase = "starting" | "start-failed" | "locked" | "locking" | "lock-failed" | "unlocked";

export default function App() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [phase, setPhase] = useState<Phase>("starting");
  // Each shell's `lock` only acts for its own session (see Sessions).
  const [sessions] = useState(() => new Sessions());
  const [sessionId, setSessionId] = useState(sessions.first);

  const loadStatus = useCallback(async (): Promise<AppStatus> => {
    const s = await api.appStatus();
    setStatus(s);
    return s;
  }, []);

  // Bumped by "retry" after a failed start.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    api.appStatus().then(
      (s) => {
        if (!live) return;
        applyLanguage(s.language);
        setStatus(s);
        setPhase(s.unlocked ? "unlocked" : "locked");
      },
      () => live && setPhase("start-failed"),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const onUnlocked = useCallback(async () => {
    // The auto-lock setting lives in the vault, so the status is only complete once it is open.
    await loadStatus().catch(() => undefined);
    setSessionId(sessions.begin());
    setPhase("unlocked");
  }, [loadStatus, sessions]);

  // Locking twice (idle timer and Ctrl+L at once) is harmless, so there is no guard. The
  // backend says whether the vault is really closed: if the lock failed, the officer is told
  // so, with a retry, instead of an unlock screen drawn over an open vault.
  const [lockError, setLockError] = useState<string | null>(null);
  const lock = useCallback(() => {
    sessions.end();
    setPhase("locking");
    setLockError(null);
    api
      .vaultLock()
      .then(loadStatus)
      .then(
        (s) => setPhase(s.unlocked ? "lock-failed" : "locked"),
        (e: unknown) => {
          setLockError(describeError(t, toApiError(e)).message);
          setPhase("lock-failed");
        },
      );
  }, [loadStatus, sessions, t]);

  const setLanguage = useCallback((language: Language) => {
    applyLanguage(language);
    setStatus((s) => (s ? { ...s, language } : s));
    // Remembered by the backend for the next start; the switch itself must not wait for it.
    api.setLanguage(language).catch(() => undefined);
  }, []);

  const setAutoLockMinutes = useCallback((minutes: number) => {
    setStatus((s) => (s ? { ...s, auto_lock_minutes: minutes } : s));
  }, []);

  const setLayout = useCallback((layout: Layout) => {
    setStatus((s) => (s ? { ...s, layout } : s));
    // Remembered for the next start; the layout itself must not wait for it.
    api.setLayout(layout).catch(() => undefined);
  }, []);
  const setAmountUnit = useCallback((screen: AmountScreen, unit: AmountUnit) => {
    setStatus((s) => (s ? { ...s, amount_units: { ...s.amount_units, [screen]: unit } } : s));
    // Like the language: the switch must not wait for the file to be written.
    api.setAmountUnit(screen, unit).catch(() => undefined);
  }, []);

  const session = useMemo<Session | null>(
    () =>
      status
        ? {
            status,
            lock: sessions.lockFor(sessionId, lock),
            setAutoLockMinutes,
            setLayout,
            setAmountUnit,
          }
        : null,
    [status, lock, setAutoLockMinutes, setLayout, setAmountUnit, sessions, sessionId],
  );

  let body;
  if (phase === "start-failed") {
    body = (
      <div className="center-screen">
        <p role="alert">{t("app.startFailed")}</p>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setPhase("starting");
            setAttempt((n) => n + 1);
          }}
        >
          {t("app.retry")}
        </button>
      </div>
    );
  } else if (phase === "lock-failed") {
    body = (
      <div className="center-screen">
        <p role="alert" data-testid="lock-failed">
          {t("app.lockFailed")}
          {lockError ? ` ${lockError}` : ""}
        </p>
        <button type="button" className="btn" onClick={lock}>
          {t("app.retryLock")}
        </button>
      </div>
    );
  } else if (phase === "starting" || phase === "locking" || !status) {
    body = <div className="center-screen muted">{phase === "locking" ? t("app.locking") : t("app.loading")}</div>;
  } else if (phase === "unlocked" && session) {
    body = (
      <SessionContext.Provider value={session}>
        <Suspense fallback={<div className="center-screen muted">{t("app.loading")}</div>}>
          <Shell key={sessionId} />
        </Suspense>
      </SessionContext.Provider>
    );
  } else {
    body = <Unlock status={status} onUnlocked={onUnlocked} />;
  }

  return <SetLanguageContext.Provider value={setLanguage}>{body}</SetLanguageContext.Provider>;
}
