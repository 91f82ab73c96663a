// Today's rows other than the loan reminders: clients to contact or stuck in a stage, a client's
// ratio breaches (one row per client, from the core), repricings, lifecycle suggestions and the
// recent activity. Each row opens its client; one primary action beside it at most.
import { useTranslation } from "react-i18next";
import type { Activity, FollowUpCard, LifecycleSuggestion, RatioAlert, RepricingDue, StuckCard } from "../../bindings";
import { activityText } from "../../activity";
import { RATIO_KEY } from "../../documents";
import { formatDateTime } from "../../format";
import { langOf } from "../../journey";
import { STATUS_KEY } from "../../labels";
import { formatPercent } from "../../money";
import { StageLabel, TierBadge } from "../Badges";
import LaterMenu from "./LaterMenu";

export function FollowUpRow({ r, onOpen }: { r: FollowUpCard; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const when =
    r.days_overdue > 0 ? t("today.overdueBy", { n: r.days_overdue }) : r.days_overdue === 0 ? t("today.dueToday") : t("today.inDays", { n: -r.days_overdue });
  return (
    <li className="agenda-row">
      <button
        type="button"
        className="row-link"
        data-testid="today-row"
        data-client-id={r.client_id}
        title={`${r.name} · ${t("today.nextOn", { date: r.next_on })} · ${when}`}
        onClick={() => onOpen(r.client_id)}
      >
        <span className="row-main">
          <TierBadge tier={r.tier} />
          <strong className="row-name">{r.name}</strong>
          <StageLabel stage={r.stage} short />
        </span>
        <span className={r.days_overdue > 0 ? "row-side late" : "row-side muted"}>
          {when} · {t("today.nextOn", { date: r.next_on })}
        </span>
      </button>
      <span className="row-actions">
        <button type="button" className="btn btn-primary btn-small" data-testid="today-log-contact" title={t("daily.logContactTitle")} onClick={() => onOpen(r.client_id)}>
          {t("daily.logContact")}
        </button>
      </span>
    </li>
  );
}

export function StuckRow({ r, onOpen }: { r: StuckCard; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <li className="agenda-row">
      <button type="button" className="row-link" data-testid="today-row" data-client-id={r.client_id} title={r.name} onClick={() => onOpen(r.client_id)}>
        <span className="row-main">
          <TierBadge tier={r.tier} />
          <strong className="row-name">{r.name}</strong>
          <StageLabel stage={r.stage} short />
        </span>
        <span className="row-side late">{t("today.daysInStage", { n: r.days_in_stage })}</span>
      </button>
    </li>
  );
}

interface RatioProps {
  a: RatioAlert;
  busy: boolean;
  onOpen: (id: number) => void;
  onMark: (a: RatioAlert, snoozeDays: number | null) => void;
}

/** One client's breached ratios, listed on its row; done or snoozed for all its loans at once. */
export function RatioAlertRow({ a, busy, onOpen, onMark }: RatioProps) {
  const { t } = useTranslation();
  const ratios = a.ratios.map((k) => t(RATIO_KEY[k])).join(t("daily.listSep"));
  const line = t("daily.ratioLine", { ratios, year: a.statement_year });
  return (
    <li className="agenda-row" data-testid="ratio-alert" data-client-id={a.client_id} data-ratios={a.ratios.join(" ")}>
      <button type="button" className="row-link" data-testid="ratio-alert-open" title={`${a.client_name} · ${line}`} onClick={() => onOpen(a.client_id)}>
        <span className="row-main">
          <strong className="row-name">{a.client_name}</strong>
          <span className="tag tag-warn">{a.ratios.length}</span>
        </span>
        <span className="row-side late">{line}</span>
      </button>
      <span className="row-actions">
        <button type="button" className="btn btn-primary btn-small" data-testid="ratio-alert-done" title={t("daily.done.notedTitle")} disabled={busy} onClick={() => onMark(a, null)}>
          {t("daily.done.noted")}
        </button>
        <LaterMenu busy={busy} onSnooze={(n) => onMark(a, n)} />
      </span>
    </li>
  );
}

export function RepricingRow({ r, onOpenLoan, onReprice }: { r: RepricingDue; onOpenLoan: (clientId: number, loanId: number) => void; onReprice: (r: RepricingDue) => void }) {
  const { t } = useTranslation();
  const line = t("reschedule.repriceLine", {
    date: r.reprice_on,
    from: formatPercent(r.current_percent),
    to: r.new_percent ? formatPercent(r.new_percent) : t("reschedule.noLpr"),
  });
  return (
    <li className="agenda-row" data-testid="repricing-row" data-loan-id={r.loan_id}>
      <button type="button" className="row-link" title={`${r.client_name} · ${r.contract_no}`} onClick={() => onOpenLoan(r.client_id, r.loan_id)}>
        <span className="row-main">
          <strong className="row-name">{r.client_name}</strong>
          <span className="muted small mono row-tag">{r.contract_no}</span>
        </span>
        <span className="row-side">{line}</span>
      </button>
      <span className="row-actions">
        <button
          type="button"
          className="btn btn-primary btn-small"
          data-testid="repricing-open"
          disabled={!r.new_percent}
          title={r.new_percent ? undefined : t("reschedule.noLprHint")}
          onClick={() => onReprice(r)}
        >
          {t("reschedule.reprice")}
        </button>
      </span>
    </li>
  );
}

export function SuggestionRow({ s, busy, onOpen, onApply }: { s: LifecycleSuggestion; busy: boolean; onOpen: (id: number) => void; onApply: (s: LifecycleSuggestion) => void }) {
  const { t } = useTranslation();
  return (
    <li className="agenda-row" data-testid="lifecycle-suggestion" data-client-id={s.client_id} data-to={s.to}>
      <button type="button" className="row-link" title={s.client_name} onClick={() => onOpen(s.client_id)}>
        <span className="row-main">
          <strong className="row-name">{s.client_name}</strong>
        </span>
        <span className="row-side">{t("lifecycle.line", { from: t(STATUS_KEY[s.from]), to: t(STATUS_KEY[s.to]), reason: t(`suggestionReason.${s.reason}`) })}</span>
      </button>
      <span className="row-actions">
        <button type="button" className="btn btn-primary btn-small" data-testid="lifecycle-apply" disabled={busy} onClick={() => onApply(s)}>
          {t("lifecycle.apply", { status: t(STATUS_KEY[s.to]) })}
        </button>
      </span>
    </li>
  );
}

export function ActivityRow({ a, onOpen }: { a: Activity; onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const id = a.client_id;
  const body = (
    <span className="row-main">
      <span className="muted small">{formatDateTime(a.at)}</span>
      {a.client_name && <strong className="row-name">{a.client_name}</strong>}
      <span className="small row-tag">{activityText(t, a, langOf(i18n.language))}</span>
    </span>
  );
  return (
    <li className="agenda-row">
      {id !== null ? (
        <button type="button" className="row-link" data-testid="today-row" data-client-id={id} onClick={() => onOpen(id)}>
          {body}
        </button>
      ) : (
        <div className="row-link">{body}</div>
      )}
    </li>
  );
}
