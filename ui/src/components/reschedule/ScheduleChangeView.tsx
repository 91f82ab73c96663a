// Old schedule beside the new one, with what the change does to the instalment, the maturity
// and the interest: what the officer reads to the client before saving.
import { useTranslation } from "react-i18next";
import type { ScheduleChange, ScheduleRow } from "../../bindings";
import { compareDecimal, formatMoney } from "../../money";

interface Props {
  change: ScheduleChange;
  currency: string;
}

export default function ScheduleChangeView({ change, currency }: Props) {
  const { t } = useTranslation();
  const money = (s: string) => `${currency} ${formatMoney(s)}`;
  const saved = compareDecimal(change.interest_saved, "0");
  // Paired by due date, not by number: a prepayment or an extension renumbers the periods,
  // and the officer compares what falls due on the same day.
  const dates = [...new Set([...change.old.map((r) => r.due_on), ...change.new.map((r) => r.due_on)])].sort();
  const byDate = (rows: ScheduleRow[]) => new Map(rows.map((r) => [r.due_on, r]));
  const [oldRows, newRows] = [byDate(change.old), byDate(change.new)];
  return (
    <div className="stack" data-testid="change-preview">
      <table className="simple-table change-figures">
        <thead>
          <tr>
            <th />
            <th className="num">{t("reschedule.before")}</th>
            <th className="num">{t("reschedule.after")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t("reschedule.payment")}</td>
            <td className="num">{money(change.old_payment)}</td>
            <td className="num" data-testid="change-new-payment">
              {money(change.new_payment)}
            </td>
          </tr>
          <tr>
            <td>{t("reschedule.maturity")}</td>
            <td className="num">{change.old_maturity}</td>
            <td className="num" data-testid="change-new-maturity">
              {change.new_maturity}
            </td>
          </tr>
          <tr>
            <td>{t("reschedule.interest")}</td>
            <td className="num">{money(change.old_interest)}</td>
            <td className="num">{money(change.new_interest)}</td>
          </tr>
        </tbody>
      </table>
      <p className={saved >= 0 ? "ok-text" : "warn-text"} data-testid="change-interest-saved" data-value={change.interest_saved}>
        {saved >= 0
          ? t("reschedule.interestSaved", { amount: money(change.interest_saved) })
          : t("reschedule.interestAdded", { amount: money(change.interest_saved.replace(/^-/, "")) })}
      </p>
      {compareDecimal(change.prepaid_principal, "0") > 0 && (
        <p className="muted" data-testid="change-prepaid">
          {t("reschedule.prepaidLine", { principal: money(change.prepaid_principal), fee: money(change.fee) })}
        </p>
      )}
      <div className="periods-scroll change-rows">
        <table className="simple-table">
          <thead>
            <tr>
              <th>{t("calc.colDue")}</th>
              <th className="num">{t("reschedule.oldPayment")}</th>
              <th className="num">{t("reschedule.newPayment")}</th>
              <th className="num">{t("calc.colPrincipal")}</th>
              <th className="num">{t("calc.colInterest")}</th>
            </tr>
          </thead>
          <tbody>
            {dates.map((due) => {
              const [o, n] = [oldRows.get(due), newRows.get(due)];
              return (
                <tr key={due} data-testid="change-row" data-due={due} data-new={n ? "1" : "0"}>
                  <td>{due}</td>
                  <td className="num">{o ? formatMoney(o.payment) : "—"}</td>
                  <td className="num">{n ? formatMoney(n.payment) : "—"}</td>
                  <td className="num">{n ? formatMoney(n.principal) : "—"}</td>
                  <td className="num">{n ? formatMoney(n.interest) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
