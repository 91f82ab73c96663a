// The figures an officer quotes: the regular payment, totals, both APRs and the amount in
// capital numerals. While the form holds terms with no schedule yet, the last one is dimmed.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Schedule } from "../bindings";
import { PAYMENT_LABEL } from "../loanText";
import { compareDecimal, formatMoney, formatPercent } from "../money";

interface Props {
  schedule: Schedule | null;
  /** The schedule is for terms the officer has since changed: being computed, or not computable. */
  stale: "pending" | "invalid" | null;
  /** Why there is nothing (yet) to show; shown instead of the figures. */
  emptyText: string;
  children?: ReactNode;
}

export default function CalcSummary({ schedule, stale, emptyText, children }: Props) {
  const { t } = useTranslation();
  if (!schedule) {
    return (
      <section className="card calc-summary" data-testid="calc-summary">
        <h2 className="section-title">{t("calc.result")}</h2>
        <p className="muted" data-testid="calc-empty">
          {emptyText}
        </p>
        {children}
      </section>
    );
  }
  const s = schedule.summary;
  const terms = schedule.terms;
  const unit = terms.currency === "CNY" ? t("calc.yuan") : terms.currency;
  const fee = compareDecimal(terms.upfront_fee, "0") > 0;
  const figures: [string, string, string][] = [
    [t("calc.totalInterest"), formatMoney(s.total_interest), "calc-total-interest"],
    [t("calc.totalPayment"), formatMoney(s.total_payment), "calc-total-payment"],
    [t("calc.aprNominal"), formatPercent(s.apr), "calc-apr"],
    [t("calc.aprEffective"), formatPercent(s.apr_effective), "calc-apr-effective"],
  ];
  return (
    <section
      className={stale ? "card calc-summary stale" : "card calc-summary"}
      data-testid="calc-summary"
      data-stale={stale ?? "no"}
      aria-busy={stale === "pending"}
    >
      <h2 className="section-title">{t("calc.result")}</h2>
      <div className="calc-payment">
        <span className="calc-payment-label">{t(PAYMENT_LABEL[terms.method])}</span>
        <span className="calc-payment-value">
          <span className="num" data-testid="calc-payment">
            {formatMoney(s.payment)}
          </span>
          <span className="unit">{unit}</span>
        </span>
      </div>
      <dl className="calc-figures">
        {figures.map(([label, value, testId]) => (
          <div key={testId}>
            <dt>{label}</dt>
            <dd className="num" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="calc-words">
        <span className="calc-words-label">{t("calc.inWords")}</span>
        <span data-testid="calc-words">{s.principal_in_words}</span>
      </div>
      <p className="field-hint">
        {fee ? t("calc.aprNoteFee", { fee: formatMoney(terms.upfront_fee) }) : t("calc.aprNote")}
      </p>
      {stale === "invalid" && (
        <p className="calc-stale-note" role="status">
          {t("calc.staleNote")}
        </p>
      )}
      {children}
    </section>
  );
}
