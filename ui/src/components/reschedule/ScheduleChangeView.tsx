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
  const nos = [...new Set([...change.old.map((r) => r.no), ...change.new.map((r) => r.no)])].sort((a, b) => a - b);
  const byNo = (rows: ScheduleRow[]) => new Map(rows.map((r) => [r.no, r]));
  const [oldRows, newRows] = [byNo(change.old), byNo(change.new)];
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
              <th className="num">{t("calc.colPeriod")}</th>
              <th>{t("reschedule.oldDue")}</th>
              <th className="num">{t("reschedule.oldPayment")}</th>
              <th>{t("reschedule.newDue")}</th>
              <th className="num">{t("reschedule.newPayment")}</th>
              <th className="num">{t("calc.colPrincipal")}</th>
              <th className="num">{t("calc.colInterest")}</th>
            </tr>
          </thead>
          <tbody>
            {nos.map((no) => {
              const [o, n] = [oldRows.get(no), newRows.get(no)];
              return (
                <tr key={no} data-testid="change-row" data-period={no} data-new={n ? "1" : "0"}>
                  <td className="num">{no}</td>
                  <td>{o?.due_on ?? "—"}</td>
                  <td className="num">{o ? formatMoney(o.payment) : "—"}</td>
                  <td>{n?.due_on ?? "—"}</td>
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
