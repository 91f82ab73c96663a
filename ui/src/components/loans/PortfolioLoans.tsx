// 贷款明细: every loan behind the portfolio's figures, sortable and filterable, narrowed to a
// chart bar or a headline figure when the officer opened one. A row opens the loan's page.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Classification, PortfolioLoan } from "../../bindings";
import { industryLabel } from "../../industry";
import { formatMoney, formatPercent } from "../../money";
import { filterLoans, nextLoanSort, sortLoans, type Drill, type LoanSort, type LoanSortColumn } from "../../portfolioLoans";
import { classKey } from "../../servicing";

/** Rows drawn at first; a book of thousands is shown in full on request. */
const FIRST_ROWS = 200;
const CLASSES: readonly Classification[] = ["pass", "special_mention", "substandard", "doubtful", "loss"];

interface Props {
  loans: readonly PortfolioLoan[];
  currency: string;
  drill: Drill | null;
  /** What the drill is, as the officer reads it ("行业：制造业"). */
  drillLabel: string | null;
  onClearDrill: () => void;
  onOpen?: (clientId: number, loanId: number) => void;
  /** The labels of tier, age and collateral keys, as the charts show them. */
  groupLabel: (dim: "by_tier" | "by_age" | "by_collateral", key: string) => string;
}

export default function PortfolioLoans({ loans, currency, drill, drillLabel, onClearDrill, onOpen, groupLabel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [classification, setClassification] = useState<Classification | "">("");
  const [sort, setSort] = useState<LoanSort>({ column: "outstanding", descending: true });
  const [showAll, setShowAll] = useState(false);

  const shown = useMemo(() => sortLoans(filterLoans(loans, { drill, text, classification }), sort), [loans, drill, text, classification, sort]);
  const rows = showAll ? shown : shown.slice(0, FIRST_ROWS);
  const className = (c: Classification) => {
    const k = classKey(c);
    return k ? t(k) : c;
  };

  const header = (column: LoanSortColumn, label: string, numeric = false) => {
    const active = sort.column === column;
    return (
      <th className={numeric ? "num" : undefined} aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}>
        <button
          type="button"
          className={active ? "sort-head active" : "sort-head"}
          data-testid={`loans-sort-${column}`}
          onClick={() => setSort(nextLoanSort(sort, column))}
        >
          {label}
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.descending ? "▼" : "▲") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section className="card portfolio-loans" data-testid="portfolio-loan-list">
      <div className="card-head">
        <h2 className="section-title">
          {t("drill.loansTitle")} <span className="muted small" data-testid="portfolio-loan-list-count">{t("drill.loansCount", { shown: shown.length, total: loans.length })}</span>
        </h2>
        {drill && drillLabel && (
          <span className="drill-chip" data-testid="drill-chip">
            {drillLabel}
            <button type="button" className="drill-chip-clear" data-testid="drill-clear" aria-label={t("drill.clear")} title={t("drill.clear")} onClick={onClearDrill}>
              ×
            </button>
          </span>
        )}
        <div className="portfolio-loans-filters">
          <input
            type="search"
            data-testid="loans-search"
            aria-label={t("drill.searchLabel")}
            placeholder={t("drill.searchPlaceholder")}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <select data-testid="loans-class" aria-label={t("drill.classFilter")} value={classification} onChange={(e) => setClassification(CLASSES.find((c) => c === e.target.value) ?? "")}>
            <option value="">{t("drill.allClasses")}</option>
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                {className(c)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="muted" data-testid="portfolio-loan-list-empty">
          {t("drill.noLoans")}
        </p>
      ) : (
        <div className="portfolio-loans-scroll">
          <table className="simple-table loan-list">
            <thead>
              <tr>
                {header("client", t("drill.colClient"))}
                {header("contract", t("drill.colContract"))}
                {header("outstanding", t("drill.colOutstanding", { currency }), true)}
                {header("next_due", t("drill.colNextDue"))}
                {header("days_overdue", t("drill.colDaysOverdue"), true)}
                {header("classification", t("drill.colClass"))}
                <th>{t("drill.colTier")}</th>
                <th>{t("drill.colIndustry")}</th>
                <th>{t("drill.colCollateral")}</th>
                {header("coverage", t("drill.colCoverage"), true)}
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr
                  key={l.loan_id}
                  className={onOpen ? "selectable" : undefined}
                  data-testid="portfolio-loan"
                  data-loan-id={l.loan_id}
                  data-overdue={l.days_overdue}
                  data-outstanding={l.outstanding}
                  data-contract={l.contract_no}
                  tabIndex={onOpen ? 0 : undefined}
                  onClick={() => onOpen?.(l.client_id, l.loan_id)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") onOpen?.(l.client_id, l.loan_id);
                  }}
                >
                  <td className="cell-name-strong" title={l.client_name}>
                    {l.client_name}
                  </td>
                  <td className="mono">{l.contract_no}</td>
                  <td className="num">{formatMoney(l.outstanding)}</td>
                  <td className="mono">{l.next_due_on ?? "—"}</td>
                  <td className={l.days_overdue > 0 ? "num overdue-days" : "num"}>{l.days_overdue > 0 ? l.days_overdue : "—"}</td>
                  <td data-testid="portfolio-loan-class" data-class={l.classification}>
                    <span className={`pill class-${l.classification}`}>{className(l.classification)}</span>
                    {l.classified_by_officer && (
                      <span className="muted small" title={t("drill.byOfficerHint")}>
                        {" "}
                        {t("drill.byOfficer")}
                      </span>
                    )}
                  </td>
                  <td>{groupLabel("by_tier", l.tier)}</td>
                  <td className="cell-clip" title={industryLabel(t, l.industry_code, l.industry_text)}>
                    {industryLabel(t, l.industry_code, l.industry_text) || "—"}
                  </td>
                  <td className="cell-wrap">{groupLabel("by_collateral", l.collateral)}</td>
                  <td className="num">{l.coverage_percent === null ? "—" : formatPercent(l.coverage_percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!showAll && shown.length > FIRST_ROWS && (
        <button type="button" className="btn btn-secondary" data-testid="loans-show-all" onClick={() => setShowAll(true)}>
          {t("drill.showAll", { count: shown.length })}
        </button>
      )}
    </section>
  );
}
