// The spread: every ratio of every imported year side by side, oldest year on the left as an
// approver reads a spread, grouped (liquidity, leverage, turnover and cash cycle, profitability
// and cash), each value in its unit with its change on the year before under it. A breach is
// flagged against the thresholds from Settings; a ratio without one is shown, not judged; a
// turnover on closing balances alone (no year before) carries a mark and the core's footnote;
// a ratio that cannot be computed is "—" and says why on hover.
import { useTranslation } from "react-i18next";
import type { CreditAnalysis, FinancialYear, Ratio, RatioKind } from "../../bindings";
import {
  LINE_KEY,
  RATIO_GROUP_KEY,
  RATIO_KEY,
  changeDirection,
  changeText,
  groupRatios,
  ratioRule,
  ratioText,
  unitWords,
  whyUnavailable,
  type UnitWords,
  type Unavailable,
} from "../../documents";

interface Props {
  analysis: CreditAnalysis;
  /** The statements the ratios come from, to say which line a missing ratio lacks. */
  figures: FinancialYear[];
}

export default function SpreadTable({ analysis, figures }: Props) {
  const { t, i18n } = useTranslation();
  const words = unitWords(t, i18n.language);
  // The core sends the latest year first; a spread reads left to right, oldest first.
  const years = [...analysis.years].reverse();
  const kinds = (analysis.years[0]?.ratios ?? []).map((r) => r.kind);
  const closingYears = years.filter((y) => y.ratios.some((r) => r.basis === "closing" && r.value !== null)).map((y) => y.year);
  const hasDebtService = analysis.debt_service !== null;

  const reason = (why: Unavailable): string => {
    const list = (lines: readonly (keyof typeof LINE_KEY)[]) => lines.map((l) => t(LINE_KEY[l])).join(t("credit.listSep"));
    switch (why.reason) {
      case "missing":
        return t("credit.na.missing", { lines: list(why.lines) });
      case "no-debt-lines":
        return t("credit.na.anyOf", { lines: list(["short-term-borrowings", "long-term-borrowings", "bonds-payable", "current-portion-of-long-term-debt"]) });
      case "no-scenario":
        return t("credit.na.noScenario");
      case "no-prior":
        return t("credit.na.noPrior");
      case "not-computable":
        return t("credit.na.notComputable");
    }
  };

  return (
    <div className="spread">
      <table className="simple-table ratio-table spread-table" data-testid="ratio-table">
        <colgroup>
          <col className="spread-label" />
          <col className="spread-rule" />
          {years.map((y) => (
            <col key={y.year} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t("credit.colRatio")}</th>
            <th scope="col" className="num">
              {t("credit.colThreshold")}
            </th>
            {years.map((y) => (
              <th key={y.year} scope="col" className="num" data-testid="spread-year">
                {y.year}
              </th>
            ))}
          </tr>
        </thead>
        {groupRatios(kinds).map(({ group, kinds: rows }) => (
          <tbody key={group} data-testid="ratio-group" data-group={group}>
            <tr className="spread-group">
              <th scope="colgroup" colSpan={2 + years.length}>
                {t(RATIO_GROUP_KEY[group])}
              </th>
            </tr>
            {rows.map((kind) => (
              <RatioRow
                key={kind}
                kind={kind}
                analysis={analysis}
                years={years.map((y) => y.year)}
                words={words}
                why={(year) => {
                  const i = figures.findIndex((f) => f.year === year);
                  const prior = figures.find((f) => f.year === year - 1);
                  return reason(whyUnavailable(kind, figures[i], prior, hasDebtService));
                }}
              />
            ))}
          </tbody>
        ))}
      </table>
      {closingYears.length > 0 && (
        <p className="spread-note muted small" data-testid="closing-note">
          <span className="basis-mark" aria-hidden="true">
            *
          </span>{" "}
          {t("credit.closingYears", { note: t("balanceBasis.closing"), years: closingYears.join(t("credit.listSep")) })}
        </p>
      )}
    </div>
  );
}

interface RowProps {
  kind: RatioKind;
  analysis: CreditAnalysis;
  years: number[];
  words: UnitWords;
  why: (year: number) => string;
}

function RatioRow({ kind, analysis, years, words, why }: RowProps) {
  const { t } = useTranslation();
  const find = (year: number): Ratio | undefined => analysis.years.find((y) => y.year === year)?.ratios.find((r) => r.kind === kind);
  const latest = analysis.years[0]?.ratios.find((r) => r.kind === kind);
  const rule = latest ? ratioRule(latest, words) : "";
  return (
    <tr data-testid="ratio-row" data-ratio={kind}>
      <th scope="row" className="spread-name">
        {t(RATIO_KEY[kind])}
      </th>
      <td className="num muted spread-rule" data-testid="ratio-rule">
        {rule || (
          <span className="spread-unjudged" title={t("credit.noThreshold")}>
            —<span className="sr-only">{t("credit.noThreshold")}</span>
          </span>
        )}
      </td>
      {years.map((year) => {
        const r = find(year);
        const status = r?.status ?? "not-available";
        const shown = r ? ratioText(r, words) : null;
        const change = r ? changeText(r, words) : null;
        const closing = r?.basis === "closing" && r.value !== null;
        const naReason = shown === null ? why(year) : null;
        return (
          <td
            key={year}
            className={`num ratio-${status}`}
            data-testid="ratio-value"
            data-year={year}
            data-status={status}
            data-basis={r?.basis ?? undefined}
            title={naReason ?? (closing ? t("balanceBasis.closing") : undefined)}
          >
            {/* The flag before the value, so the values of a column stay aligned on the right. */}
            {status === "breach" && <span className="tag tag-warn">{t("credit.breach")}</span>}
            <span className="spread-value">
              {shown ?? "—"}
              {closing && (
                <sup className="basis-mark" data-testid="basis-mark">
                  *
                </sup>
              )}
            </span>
            {naReason && <span className="sr-only">{naReason}</span>}
            {status === "ok" && <span className="sr-only">{t("credit.ok")}</span>}
            {r && change && (
              <span className={`spread-change change-${changeDirection(r) ?? "flat"}`} data-testid="ratio-change" title={t("credit.change")}>
                {change}
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
}
