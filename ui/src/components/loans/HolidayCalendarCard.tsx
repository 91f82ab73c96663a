// The official holiday calendar (法定节假日与调休) in Settings: which years are built in, from
// which notices, and the import of a CSV for later years — Rust shows the dialog and reads the
// file, the card previews what it adds and changes, and nothing is stored until "Apply".
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { CalendarDay, CalendarPreview, CalendarSummary } from "../../bindings";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import "../../servicing.css";

/** "2020–2026", or "2020–2022, 2024" when a year is missing. */
export function yearRanges(years: readonly number[]): string {
  const out: string[] = [];
  let start: number | null = null;
  let prev: number | null = null;
  for (const y of [...years].sort((a, b) => a - b)) {
    if (start !== null && prev !== null && y === prev + 1) {
      prev = y;
      continue;
    }
    if (start !== null && prev !== null) out.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  if (start !== null && prev !== null) out.push(start === prev ? `${start}` : `${start}–${prev}`);
  return out.join(", ");
}

export default function HolidayCalendarCard() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [summary, setSummary] = useState<CalendarSummary | null>(null);
  const [preview, setPreview] = useState<CalendarPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [applied, setApplied] = useState<number | null>(null);

  const load = useCallback(() => api.calendarSummary().then(setSummary), []);

  useEffect(() => {
    load().catch((e: unknown) => setError(handleError(e)));
  }, [load, handleError]);

  const choose = async () => {
    setBusy(true);
    setError(null);
    setApplied(null);
    try {
      const p = await api.calendarPreviewImport();
      if (p) setPreview(p);
    } catch (e) {
      setPreview(null);
      setError(handleError(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const done = await api.calendarImport(preview.days);
      setApplied(done.added.length + done.changed.length);
      setPreview(null);
      await load();
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(false);
    }
  };

  const kind = (d: CalendarDay) => t(d.kind === "holiday" ? "calendar.holiday" : "calendar.workday");

  return (
    <section className="card" data-testid="holiday-calendar-card">
      <h2 className="section-title">{t("calendar.title")}</h2>
      <p className="muted small">{t("calendar.help")}</p>
      {summary && (
        <>
          <p data-testid="calendar-built-in">
            {t("calendar.builtIn", { years: yearRanges(summary.built_in_years) })}
          </p>
          {summary.imported_years.length > 0 && (
            <p data-testid="calendar-imported">
              {t("calendar.imported", { years: yearRanges(summary.imported_years), count: summary.imported_days })}
            </p>
          )}
          <details className="small">
            <summary>{t("calendar.sources")}</summary>
            <ul className="muted" data-testid="calendar-sources">
              {summary.sources.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </details>
        </>
      )}
      <ErrorBox error={error} testId="calendar-error" />
      {preview && (
        <div className="calendar-preview" data-testid="calendar-preview">
          <p>
            {t("calendar.previewSummary", {
              years: yearRanges(preview.years),
              added: preview.added.length,
              changed: preview.changed.length,
              unchanged: preview.unchanged,
            })}
          </p>
          {(preview.added.length > 0 || preview.changed.length > 0) && (
            <table className="simple-table">
              <thead>
                <tr>
                  <th>{t("calendar.date")}</th>
                  <th>{t("calendar.kind")}</th>
                  <th>{t("calendar.name")}</th>
                  <th>{t("calendar.change")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.added.map((d) => (
                  <tr key={d.date} data-testid="calendar-added">
                    <td className="mono">{d.date}</td>
                    <td>{kind(d)}</td>
                    <td>{d.name}</td>
                    <td>{t("calendar.added")}</td>
                  </tr>
                ))}
                {preview.changed.map((c) => (
                  <tr key={c.after.date} data-testid="calendar-changed">
                    <td className="mono">{c.after.date}</td>
                    <td>{kind(c.after)}</td>
                    <td>{c.after.name}</td>
                    <td>{t("calendar.was", { kind: kind(c.before), name: c.before.name })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setPreview(null)} disabled={busy}>
              {t("common.cancel")}
            </button>
            <button type="button" className="btn btn-primary" data-testid="calendar-apply" onClick={() => void apply()} disabled={busy}>
              {t("calendar.apply")}
            </button>
          </div>
        </div>
      )}
      <div className="form-actions">
        {applied !== null && (
          <span className="ok-text" role="status" data-testid="calendar-applied">
            {t("calendar.applied", { count: applied })}
          </span>
        )}
        <button type="button" className="btn btn-secondary" data-testid="calendar-import" disabled={busy} onClick={() => void choose()}>
          {t("calendar.import")}
        </button>
      </div>
    </section>
  );
}
