// One booked loan as the officer sees it today: where it stands (outstanding, overdue, bucket,
// payoff), its classification, the periods with their status, the repayments and the reminder
// text for the client. Every change returns the whole loan again, so the view never drifts.
import { useCallback, useEffect, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { LoanView } from "../../bindings";
import { formatDateTime, todayISO } from "../../format";
import { scenarioLine } from "../../loanText";
import { useAmountUnit } from "../../amountUnits";
import { amountWithUnit, compareDecimal, formatMoney } from "../../money";
import { langOf } from "../../journey";
import { AGE_KEY } from "../../servicing";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import ExtendDialog from "../reschedule/ExtendDialog";
import PrepayDialog from "../reschedule/PrepayDialog";
import RepriceDialog from "../reschedule/RepriceDialog";
import ClassificationCard from "./ClassificationCard";
import PeriodsTable from "./PeriodsTable";
import ReminderTextCard from "./ReminderTextCard";
import RepaymentsCard from "./RepaymentsCard";
import WaiveDialog from "./WaiveDialog";
import LoanSecurityPanel from "../security/LoanSecurityPanel";

interface Props {
  loanId: number;
  /** Told after a change, so the list above can show the new figures. */
  onChanged: () => void;
}

export default function LoanPanel({ loanId, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [unit] = useAmountUnit("loans");
  // The schedule PDF is written like the proposal: in the officer's unit for PDFs.
  const [pdfUnit] = useAmountUnit("pdf");
  const handleError = useErrorHandler();
  const [loan, setLoan] = useState<LoanView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [changing, setChanging] = useState<"prepay" | "extend" | "reprice" | "waive" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let live = true;
    api.loanGet(loanId).then(
      (v) => live && setLoan(v),
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [loanId, handleError]);

  const changed = useCallback(
    (v: LoanView) => {
      setLoan(v);
      onChanged();
    },
    [onChanged],
  );
  const rescheduled = useCallback(
    (v: LoanView) => {
      setChanging(null);
      setNotice(t("reschedule.saved", { n: v.version }));
      changed(v);
    },
    [changed, t],
  );
  const exportSchedule = async () => {
    if (!loan) return;
    setExporting(true);
    setError(null);
    try {
      const r = await api.exportLoanSchedule(loan.id, langOf(i18n.language), pdfUnit, false);
      if (r.path) setNotice(t("loans.savedTo", { path: r.path }));
    } catch (e) {
      setError(handleError(e));
    } finally {
      setExporting(false);
    }
  };
  const cancelChange = useCallback(() => setChanging(null), []);
  const waived = useCallback(
    (v: LoanView) => {
      setChanging(null);
      setNotice(t("penalty.waivedNotice"));
      changed(v);
    },
    [changed, t],
  );

  if (!loan) {
    return error ? <ErrorBox error={error} /> : <p className="muted">{t("app.loading")}</p>;
  }

  const money = (s: string) => `${loan.currency} ${formatMoney(s)}`;
  const late = loan.overdue_days > 0;
  // The core's figure: unpaid principal and interest due, with penalty and compound interest.
  const owed = loan.amount_due;
  const penaltyOwed = compareDecimal(loan.penalty_interest, "0") > 0 || compareDecimal(loan.compound_interest, "0") > 0;
  return (
    <div className="stack loan-panel" data-testid="loan-panel" data-loan-id={loan.id}>
      <section className="card">
        <div className="card-head">
          <h2 className="section-title">
            {t("loans.contract")} <span data-testid="loan-contract">{loan.contract_no}</span>
          </h2>
          {loan.closed_on ? (
            <span className="pill loan-state-closed" data-testid="loan-closed">
              {t("loans.closedBadge", { date: loan.closed_on })}
            </span>
          ) : (
            <span className={late ? "pill loan-state-late" : "pill loan-state-ok"} data-testid="loan-state">
              {late ? t("loans.lateBadge", { count: loan.overdue_days }) : t("loans.currentBadge")}
            </span>
          )}
        </div>
        <div className="loan-figures">
          <Figure label={t("loans.outstanding")} value={amountWithUnit(t, loan.outstanding_principal, unit, loan.currency)} exact={loan.outstanding_principal} testId="loan-outstanding" />
          <Figure label={t("loans.dueNow")} value={money(owed)} testId="loan-due-now" hint={t("loans.dueNowHint")} />
          <Figure label={t("loans.overdueDays")} value={String(loan.overdue_days)} testId="loan-overdue-days" warn={late} />
          <Figure label={t("loans.overdueAmount")} value={money(loan.overdue_amount)} testId="loan-overdue-amount" warn={late} />
          <Figure label={t("loans.ageBucket")} value={t(AGE_KEY[loan.age_bucket])} testId="loan-age" warn={late} />
          <Figure label={t("loans.payoffToday")} value={money(loan.payoff_today)} testId="loan-payoff" hint={t("loans.payoffHint")} />
          <Figure
            label={t("loans.penaltyAccrued")}
            value={money(loan.penalty_interest)}
            testId="loan-penalty"
            hint={t("loans.penaltyHint")}
            warn={loan.penalty_interest !== "0.00" && loan.penalty_interest !== "0"}
          />
          <Figure
            label={t("loans.compoundAccrued")}
            value={money(loan.compound_interest)}
            testId="loan-compound"
            hint={t("loans.compoundHint")}
            warn={loan.compound_interest !== "0.00" && loan.compound_interest !== "0"}
          />
        </div>
        {!loan.closed_on && (
          <div className="form-actions loan-actions">
            <button type="button" className="btn btn-secondary" data-testid="loan-prepay" onClick={() => setChanging("prepay")}>
              {t("reschedule.prepay")}
            </button>
            <button type="button" className="btn btn-secondary" data-testid="loan-extend" onClick={() => setChanging("extend")}>
              {t("reschedule.extend")}
            </button>
            {loan.reprice !== "none" && (
              <button type="button" className="btn btn-secondary" data-testid="loan-reprice" onClick={() => setChanging("reprice")}>
                {t("reschedule.reprice")}
              </button>
            )}
 {penaltyOwed && (
              <button type="button" className="btn btn-secondary" data-testid="loan-waive" onClick={() => setChanging("waive")}>
                {t("penalty.waive")}
              </button>
            )}
            <button type="button" className="btn btn-secondary" data-testid="loan-schedule-pdf" disabled={exporting} onClick={() => void exportSchedule()}>
              {t("reschedule.schedulePdf")}
            </button>
          </div>
        )}
        {notice && (
          <div className="alert alert-ok" role="status" data-testid="loan-notice">
            {notice}
          </div>
        )}
        <ErrorBox error={error} />
        {loan.overpaid !== "0" && loan.overpaid !== "0.00" && (
          <div className="alert alert-warn" data-testid="loan-overpaid">
            {t("loans.overpaid", { amount: money(loan.overpaid) })}
          </div>
        )}
        <dl className="info-grid" data-testid="loan-terms">
          <div className="info-item">
            <dt>{t("loans.terms")}</dt>
            <dd>{scenarioLine(t, loan.terms)}</dd>
          </div>
          <div className="info-item">
            <dt>{t("loans.signedOn")}</dt>
            <dd>{loan.signed_on}</dd>
          </div>
          <div className="info-item">
            <dt>{t("loans.disbursements")}</dt>
            <dd data-testid="loan-disbursement-list">
              {loan.disbursements.map((d, i) => (
                <div key={i}>
                  {d.on} · {money(d.amount)}
                </div>
              ))}
            </dd>
          </div>
          <div className="info-item">
            <dt>{t("penalty.terms")}</dt>
            <dd data-testid="loan-penalty-terms">
              <div>
                {t("penalty.termsLine", { markup: loan.penalty.markup_percent })}
                {loan.penalty.misuse ? ` · ${t("penalty.misuse")}` : ""} · {t(`penaltyBasis.${loan.penalty.basis}`)}
              </div>
              <div className="muted small">
                {t("penalty.orderLine", { order: loan.penalty.order.map((p) => t(`allocationPart.${p}`)).join(" → ") })}
              </div>
              {loan.terms.rate.kind === "lpr" && <div className="muted small">{t(`reprice.${loan.reprice}`)}</div>}
            </dd>
          </div>
          {loan.waivers.length > 0 && (
            <div className="info-item">
              <dt>{t("penalty.waivers")}</dt>
              <dd data-testid="loan-waivers">
                {loan.waivers.map((w) => (
                  <div key={w.id} data-testid="loan-waiver">
                    {w.on} · {money(w.amount)} · {w.reason}
                  </div>
                ))}
              </dd>
            </div>
          )}
          <div className="info-item">
            <dt>{t("loans.account")}</dt>
            <dd className="mono">{loan.repayment_account || t("common.notSet")}</dd>
          </div>
          <div className="info-item">
            <dt>{t("loans.versions")}</dt>
            <dd data-testid="loan-versions">
              {loan.versions.map((v) => (
                <div key={v.version} className={v.version === loan.version ? "" : "muted"}>
                  {t("loans.versionLine", {
                    n: v.version,
                    reason: versionReason(t, v.reason),
                    at: formatDateTime(v.created_at),
                  })}
                  {v.version === loan.version && <span className="tag tag-ok">{t("loans.versionCurrent")}</span>}
                </div>
              ))}
            </dd>
          </div>
        </dl>
      </section>

      <div className="loan-columns">
        <RepaymentsCard loan={loan} dueNow={owed} onChanged={changed} />
        <div className="stack">
          <ClassificationCard loan={loan} onChanged={changed} />
          <ReminderTextCard loan={loan} />
        </div>
      </div>

      <LoanSecurityPanel loan={loan} onChanged={changed} />

      <PeriodsTable loan={loan} />
      {changing === "prepay" && <PrepayDialog loan={loan} onDone={rescheduled} onCancel={cancelChange} />}
      {changing === "extend" && <ExtendDialog loan={loan} onDone={rescheduled} onCancel={cancelChange} />}
      {changing === "waive" && <WaiveDialog loan={loan} onDone={waived} onCancel={cancelChange} />}
      {changing === "reprice" && (
        <RepriceDialog loanId={loan.id} currency={loan.currency} on={todayISO()} onDone={rescheduled} onCancel={cancelChange} />
      )}
    </div>
  );
}

/** The core records why a version was made as "booked", "prepayment <mode>", "reprice <day> <rate>%"
 * or the officer's own words (an extension's reason): shown in the officer's language. */
function versionReason(t: TFunction, reason: string): string {
  if (reason === "booked") return t("loans.versionBooked");
  const [what, ...rest] = reason.split(" ");
  if (what === "prepayment" && (rest[0] === "reduce-payment" || rest[0] === "shorten-term"))
    return `${t("reschedule.prepay")} · ${t(`prepayMode.${rest[0]}`)}`;
  if (what === "reprice" && rest.length === 2) return `${t("reschedule.reprice")} · ${rest.join(" ")}`;
  return reason;
}

interface FigureProps {
  label: string;
  value: string;
  testId: string;
  hint?: string;
  warn?: boolean;
  /** The exact amount when `value` is shown in a unit (万元, 亿元). */
  exact?: string;
}

function Figure({ label, value, testId, hint, warn, exact }: FigureProps) {
  return (
    <div className="loan-figure" title={hint}>
      <span className="field-label">{label}</span>
      <span className={warn ? "loan-figure-value num late" : "loan-figure-value num"} data-testid={testId} data-value={exact}>
        {value}
      </span>
    </div>
  );
}
