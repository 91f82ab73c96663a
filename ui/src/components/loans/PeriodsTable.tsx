// The booked schedule with what each period has received and where it stands today, under
// the allocation rule in words, so the officer can explain any figure to the client.
import { useTranslation } from "react-i18next";
import type { LoanView, PeriodView } from "../../bindings";
import { formatMoney } from "../../money";
import { PERIOD_STATUS_KEY } from "../../servicing";

const RULE_STEPS = ["loans.rule.1", "loans.rule.2", "loans.rule.3", "loans.rule.4", "loans.rule.5"] as const;

export function StatusBadge({ period }: { period: PeriodView }) {
  const { t } = useTranslation();
  const text =
    period.status === "overdue" ? t("loans.status.overdueDays", { count: period.overdue_days }) : t(PERIOD_STATUS_KEY[period.status]);
  return (
    <span className={`pill period-${period.status}`} data-testid="period-status" data-status={period.status}>
      {text}
    </span>
  );
}

export default function PeriodsTable({ loan }: { loan: LoanView }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="loan-periods">
      <h2 className="section-title">{t("loans.periods")}</h2>
      <details className="allocation-rule" data-testid="allocation-rule" open>
        <summary>{t("loans.ruleTitle")}</summary>
        <ol>
          {RULE_STEPS.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ol>
      </details>
      <div className="periods-scroll">
        <table className="simple-table periods-table">
          <thead>
            <tr>
              <th className="num">{t("calc.colPeriod")}</th>
              <th>{t("calc.colDue")}</th>
              <th className="num">{t("calc.colPrincipal")}</th>
              <th className="num">{t("calc.colInterest")}</th>
              <th className="num">{t("loans.paidPrincipal")}</th>
              <th className="num">{t("loans.paidInterest")}</th>
              <th className="num">{t("loans.waived")}</th>
              <th className="num">{t("loans.penaltyCol")}</th>
              <th className="num">{t("loans.compoundCol")}</th>
              <th className="num">{t("loans.remaining")}</th>
              <th>{t("loans.statusCol")}</th>
            </tr>
          </thead>
          <tbody>
            {loan.periods.map((p) => (
              <tr key={p.no} data-testid="period-row" data-period={p.no} data-status={p.status}>
                <td className="num">{p.no}</td>
                <td>{p.due_on}</td>
                <td className="num">{formatMoney(p.principal)}</td>
                <td className="num">{formatMoney(p.interest)}</td>
                <td className="num">{formatMoney(p.paid_principal)}</td>
                <td className="num">{formatMoney(p.paid_interest)}</td>
                <td className="num">{formatMoney(p.waived_interest)}</td>
                <td className="num" data-testid="period-penalty">
                  {formatMoney(p.penalty_interest)}
                </td>
                <td className="num" data-testid="period-compound">
                  {formatMoney(p.compound_interest)}
                </td>
                <td className="num" data-testid="period-remaining">
                  {formatMoney(p.remaining)}
                </td>
                <td>
                  <StatusBadge period={p} />
                  {p.settled_on && p.status === "paid" && <span className="muted small"> {p.settled_on}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
