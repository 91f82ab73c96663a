// The conversion funnel for a period: per stage how many clients entered, conversion to the next
// stage, median days in the stage and why clients were lost; as bars and as a table. The journey
// map of the same period follows it.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { Funnel as FunnelData } from "../bindings";
import ErrorBox from "../components/ErrorBox";
import JourneyMap from "./JourneyMap";
import { todayISO } from "../format";
import { barWidths, langOf, localLabel, percent, presetPeriod, type PeriodPreset } from "../journey";
import { STAGE_KEY, STAGE_SHORT_KEY, isStage } from "../labels";
import { useErrorHandler } from "../session";
import "../journey.css";
import DateInput from "../components/DateInput";

const PRESETS = [
  ["month", "funnel.thisMonth"],
  ["quarter", "funnel.thisQuarter"],
  ["year", "funnel.thisYear"],
  ["last12", "funnel.last12"],
] as const satisfies readonly (readonly [PeriodPreset, string])[];

export default function Funnel() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const handleError = useErrorHandler();
  const [to, setTo] = useState(todayISO());
  const [from, setFrom] = useState(presetPeriod("last12", todayISO()).from);
  const [data, setData] = useState<FunnelData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The period last asked for: the journey map below shows the same one.
  const [shown, setShown] = useState(() => presetPeriod("last12", todayISO()));

  const load = useCallback(
    (f: string, t2: string) =>
      api.funnelGet(f, t2).then(
        (d) => {
          setData(d);
          setError(null);
        },
        (e: unknown) => setError(handleError(e)),
      ),
    [handleError],
  );

  useEffect(() => {
    const p = presetPeriod("last12", todayISO());
    void load(p.from, p.to);
  }, [load]);

  const show = (f: string, t2: string) => {
    setShown({ from: f, to: t2 });
    void load(f, t2);
  };

  const choose = (preset: PeriodPreset) => {
    const p = presetPeriod(preset, todayISO());
    setFrom(p.from);
    setTo(p.to);
    show(p.from, p.to);
  };

  const stageName = (s: number) => `${s} ${isStage(s) ? t(STAGE_KEY[s]) : ""}`;
  const widths = data ? barWidths(data.stages) : [];

  return (
    <section className="screen" data-testid="funnel-screen">
      <div className="screen-head">
        <h1>{t("funnel.title")}</h1>
      </div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          show(from, to);
        }}
      >
        <label className="inline">
          {t("funnel.from")} <DateInput data-testid="funnel-from" value={from} onChange={(value) => setFrom(value)} />
        </label>
        <label className="inline">
          {t("funnel.to")} <DateInput data-testid="funnel-to" value={to} onChange={(value) => setTo(value)} />
        </label>
        <button type="submit" className="btn btn-secondary" data-testid="funnel-show">
          {t("funnel.show")}
        </button>
        {PRESETS.map(([preset, key]) => (
          <button key={preset} type="button" className="btn btn-ghost btn-small" data-testid="funnel-preset" data-preset={preset} onClick={() => choose(preset)}>
            {t(key)}
          </button>
        ))}
      </form>
      <ErrorBox error={error} />
      {data && (
        <>
          <section className="card">
            <h2 className="section-title">{t("funnel.chart")}</h2>
            <div className="funnel-chart" data-testid="funnel-chart" role="img" aria-label={t("funnel.chart")}>
              {data.stages.map((s, i) => (
                <div key={s.stage} className="funnel-bar-row">
                  <span className="funnel-label" title={stageName(s.stage)}>
                    {s.stage} {isStage(s.stage) ? t(STAGE_SHORT_KEY[s.stage]) : ""}
                  </span>
                  <div className="funnel-track">
                    <div className="funnel-bar" style={{ width: `${widths[i] ?? 0}%` }} />
                  </div>
                  <span className="num">{s.entered}</span>
                </div>
              ))}
            </div>
          </section>
          <section className="card">
            <table className="simple-table" data-testid="funnel-table">
              <thead>
                <tr>
                  <th>{t("funnel.stage")}</th>
                  <th className="num">{t("funnel.entered")}</th>
                  <th className="num">{t("funnel.advanced")}</th>
                  <th className="num">{t("funnel.conversion")}</th>
                  <th className="num">{t("funnel.median")}</th>
                  <th className="num">{t("funnel.lost")}</th>
                  <th>{t("funnel.lostReasons")}</th>
                </tr>
              </thead>
              <tbody>
                {data.stages.map((s) => (
                  <tr key={s.stage} data-testid="funnel-row" data-stage={s.stage}>
                    <td>{stageName(s.stage)}</td>
                    <td className="num">{s.entered}</td>
                    <td className="num">{s.advanced}</td>
                    <td className="num">{percent(s.conversion)}</td>
                    <td className="num">{s.median_days ?? "—"}</td>
                    <td className="num">{s.lost}</td>
                    <td className="small">
                      {s.lost_reasons.map((r) => `${r.key === "" ? t("funnel.noReason") : localLabel(r, lang)} ${r.count}`).join("；")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <JourneyMap from={shown.from} to={shown.to} />
    </section>
  );
}
