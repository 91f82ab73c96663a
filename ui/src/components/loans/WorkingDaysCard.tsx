// Holidays and make-up working days (调休) in Settings: a repayment due on a weekend or holiday
// may be paid on the next working day without being late, and these lists say which days are.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { WorkingDays } from "../../bindings";
import { isIsoDate } from "../../servicing";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import "../../servicing.css";
import DateInput from "../DateInput";

type List = "holidays" | "extra_working_days";

export default function WorkingDaysCard() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [days, setDays] = useState<WorkingDays | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    api.workingDaysGet().then(
      (d) => live && setDays(d),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [handleError]);

  const change = (list: List, dates: string[]) => {
    setDays((d) => (d ? { ...d, [list]: dates } : d));
    setSaved(false);
  };

  const save = async () => {
    if (!days) return;
    setSaving(true);
    setError(null);
    try {
      await api.workingDaysSet(days);
      setSaved(true);
    } catch (e) {
      setError(handleError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" data-testid="working-days-card">
      <h2 className="section-title">{t("workingDays.title")}</h2>
      <p className="muted small">{t("workingDays.help")}</p>
      <ErrorBox error={error} />
      {days && (
        <>
          <DateList
            list="holidays"
            label={t("workingDays.holidays")}
            dates={days.holidays}
            other={days.extra_working_days}
            onChange={(d) => change("holidays", d)}
          />
          <DateList
            list="extra_working_days"
            label={t("workingDays.extra")}
            dates={days.extra_working_days}
            other={days.holidays}
            onChange={(d) => change("extra_working_days", d)}
          />
          <div className="form-actions">
            {saved && (
              <span className="ok-text" role="status" data-testid="working-days-saved">
                {t("common.saved")}
              </span>
            )}
            <button type="button" className="btn btn-primary" data-testid="working-days-save" disabled={saving} onClick={() => void save()}>
              {saving ? t("common.saving") : t("common.save")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

interface ListProps {
  list: List;
  label: string;
  dates: readonly string[];
  /** The other list: a day cannot be a holiday and a make-up working day at once. */
  other: readonly string[];
  onChange: (dates: string[]) => void;
}

function DateList({ list, label, dates, other, onChange }: ListProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const d = draft.trim();
    const why = !isIsoDate(d)
      ? t("loans.dateInvalid")
      : dates.includes(d)
        ? t("workingDays.already")
        : other.includes(d)
          ? t("workingDays.inOther")
          : null;
    setProblem(why);
    if (why !== null) return;
    setDraft("");
    onChange([...dates, d].sort());
  };

  return (
    <div className="date-list" data-testid={`wd-${list}`}>
      <span className="field-label">{label}</span>
      {dates.length === 0 ? (
        <p className="muted small">{t("workingDays.none")}</p>
      ) : (
        <ul className="date-chips">
          {dates.map((d) => (
            <li key={d} className="date-chip" data-testid="wd-date" data-date={d}>
              <span className="mono">{d}</span>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={t("workingDays.remove", { date: d })}
                data-testid="wd-remove"
                onClick={() => onChange(dates.filter((x) => x !== d))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline">
        <DateInput data-testid={`wd-${list}-input`} aria-label={label} value={draft} onChange={(value) => setDraft(value)} />
        <button type="button" className="btn btn-secondary btn-small" data-testid={`wd-${list}-add`} onClick={add}>
          {t("workingDays.add")}
        </button>
      </div>
      {problem && (
        <div className="field-error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
