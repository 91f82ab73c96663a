// 贷后提醒 on Today: overdue repayments, repayments due within N days, collateral shortfalls,
// quarterly and annual reviews, covenant breaches, revaluations due, registrations and insurance
// ending, credit lines to renew, client problems still open, loans to renew (续贷) and clients
// gone quiet. Each opens its loan (a client's reminder, its client) in one click; snooze or mark
// done in place, and act on the lifecycle ones: resolve the problem, start the renewal, mark the
// client dormant.
import type { TFunction } from "i18next";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { Reminder, ReminderKind } from "../../bindings";
import { RATIO_KEY } from "../../documents";
import { todayISO } from "../../format";
import { formatMoney } from "../../money";
import { addDays, REMINDER_DAYS_DEFAULT, REMINDER_DAYS_MAX, REMINDER_KIND_KEY, REMINDER_KINDS, SNOOZE_DAYS } from "../../servicing";
import { wholeIn } from "../../wholeNumber";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import ResolveProblemDialog from "../feedback/ResolveProblemDialog";
import "../../servicing.css";

const GROUP_SHOWN = 10;

interface Props {
  onOpenLoan: (clientId: number, loanId: number) => void;
  /** A credit line's reminder has no loan: it opens the client. */
  onOpenClient: (clientId: number) => void;
}

/** Kinds whose heading is drawn as late: money owed or missing. */
const LATE_KINDS: ReadonlySet<ReminderKind> = new Set(["overdue", "covenant", "shortfall"]);

