// Today: floating-rate loans whose repricing day has come. Each opens the repricing preview;
// nothing changes until the officer confirms there.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { RepricingDue } from "../../bindings";
import { formatPercent } from "../../money";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import RepriceDialog from "./RepriceDialog";

interface Props {
  onOpenLoan: (clientId: number, loanId: number) => void;
}

export default function RepricingsCard({ onOpenLoan }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [due, setDue] = useState<RepricingDue[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<RepricingDue | null>(null);

  const load = useCallback(() => {
    api.repricingsDue().then(setDue, (e: unknown) => setError(handleError(e)));
  }, [handleError]);
  useEffect(load, [load]);

  if (!error && (!due || due.length === 0)) return null;
  return (
    <section className="card" data-testid="repricings-card">
      <h2 className="section-title">
        {t("reschedule.repricingsDue")} <span className="tag tag-warn">{due?.length ?? 0}</span>
      </h2>
      <ErrorBox error={error} />
      <ul className="row-list" data-testid="repricings">
        {due?.map((r) => (
          <li key={r.loan_id} className="row-link repricing-row" data-testid="repricing-row" data-loan-id={r.loan_id}>
            <button type="button" className="btn btn-link" onClick={() => onOpenLoan(r.client_id, r.loan_id)}>
              <strong>{r.client_name}</strong> · {r.contract_no}
            </button>
            <span className="row-side">
              {t("reschedule.repriceLine", {
                date: r.reprice_on,
                from: formatPercent(r.current_percent),
                to: r.new_percent ? formatPercent(r.new_percent) : t("reschedule.noLpr"),
              })}
            </span>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              data-testid="repricing-open"
              disabled={!r.new_percent}
              title={r.new_percent ? undefined : t("reschedule.noLprHint")}
              onClick={() => setOpen(r)}
            >
              {t("reschedule.reprice")}
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <RepriceDialog
          loanId={open.loan_id}
          // The LPR is a renminbi benchmark: only CNY loans float on it.
          currency="CNY"
          on={open.reprice_on}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            load();
          }}
        />
      )}
    </section>
  );
}
