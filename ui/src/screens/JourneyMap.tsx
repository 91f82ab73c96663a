// The journey map (issue 16) for the period the funnel shows: per stage the clients who entered,
// their average satisfaction, drop-off, the top problem categories and how many problems are
// open or closed at the period's end; the tier × lifecycle matrix with 获客/活客/留客; a chart
// drawn like the funnel's, and CSV/XLSX exports written by Rust where the officer chooses.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { JourneyMap as MapData } from "../bindings";
import ErrorBox from "../components/ErrorBox";
import { chartBars, problemLabel, scoreText, topProblems } from "../journeyMap";
import { STAGE_KEY, STATUS_KEY, STATUSES, TIER_KEY, isStage } from "../labels";
import { useErrorHandler } from "../session";
import "../journey.css";
import "../journeyMap.css";

export default function JourneyMap({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [data, setData] = useState<MapData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let current = true;
    api.journeyMap(from, to).then(
      (d) => {
        if (!current) return;
        setData(d);
        setError(null);
      },
      (e: unknown) => {
        if (current) setError(handleError(e));
      },
    );
    return () => {
      current = false;
    };
  }, [from, to, handleError]);

  const exportAs = async (format: "csv" | "xlsx") => {
    setExporting(true);
    setExported(null);
    try {
      setExported(await api.journeyMapExport(from, to, format));
    } catch (e) {
      setError(handleError(e));
    } finally {
      setExporting(false);
    }
  };

  const stageName = (s: number) => `${s} ${isStage(s) ? t(STAGE_KEY[s]) : ""}`;
  const bars = data ? chartBars(data.stages) : [];

  return (
    <section className="journey-map" data-testid="journey-map">
      <div className="screen-head">
        <h2>{t("journeyMap.title")}</h2>
        <div className="journey-map-actions">
          <button type="button" className="btn btn-secondary" data-testid="journey-map-export-csv" disabled={exporting || !data} onClick={() => void exportAs("csv")}>
            {t("journeyMap.exportCsv")}
          </button>
          <button type="button" className="btn btn-secondary" data-testid="journey-map-export-xlsx" disabled={exporting || !data} onClick={() => void exportAs("xlsx")}>
            {t("journeyMap.exportXlsx")}
          </button>
        </div>
      </div>
      {exported && (
        <div className="alert alert-ok" role="status" data-testid="journey-map-exported">
          {t("journeyMap.exported", { path: exported })}
        </div>
      )}
      <ErrorBox error={error} />
      {data && (
        <>
          <section className="card">
            <h3 className="section-title">{t("journeyMap.chart")}</h3>
            <div className="journey-map-legend small">
              <span className="jm-key jm-key-clients" /> {t("journeyMap.clients")}
              <span className="jm-key jm-key-score" /> {t("journeyMap.avgScoreOf5")}
            </div>
            <div className="funnel-chart" data-testid="journey-map-chart" role="img" aria-label={t("journeyMap.chart")}>
              {data.stages.map((s, i) => (
                <div key={s.stage} className="funnel-bar-row jm-bar-row">
                  <span>{stageName(s.stage)}</span>
                  <div className="jm-bars">
                    <div className="funnel-track">
                      <div className="funnel-bar" style={{ width: `${bars[i]?.clients ?? 0}%` }} />
                    </div>
                    <div className="funnel-track">
                      <div className="funnel-bar jm-score-bar" style={{ width: `${bars[i]?.score ?? 0}%` }} />
                    </div>
                  </div>
                  <span className="num">
                    {s.clients}
                    <br />
                    {scoreText(s.avg_score)}
                  </span>
                </div>
              ))}
            </div>
          </section>
          <section className="card">
            <table className="simple-table" data-testid="journey-map-table">
              <thead>
                <tr>
                  <th>{t("journeyMap.stage")}</th>
                  <th className="num">{t("journeyMap.clients")}</th>
                  <th className="num">{t("journeyMap.avgScore")}</th>
                  <th className="num">{t("journeyMap.feedback")}</th>
                  <th className="num">{t("journeyMap.dropOff")}</th>
                  <th>{t("journeyMap.topProblems")}</th>
                  <th className="num">{t("journeyMap.openProblems")}</th>
                  <th className="num">{t("journeyMap.closedProblems")}</th>
                </tr>
              </thead>
              <tbody>
                {data.stages.map((s) => {
                  const top = topProblems(s);
                  return (
                    <tr key={s.stage} data-testid="journey-map-row" data-stage={s.stage} data-open-problems={s.open_problems} data-closed-problems={s.closed_problems}>
                      <td>{stageName(s.stage)}</td>
                      <td className="num">{s.clients}</td>
                      <td className="num" data-testid="journey-map-score">
                        {scoreText(s.avg_score)}
                      </td>
                      <td className="num">{s.feedback}</td>
                      <td className="num">{s.drop_off}</td>
                      <td className="small">{top.length === 0 ? "—" : top.map(([k, n]) => `${problemLabel(t, k)} ${n}`).join("；")}</td>
                      <td className="num" data-testid="journey-map-open">
                        {s.open_problems}
                      </td>
                      <td className="num">{s.closed_problems}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h3 className="section-title">{t("journeyMap.matrix")}</h3>
            <table className="simple-table" data-testid="journey-map-matrix">
              <thead>
                <tr>
                  <th>{t("journeyMap.tier")}</th>
                  {STATUSES.map((st) => (
                    <th key={st} className="num">
                      {t(STATUS_KEY[st])}
                    </th>
                  ))}
                  <th className="num">{t("journeyMap.acquisition")}</th>
                  <th className="num">{t("journeyMap.activation")}</th>
                  <th className="num">{t("journeyMap.retention")}</th>
                </tr>
              </thead>
              <tbody>
                {data.matrix.map((row) => (
                  <tr key={row.tier} data-testid="journey-map-tier" data-tier={row.tier}>
                    <td>{t(TIER_KEY[row.tier])}</td>
                    {STATUSES.map((st) => (
                      <td key={st} className="num">
                        {row[st]}
                      </td>
                    ))}
                    <td className="num">{row.acquisition}</td>
                    <td className="num">{row.activation}</td>
                    <td className="num">{row.retention}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">{t("journeyMap.groupsNote")}</p>
          </section>
        </>
      )}
    </section>
  );
}
