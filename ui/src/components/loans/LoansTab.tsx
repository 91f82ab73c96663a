// 贷款 on a client's page: the client's booked loans, booking a new one from the proposed
// scenario, and the chosen loan in full below the list.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { LoanSummary } from "../../bindings";
import { useAmountUnit } from "../../amountUnits";
import { amountWithUnit } from "../../money";
import UnitSwitch from "../UnitSwitch";
import { CLASS_KEY } from "../../servicing";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import CreditLinePanel from "../facility/CreditLinePanel";
import BookLoanForm from "./BookLoanForm";
import LoanPanel from "./LoanPanel";
import "../../servicing.css";

interface Props {
  clientId: number;
  /** The loan to show first (a reminder on Today links straight to it). */
  initialLoanId?: number;
}

export default function LoansTab({ clientId, initialLoanId }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [loans, setLoans] = useState<LoanSummary[] | null>(null);
  const [selected, setSelected] = useState<number | null>(initialLoanId ?? null);
  const [booking, setBooking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(
    () =>
      api.loansOfClient(clientId).then(
        (list) => {
          setLoans(list);
          setError(null);
          // With nothing chosen yet, the newest loan is the one the officer most likely wants.
          setSelected((s) => (s !== null && list.some((l) => l.id === s) ? s : (list[0]?.id ?? null)));
        },
        (e: unknown) => setError(handleError(e)),
      ),
    [clientId, handleError],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const [unit] = useAmountUnit("loans");

  return (
    <div className="loans-tab stack" data-testid="loans-tab">
      <CreditLinePanel clientId={clientId} refreshKey={loans} />
      <section className="card">
        <div className="card-head">
          <h2 className="section-title">{t("loans.title")}</h2>
          <UnitSwitch screen="loans" />
          {!booking && (
            <button type="button" className="btn btn-primary" data-testid="loan-book-open" onClick={() => setBooking(true)}>
              {t("loans.book")}
            </button>
          )}
        </div>
        <ErrorBox error={error} />
        {loans === null ? (
          !error && <p className="muted">{t("app.loading")}</p>
        ) : loans.length === 0 ? (
          <p className="muted" data-testid="loans-empty">
            {t("loans.none")}
          </p>
        ) : (
          <table className="simple-table loan-list" data-testid="loan-list">
            <thead>
              <tr>
                <th>{t("loans.contractNo")}</th>
                <th className="num">{t("loans.outstanding")}</th>
                <th className="num">{t("loans.overdueDays")}</th>
                <th>{t("loans.classification")}</th>
                <th>{t("loans.closedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {loans.map((l) => (
                <tr
                  key={l.id}
                  className={l.id === selected ? "selectable selected" : "selectable"}
                  data-testid="loan-row"
                  data-loan-id={l.id}
                  onClick={() => setSelected(l.id)}
                >
                  <td>
                    <button type="button" className="link-button" onClick={() => setSelected(l.id)}>
                      {l.contract_no}
                    </button>
                  </td>
                  <td className="num" data-value={l.outstanding_principal}>
                    {amountWithUnit(t, l.outstanding_principal, unit, l.currency)}
                  </td>
                  <td className={l.overdue_days > 0 ? "num late" : "num"}>{l.overdue_days}</td>
                  <td>{t(CLASS_KEY[l.classification])}</td>
                  <td>{l.closed_on ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {booking && (
        <BookLoanForm
          clientId={clientId}
          onCancel={() => setBooking(false)}
          onBooked={(id) => {
            setBooking(false);
            setSelected(id);
            void reload();
          }}
        />
      )}

      {selected !== null && <LoanPanel key={selected} loanId={selected} onChanged={() => void reload()} />}
    </div>
  );
}