export default function RemindersCard({ onOpenLoan, onOpenClient }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [daysText, setDaysText] = useState(String(REMINDER_DAYS_DEFAULT));
  const [days, setDays] = useState(REMINDER_DAYS_DEFAULT);
  const [list, setList] = useState<Reminder[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  // A big book can have hundreds of reminders of a kind: the first few, the rest on request.
  const [expanded, setExpanded] = useState<ReadonlySet<ReminderKind>>(() => new Set());
  // The open problem being resolved from its row.
  const [resolving, setResolving] = useState<Reminder | null>(null);

  const reload = useCallback(
    () =>
      api.remindersGet(days).then(
        (r) => {
          setList(r);
          setError(null);
        },
        (e: unknown) => setError(handleError(e)),
      ),
    [days, handleError],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const mark = async (r: Reminder, snoozeDays: number | null) => {
    setBusyKey(r.key);
    try {
      await api.reminderMark(r.key, snoozeDays === null ? { mark: "done" } : { mark: "snooze", until: addDays(todayISO(), snoozeDays) });
      await reload();
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusyKey(null);
    }
  };

  /** The lifecycle rows' own action; each reloads Today after, as the reminder is then gone. */
  const act = async (r: Reminder, run: () => Promise<unknown>, afterwards?: () => void) => {
    setBusyKey(r.key);
    try {
      await run();
      await reload();
      afterwards?.();
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusyKey(null);
    }
  };

  const daysInvalid = wholeIn(daysText, 0, REMINDER_DAYS_MAX) === null;
  const groups = REMINDER_KINDS.map((kind) => [kind, (list ?? []).filter((r) => r.kind === kind)] as const);

  return (
    <section className="card reminders-card" data-testid="reminders">
      <div className="card-head">
        <h2 className="section-title">
          {t("reminders.title")} {list && <span className={list.length > 0 ? "tag tag-warn" : "tag"}>{list.length}</span>}
        </h2>
        <label className="inline small">
          {t("reminders.dueWithin")}
          <input
            type="number"
            min={0}
            max={366}
            className="input-narrow"
            data-testid="reminders-days"
            aria-invalid={daysInvalid ? true : undefined}
            value={daysText}
            onChange={(e) => {
              setDaysText(e.target.value);
              const n = wholeIn(e.target.value, 0, REMINDER_DAYS_MAX);
              if (n !== null) setDays(n);
            }}
          />
          {t("reminders.days")}
        </label>
      </div>
      {daysInvalid && <div className="field-error">{t("reminders.daysInvalid")}</div>}
      <ErrorBox error={error} />
      {list === null ? (
        !error && <p className="muted">{t("app.loading")}</p>
      ) : list.length === 0 ? (
        <p className="muted" data-testid="reminders-empty">
          {t("reminders.none")}
        </p>
      ) : (
        <div className="reminder-groups">
          {groups
            .filter(([, rows]) => rows.length > 0)
            .map(([kind, rows]) => (
              <div key={kind} className="reminder-group" data-testid={`reminders-${kind}`}>
                <h3 className={LATE_KINDS.has(kind) ? "reminder-kind late" : "reminder-kind"}>
                  {t(REMINDER_KIND_KEY[kind])} <span className="muted">({rows.length})</span>
                </h3>
                <ul className="row-list">
                  {(expanded.has(kind) ? rows : rows.slice(0, GROUP_SHOWN)).map((r) => (
                    <li
                      key={r.key}
                      className="reminder-row"
                      data-testid="reminder-row"
                      data-key={r.key}
                      data-kind={r.kind}
                      data-loan-id={r.loan_id ?? undefined}
                      data-facility-id={r.facility_id ?? undefined}
                      data-collateral-id={r.collateral_id ?? undefined}
                    >
                      <button
                        type="button"
                        className="row-link"
                        data-testid="reminder-open"
                        onClick={() => {
                          const loanId = r.loan_id;
                          if (loanId === null) onOpenClient(r.client_id);
                          else onOpenLoan(r.client_id, loanId);
                        }}
                      >
                        <span className="row-main">
                          <strong>{r.client_name}</strong>
                          {r.contract_no ? (
                            <span className="muted small mono">{r.contract_no}</span>
                          ) : (
                            <span className="muted small">{t(clientTag(r.kind))}</span>
                          )}
                        </span>
                        <span className={sideLate(r) ? "row-side late" : "row-side"} data-testid="reminder-detail">
                          {detail(t, kind, r)}
                        </span>
                      </button>
                      <span className="reminder-actions">
                        {r.kind === "open_problem" && r.problem_id !== null && (
                          <button
                            type="button"
                            className="btn btn-primary btn-small"
                            data-testid="reminder-resolve"
                            disabled={busyKey === r.key}
                            onClick={() => setResolving(r)}
                          >
                            {t("reminders.resolve")}
                          </button>
                        )}
                        {r.kind === "renewal_due" && r.loan_id !== null && (
                          <button
                            type="button"
                            className="btn btn-primary btn-small"
                            data-testid="reminder-start-renewal"
                            title={t("reminders.startRenewalTitle")}
                            disabled={busyKey === r.key}
                            onClick={() => {
                              const loanId = r.loan_id;
                              if (loanId !== null)
                                void act(r, () => api.opportunityStart({ kind: "renewal", id: loanId }, 3), () => onOpenClient(r.client_id));
                            }}
                          >
                            {t("reminders.startRenewal")}
                          </button>
                        )}
                        {r.kind === "dormant" && (
                          <button
                            type="button"
                            className="btn btn-primary btn-small"
                            data-testid="reminder-mark-dormant"
                            title={t("reminders.markDormantTitle")}
                            disabled={busyKey === r.key}
                            onClick={() => void act(r, () => api.lifecycleApply(r.client_id, "dormant"))}
                          >
                            {t("reminders.markDormant")}
                          </button>
                        )}
                        {SNOOZE_DAYS.map((n) => (
                          <button
                            key={n}
                            type="button"
                            className="btn btn-ghost btn-small"
                            data-testid={`reminder-snooze-${n}`}
                            disabled={busyKey === r.key}
                            title={t("reminders.snoozeTitle", { n })}
                            onClick={() => void mark(r, n)}
                          >
                            {t("reminders.snooze", { n })}
                          </button>
                        ))}
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          data-testid="reminder-done"
                          disabled={busyKey === r.key}
                          onClick={() => void mark(r, null)}
                        >
                          {t("reminders.done")}
                        </button>
                      </span>
                    </li>
                  ))}
                </ul>
                {rows.length > GROUP_SHOWN && !expanded.has(kind) && (
                  <button
                    type="button"
                    className="link-button small"
                    data-testid="reminders-show-all"
                    onClick={() => setExpanded((s) => new Set(s).add(kind))}
                  >
                    {t("reminders.showAll", { n: rows.length })}
                  </button>
                )}
              </div>
            ))}
        </div>
      )}
      {resolving && resolving.problem_id !== null && (
        <ResolveProblemDialog
          problemId={resolving.problem_id}
          clientId={resolving.client_id}
          clientName={resolving.client_name}
          onCancel={() => setResolving(null)}
          onResolved={() => {
            setResolving(null);
            void reload();
          }}
        />
      )}
    </section>
  );
}

/** What a reminder without a contract is about. */
function clientTag(kind: ReminderKind) {
  switch (kind) {
    case "open_problem":
      return "reminders.clientProblem";
    case "dormant":
      return "reminders.lifecycleTag";
    default:
      return "security.reminder.creditLine";
  }
}

/** Kinds whose date, once past, is drawn as late on the right. */
const DATED_KINDS: ReadonlySet<ReminderKind> = new Set(["revaluation_due", "registration_expiry", "insurance_expiry", "facility_expiry"]);

function sideLate(r: Reminder): boolean {
  return r.kind === "overdue" || r.kind === "shortfall" || r.kind === "open_problem" || (DATED_KINDS.has(r.kind) && r.overdue_days > 0);
}

/** The line on the right: what is owed and when, which review or ratio, which item or line. */
function detail(t: TFunction, kind: ReminderKind, r: Reminder): string {
  const amount = r.amount === null ? "" : `${formatMoney(r.amount)}`;
  const item = r.collateral_kind ? t(`collateralKind.${r.collateral_kind}`) : "";
  const ended = r.overdue_days > 0;
  switch (kind) {
    case "overdue":
      return t("reminders.overdueLine", { count: r.overdue_days, date: r.due_on, amount, period: r.period_no ?? "" });
    case "due_soon":
      return t("reminders.dueLine", { date: r.due_on, amount, period: r.period_no ?? "" });
    case "quarterly_review":
    case "annual_review":
      return r.overdue_days > 0 ? t("reminders.reviewLate", { date: r.due_on, count: r.overdue_days }) : t("reminders.reviewLine", { date: r.due_on });
    case "covenant":
      return t("reminders.covenantLine", { ratio: r.ratio ? t(RATIO_KEY[r.ratio]) : "", year: r.statement_year ?? "" });
    case "shortfall":
      return t("security.reminder.shortfallLine", { amount });
    case "revaluation_due":
      return ended
        ? t("security.reminder.revaluationLate", { kind: item, date: r.due_on })
        : t("security.reminder.revaluationLine", { kind: item, date: r.due_on });
    case "registration_expiry":
      return ended
        ? t("security.reminder.registrationEnded", { kind: item, date: r.due_on })
        : t("security.reminder.registrationLine", { kind: item, date: r.due_on });
    case "insurance_expiry":
      return ended
        ? t("security.reminder.insuranceEnded", { kind: item, date: r.due_on })
        : t("security.reminder.insuranceLine", { kind: item, date: r.due_on });
    case "facility_expiry":
      return ended ? t("security.reminder.facilityEnded", { amount, date: r.due_on }) : t("security.reminder.facilityLine", { amount, date: r.due_on });
    case "open_problem":
      return t("reminders.openProblemLine", { date: r.due_on });
    case "renewal_due":
      return t("reminders.renewalLine", { amount, date: r.due_on });
    case "dormant":
      return t("reminders.dormantLine", { date: r.due_on });
  }
}
