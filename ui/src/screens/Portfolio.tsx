// 贷款组合: the officer's book today. The overdue and non-performing (不良) figures, outstanding
// principal by tier, industry (GB/T 4754 section), five-tier class, ageing bucket, collateral kind
// and collateral coverage, and the cash expected in each of the next 12 months; charts, the same
// figures as tables, every loan behind them (a bar or a headline opens its loans), and a CSV/XLSX
// export with the loan list (written by Rust where the officer chooses).
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import { CATALOGUE, type CollateralKind, type CoverageBand, type Portfolio as Data, type Slice } from "../bindings";
import { ColumnChart, HBarChart, type Bar } from "../components/loans/BarChart";
import PortfolioLoans from "../components/loans/PortfolioLoans";
import ErrorBox from "../components/ErrorBox";
import { sectionLabel } from "../industry";
import { TIER_KEY } from "../labels";
import { useAmountUnit } from "../amountUnits";
import UnitSwitch from "../components/UnitSwitch";
import { amountWithUnit, formatAmount, formatPercent, unitLabel } from "../money";
import type { Dimension, Drill } from "../portfolioLoans";
import { ageSliceKey, classKey, sumMoney } from "../servicing";
import { useErrorHandler } from "../session";
import "../servicing.css";
import "../facility.css";
import "../portfolio.css";

const CURRENCIES = ["CNY", "USD", "EUR", "HKD"] as const;

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}
const isCollateralKind = (key: string): key is CollateralKind => hasOwn(CATALOGUE.en.collateralKind, key);
const isCoverageBand = (key: string): key is CoverageBand => hasOwn(CATALOGUE.en.coverageBand, key);

const DIMENSIONS = [
  ["by_tier", "portfolio.byTier"],
  ["by_industry", "portfolio.byIndustry"],
  ["by_classification", "portfolio.byClassification"],
  ["by_age", "portfolio.byAge"],
  ["by_collateral", "portfolio.byCollateral"],
  ["by_coverage", "portfolio.byCoverage"],
] as const satisfies readonly (readonly [Dimension, string])[];

