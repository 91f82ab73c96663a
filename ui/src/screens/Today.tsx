// The landing screen after unlock: overdue and due follow-ups, clients stuck in a stage, and
// recent activity. Every row opens the client in one click.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { FollowUpCard, Today as TodayData } from "../bindings";
import { StageLabel, TierBadge } from "../components/Badges";
import ErrorBox from "../components/ErrorBox";
import LifecycleSuggestionsCard from "../components/feedback/LifecycleSuggestionsCard";
import RemindersCard from "../components/loans/RemindersCard";
import RepricingsCard from "../components/reschedule/RepricingsCard";
import { activityText } from "../activity";
import { formatDateTime } from "../format";
import { langOf } from "../journey";
import { useErrorHandler } from "../session";
import "../journey.css";

interface Props {
  onOpen: (id: number) => void;
  /** A loan reminder opens the client on that loan. */
  onOpenLoan: (clientId: number, loanId: number) => void;
}

export default function Today({ onOpen, onOpenLoan }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const handleError = useErrorHandler();
  const [data, setData] = useState<TodayData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    api.todayGet(null, null).then(setData, (e: unknown) => setError(handleError(e)));
  }, [handleError]);

  const shown = (n: number, total: number, capped: boolean) =>
    n < total || capped ? <span className="muted small"> {t("today.shownOf", { shown: n, total: capped ? `${total}+` : total })}</span> : null;

  const followUps = (rows: FollowUpCard[], testId: string) =>
    rows.length === 0 ? (
      <p className="muted">{t("today.empty")}</p>
    ) : (
      <ul className="row-list" data-testid={testId}>
        {rows.map((r) => (
          <li key={r.client_id}>
            <button type="button" className="row-link" data-testid="today-row" data-client-id={r.client_id} onClick={() => onOpen(r.client_id)}>
              <span className="row-main">
                <TierBadge tier={r.tier} />
                <strong>{r.name}</strong>
                <StageLabel stage={r.stage} />
              </span>
              <span className={r.days_overdue > 0 ? "row-side late" : "row-side muted"}>
                {t("today.nextOn", { date: r.next_on })} ·{" "}
                {r.days_overdue > 0 ? t("today.overdueBy", { n: r.days_overdue }) : r.days_overdue === 0 ? t("today.dueToday") : t("today.inDays", { n: -r.days_overdue })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    );

  return (
    <section className="screen" data-testid="today-screen">
      <div className="screen-head">
        <h1>{t("today.title")}</h1>
        {data && <span className="muted">{data.today}</span>}
      </div>
      <RemindersCard onOpenLoan={onOpenLoan} onOpenClient={onOpen} />
      <RepricingsCard onOpenLoan={onOpenLoan} />
      <LifecycleSuggestionsCard onOpenClient={onOpen} />
      <ErrorBox error={error} />
      {!data ? (
        !error && <p className="muted">{t("app.loading")}</p>
      ) : (
        <div className="today-grid">
          <section className="card">
            <h2 className="section-title">
              {t("today.overdue")} <span className="tag tag-warn">{data.overdue_total}</span>
              {shown(data.overdue.length, data.overdue_total, data.overdue_capped)}
            </h2>
            {followUps(data.overdue, "today-overdue")}
          </section>
          <section className="card">
            <h2 className="section-title">
              {t("today.due")} <span className="tag">{data.due_total}</span>
              {shown(data.due.length, data.due_total, data.due_capped)}
            </h2>
            {followUps(data.due, "today-due")}
          </section>
          <section className="card">
            <h2 className="section-title">
              {t("today.stuck", { days: data.stuck_after_days })} <span className="tag tag-warn">{data.stuck_total}</span>
              {shown(data.stuck.length, data.stuck_total, data.stuck_capped)}
            </h2>
            {data.stuck.length === 0 ? (
              <p className="muted">{t("today.empty")}</p>
            ) : (
              <ul className="row-list" data-testid="today-stuck">
                {data.stuck.map((r) => (
                  <li key={r.client_id}>
                    <button type="button" className="row-link" data-testid="today-row" data-client-id={r.client_id} onClick={() => onOpen(r.client_id)}>
                      <span className="row-main">
                        <TierBadge tier={r.tier} />
                        <strong>{r.name}</strong>
                        <StageLabel stage={r.stage} />
                      </span>
                      <span className="row-side late">{t("today.daysInStage", { n: r.days_in_stage })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card">
            <h2 className="section-title">{t("today.recent")}</h2>
            {data.recent.length === 0 ? (
              <p className="muted">{t("today.empty")}</p>
            ) : (
              <ul className="row-list" data-testid="today-recent">
                {data.recent.map((a, i) => {
                  const id = a.client_id;
                  const body = (
                    <>
                      <span className="row-main">
                        <span className="muted small">{formatDateTime(a.at)}</span>
                        {a.client_name && <strong>{a.client_name}</strong>}
                        <span className="small">{activityText(t, a, lang)}</span>
                      </span>
                    </>
                  );
                  return (
                    <li key={i}>
                      {id !== null ? (
                        <button type="button" className="row-link" data-testid="today-row" data-client-id={id} onClick={() => onOpen(id)}>
                          {body}
                        </button>
                      ) : (
                        <div className="row-link">{body}</div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
