// The repayment reminder the officer passes on to the client (amount, amount in words, due date
// and account, in the app's language), to copy or save. The app never sends it itself.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Language, LoanView } from "../../bindings";
import { useErrorHandler } from "../../session";
import { shortcut } from "../../shortcut";
import ErrorBox from "../ErrorBox";

type Done = { kind: "copied" } | { kind: "copyFailed" } | { kind: "saved"; path: string } | null;

export default function ReminderTextCard({ loan }: { loan: LoanView }) {
  const { t, i18n } = useTranslation();
  const handleError = useErrorHandler();
  const [text, setText] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Done>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  // Asked for in the language on screen: the backend's saved preference may lag a switch.
  const lang: Language = i18n.language.startsWith("en") ? "en" : "zh-CN";

  // Fetched again whenever the loan changes (a repayment moves the amount) or the language does.
  useEffect(() => {
    let live = true;
    api.reminderTextGet(loan.id, lang).then(
      (s) => {
        if (!live) return;
        setText(s);
        setDone(null);
      },
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [loan, lang, handleError]);

  const copy = async () => {
    if (!text) return;
    try {
      // Not sensitive (the client's own amounts, meant to be sent): the web clipboard will do.
      await navigator.clipboard.writeText(text);
      setDone({ kind: "copied" });
    } catch {
      // Some webviews refuse the clipboard API: select the text for Ctrl+C instead.
      areaRef.current?.select();
      setDone({ kind: "copyFailed" });
    }
  };

  const save = async () => {
    setError(null);
    try {
      const path = await api.reminderTextSave(loan.id, lang);
      setDone(path ? { kind: "saved", path } : null);
    } catch (e) {
      setError(handleError(e));
    }
  };

  return (
    <section className="card" data-testid="reminder-text-card">
      <h2 className="section-title">{t("loans.reminderText")}</h2>
      <ErrorBox error={error} />
      {text === undefined ? (
        !error && <p className="muted">{t("app.loading")}</p>
      ) : text === null ? (
        <p className="muted" data-testid="reminder-text-none">
          {t("loans.reminderNothing")}
        </p>
      ) : (
        <>
          <textarea ref={areaRef} className="reminder-text" readOnly rows={6} value={text} data-testid="reminder-text" />
          <div className="form-actions">
            {done && (
              <span className={done.kind === "copyFailed" ? "muted small" : "ok-text"} role="status" data-testid="reminder-text-done">
                {done.kind === "copied"
                  ? t("loans.copied")
                  : done.kind === "copyFailed"
                    ? t("loans.copyFailed", { shortcut: shortcut("C") })
                    : t("loans.savedTo", { path: done.path })}
              </span>
            )}
            <button type="button" className="btn btn-secondary" data-testid="reminder-text-copy" onClick={() => void copy()}>
              {t("loans.copy")}
            </button>
            <button type="button" className="btn btn-secondary" data-testid="reminder-text-save" onClick={() => void save()}>
              {t("loans.saveText")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