export default function Portfolio({ onOpenLoan }: { onOpenLoan?: (clientId: number, loanId: number) => void }) {
  const { t } = useTranslation();
  const [drill, setDrill] = useState<Drill | null>(null);
  const loansRef = useRef<HTMLDivElement>(null);
  const handleError = useErrorHandler();
  const [currency, setCurrency] = useState<string>("CNY");
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [unit] = useAmountUnit("portfolio");
  const money = (s: string) => formatAmount(s, unit);
  /** A headline figure: the number, its unit small beside it ("4.89 亿元"); the exact amount kept in data-value. */
  const headline = (testId: string, s: string) => (
    <span className="loan-figure-value num" data-testid={testId} data-value={s}>
      {money(s)}
      <span className="figure-unit">{unitLabel(t, unit, data?.currency ?? currency)}</span>
    </span>
  );

  useEffect(() => {
    let live = true;
    api.portfolioGet(currency).then(
      (p) => {
        if (!live) return;
        setData(p);
        setDrill(null);
        setError(null);
      },
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [currency, handleError]);

  const exportAs = async (format: "csv" | "xlsx") => {
    setExporting(true);
    setExported(null);
    try {
      setExported(await api.portfolioExport(currency, format));
    } catch (e) {
      setError(handleError(e));
    } finally {
      setExporting(false);
    }
  };

  /** A slice's key as the officer reads it (tiers, classes and buckets are codes). */
  const sliceLabel = (dim: Dimension, key: string): string => {
    if (dim === "by_tier" && (key === "A" || key === "B" || key === "C")) return t(TIER_KEY[key]);
    if (dim === "by_classification") {
      const k = classKey(key);
      if (k) return t(k);
    }
    if (dim === "by_age") {
      const k = ageSliceKey(key);
      if (k) return t(k);
    }
    // By collateral: the kind lending the most, or "unsecured" (named as the coverage band is).
    if (dim === "by_collateral" && isCollateralKind(key)) return t(`collateralKind.${key}`);
    if ((dim === "by_collateral" || dim === "by_coverage") && isCoverageBand(key)) return t(`coverageBand.${key}`);
    if (dim === "by_industry") return sectionLabel(t, key) ?? t("portfolio.notGiven");
    return key === "" ? t("portfolio.notGiven") : key;
  };

  /** Opens the loans behind a bar (or a headline figure); the same again closes them. */
  const openDrill = (next: Drill) => {
    const same = JSON.stringify(next) === JSON.stringify(drill);
    setDrill(same ? null : next);
    if (!same) loansRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  };
  const selectedKey = (dim: Dimension) => (drill?.kind === "slice" && drill.dim === dim ? drill.key : null);
  const drillLabel = (d: Drill | null): string | null => {
    if (!d) return null;
    if (d.kind === "overdue") return t("drill.overdueLoans");
    if (d.kind === "non_performing") return t("drill.nonPerforming");
    const title = DIMENSIONS.find(([dim]) => dim === d.dim)?.[1];
    return t("drill.chip", { dimension: title ? t(title) : "", group: sliceLabel(d.dim, d.key) });
  };

  const bars = (dim: Dimension, slices: readonly Slice[]): Bar[] =>
    slices.map((s) => ({ key: s.key, label: sliceLabel(dim, s.key), value: s.outstanding, note: t("portfolio.loansCount", { count: s.loans }) }));

  const cashTotal = data ? sumMoney(data.cash_in.flatMap((m) => [m.principal, m.interest])) : "0.00";

  return (
    <section className="screen portfolio" data-testid="portfolio-screen">
      <div className="screen-head">
        <h1>{t("portfolio.title")}</h1>
        {data && <span className="muted">{t("portfolio.asOf", { date: data.as_of })}</span>}
        <div className="screen-head-actions">
          <UnitSwitch screen="portfolio" currency={currency} />
          <label className="inline small">
            {t("portfolio.currency")}
            <select data-testid="portfolio-currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-secondary" data-testid="portfolio-export" disabled={exporting} onClick={() => void exportAs("csv")}>
            {t("portfolio.exportCsv")}
          </button>
          <button type="button" className="btn btn-secondary" data-testid="portfolio-export-xlsx" disabled={exporting} onClick={() => void exportAs("xlsx")}>
            {t("portfolio.exportXlsx")}
          </button>
        </div>
      </div>
      {exported && (
        <div className="alert alert-ok" role="status" data-testid="portfolio-exported">
          {t("portfolio.exported", { path: exported })}
        </div>
      )}
      <ErrorBox error={error} />
      {!data ? (
        !error && <p className="muted">{t("app.loading")}</p>
      ) : (
        <>
          <section className="card portfolio-totals" data-testid="portfolio-totals">
            <div className="loan-figures">
              <div className="loan-figure">
                <span className="field-label">{t("portfolio.loans")}</span>
                <span className="loan-figure-value num" data-testid="portfolio-loans">
                  {data.loans}
                </span>
              </div>
              <div className="loan-figure">
                <span className="field-label">{t("portfolio.outstanding")}</span>
                {headline("portfolio-outstanding", data.outstanding)}
              </div>
              <div className="loan-figure">
                <span className="field-label">{t("portfolio.cashIn12")}</span>
                {headline("portfolio-cash-total", cashTotal)}
              </div>
              <div className="loan-figure" title={t("portfolio.penaltyHint")}>
                <span className="field-label">{t("portfolio.penaltyAccrued")}</span>
                {headline("portfolio-penalty", data.penalty_accrued)}
              </div>
            </div>
            <div className="portfolio-headlines">
              {(
                [
                  ["overdue", data.overdue, "drill.overdueLoans", "drill.overdueHint"],
                  ["non_performing", data.non_performing, "drill.nonPerforming", "drill.nonPerformingHint"],
                ] as const
              ).map(([kind, h, label, hint]) => (
                <button
                  key={kind}
                  type="button"
                  className={drill?.kind === kind ? `headline headline-${kind} selected` : `headline headline-${kind}`}
                  data-testid={`portfolio-${kind}`}
                  data-loans={h.loans}
                  data-outstanding={h.outstanding}
                  data-percent={h.percent ?? ""}
                  aria-pressed={drill?.kind === kind}
                  title={t(hint)}
                  onClick={() => openDrill({ kind })}
                >
                  <span className="field-label">{t(label)}</span>
                  <span className="headline-amount num" data-testid={`portfolio-${kind}-amount`}>
                    {money(h.outstanding)}
                    <span className="figure-unit">{unitLabel(t, unit, data.currency)}</span>
                  </span>
                  <span className="headline-ratio num" data-testid={`portfolio-${kind}-ratio`}>
                    {h.percent === null ? "—" : t("drill.ratio", { percent: formatPercent(h.percent) })}
                  </span>
                  <span className="muted small">{t("portfolio.loansCount", { count: h.loans })}</span>
                </button>
              ))}
            </div>
            {data.other_currency_loans > 0 && (
              <p className="muted small" data-testid="portfolio-other-currency">
                {t("portfolio.otherCurrency", { count: data.other_currency_loans, currency: data.currency })}
              </p>
            )}
          </section>

          <div className="portfolio-grid">
            {DIMENSIONS.map(([dim, title]) => (
              <section key={dim} className={dim === "by_collateral" || dim === "by_coverage" ? "card portfolio-security" : "card"} data-testid={`portfolio-${dim}`}>
                <h2 className="section-title">{t(title)}</h2>
                {data[dim].length === 0 ? (
                  <p className="muted">{t("portfolio.empty")}</p>
                ) : (
                  <>
                    <HBarChart
                      bars={bars(dim, data[dim])}
                      title={t(title)}
                      testId={`chart-${dim}`}
                      format={(v) => amountWithUnit(t, v, unit, data.currency)}
                      selected={selectedKey(dim)}
                      selectHint={(b) => t("drill.openBar", { group: b.label })}
                      onSelect={(key) => openDrill({ kind: "slice", dim, key })}
                    />
                    <table className="simple-table">
                      <thead>
                        <tr>
                          <th>{t("portfolio.group")}</th>
                          <th className="num">{t("portfolio.loans")}</th>
                          <th className="num">{t("units.withUnit", { label: t("portfolio.outstanding"), unit: unitLabel(t, unit, currency) })}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data[dim].map((s) => (
                          <tr
                            key={s.key}
                            data-testid="slice-row"
                            data-key={s.key}
                            data-loans={s.loans}
                            data-outstanding={s.outstanding}
                            className={selectedKey(dim) === s.key ? "selectable selected" : "selectable"}
                            onClick={() => openDrill({ kind: "slice", dim, key: s.key })}
                          >
                            <td>{sliceLabel(dim, s.key)}</td>
                            <td className="num">{s.loans}</td>
                            <td className="num">{money(s.outstanding)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </>
                )}
              </section>
            ))}
          </div>

          <div ref={loansRef} className="portfolio-loans-anchor">
            <PortfolioLoans
              loans={data.loan_list}
              currency={data.currency}
              drill={drill}
              drillLabel={drillLabel(drill)}
              onClearDrill={() => setDrill(null)}
              onOpen={onOpenLoan}
              groupLabel={sliceLabel}
            />
          </div>

          <section className="card" data-testid="portfolio-cash-in">
            <div className="card-head">
              <h2 className="section-title">{t("portfolio.cashIn")}</h2>
              <span className="legend small">
                <span className="legend-swatch col-part-0" /> {t("portfolio.principal")}
                <span className="legend-swatch col-part-1" /> {t("portfolio.interest")}
              </span>
            </div>
            <ColumnChart
              columns={data.cash_in.map((m) => ({ key: m.month, label: m.month.slice(2), parts: [m.principal, m.interest] }))}
              title={t("portfolio.cashIn")}
              testId="chart-cash-in"
              format={(v) => amountWithUnit(t, v, unit, data.currency)}
            />
            <table className="simple-table">
              <thead>
                <tr>
                  <th>{t("portfolio.month")}</th>
                  <th className="num">{t("portfolio.principal")}</th>
                  <th className="num">{t("portfolio.interest")}</th>
                  <th className="num">{t("units.withUnit", { label: t("portfolio.total"), unit: unitLabel(t, unit, currency) })}</th>
                </tr>
              </thead>
              <tbody>
                {data.cash_in.map((m) => (
                  <tr key={m.month} data-testid="cash-row" data-month={m.month}>
                    <td>{m.month}</td>
                    <td className="num">{money(m.principal)}</td>
                    <td className="num">{money(m.interest)}</td>
                    <td className="num">{money(sumMoney([m.principal, m.interest]))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}
