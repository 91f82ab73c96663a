// 客户画像 at the top of the client page (issue 16): first what an officer looks for (issue 19:
// stage and days in it, next contact, proposed amount, outstanding, overdue), then the
// satisfaction trend and open problems (lifecycle and tier are the badges beside the name); a
// lifecycle change the facts suggest is offered here too, applied only on a click.
import { useTranslation } from "react-i18next";
import type { ClientProfile, ScorePoint } from "../../bindings";
import { STATUS_KEY } from "../../labels";
import { useAmountUnit } from "../../amountUnits";
import { amountWithUnit, formatPayment, unitLabel } from "../../money";
import { StageLabel } from "../Badges";

interface Props {
  profile: ClientProfile;
  busy: boolean;
  onApplySuggestion: () => void;
  /** The stage fact opens the journey tab (checklist and gate). */
  onOpenJourney?: () => void;
}

export default function ClientProfileHeader({ profile: p, busy, onApplySuggestion, onOpenJourney }: Props) {
  const { t } = useTranslation();
  // Figures in the client screens' unit (issue 19, item 1); what is overdue is a payment, to the fen.
  const [unit] = useAmountUnit("clients");
  const next = p.follow_up;
  const stage = (
    <>
      <StageLabel stage={p.stage} /> <span className="muted small">{t("profile.daysInStage", { count: p.days_in_stage })}</span>
    </>
  );
  return (
    <div className="profile-strip" data-testid="client-profile">
      <dl className="profile-facts">
        <div className="profile-fact">
          <dt>{t("profile.stage")}</dt>
          <dd data-testid="profile-stage" data-days={p.days_in_stage}>
            {onOpenJourney ? (
              <button type="button" className="link-button" data-testid="profile-stage-open" title={t("clientPage.openJourney")} onClick={onOpenJourney}>
                {stage}
              </button>
            ) : (
              stage
            )}
          </dd>
        </div>
        <div className="profile-fact">
          <dt>{t("profile.nextContact")}</dt>
          <dd data-testid="profile-next-contact" className={next && next.days_overdue > 0 ? "late" : undefined}>
            {next === null
              ? t("profile.noNextContact")
              : next.days_overdue > 0
                ? t("profile.nextLate", { date: next.next_on, count: next.days_overdue })
                : next.next_on}
          </dd>
        </div>
        <div className="profile-fact">
          <dt>{t("clientPage.proposedAmount")}</dt>
          <dd data-testid="profile-proposed" data-amount={p.proposed?.principal ?? ""}>
            {p.proposed ? amountWithUnit(t, p.proposed.principal, unit, p.proposed.currency) : <span className="muted">{t("clientPage.noProposal")}</span>}
          </dd>
        </div>
        <div className="profile-fact">
          <dt>{t("profile.loans")}</dt>
          <dd data-testid="profile-loans" data-count={p.active_loans}>
            {p.active_loans === 0 ? t("profile.noLoans") : t("profile.loansLine", { count: p.active_loans, amount: amountWithUnit(t, p.outstanding, unit) })}
          </dd>
        </div>
        <div className="profile-fact">
          <dt>{t("clientPage.overdue")}</dt>
          <dd data-testid="profile-overdue" data-days={p.overdue_days} className={p.overdue_days > 0 ? "late" : undefined}>
            {p.overdue_days > 0 ? t("clientPage.overdueLine", { count: p.overdue_days, amount: `${formatPayment(p.overdue_amount)} ${unitLabel(t, "yuan", null)}` }) : t("clientPage.noOverdue")}
          </dd>
        </div>
        <div className="profile-fact">
          <dt>{t("profile.satisfaction")}</dt>
          <dd data-testid="profile-score" data-avg={p.avg_score ?? ""}>
            {p.scores.length === 0 ? <span className="muted">{t("profile.noScores")}</span> : <ScoreTrend scores={p.scores} avg={p.avg_score} />}
          </dd>
        </div>
        <div className="profile-fact">
          <dt>{t("profile.openProblems")}</dt>
          <dd data-testid="profile-open-problems" data-count={p.open_problems} className={p.open_problems > 0 ? "late" : undefined}>
            {p.open_problems}
          </dd>
        </div>
      </dl>
      {p.suggestion && (
        <div className="alert alert-warn profile-suggestion" data-testid="profile-suggestion" data-to={p.suggestion.to}>
          <span>
            {t("lifecycle.line", {
              from: t(STATUS_KEY[p.suggestion.from]),
              to: t(STATUS_KEY[p.suggestion.to]),
              reason: t(`suggestionReason.${p.suggestion.reason}`),
            })}
          </span>
          <button type="button" className="btn btn-primary btn-small" data-testid="profile-apply" disabled={busy} onClick={onApplySuggestion}>
            {t("lifecycle.apply", { status: t(STATUS_KEY[p.suggestion.to]) })}
          </button>
        </div>
      )}
    </div>
  );
}

/** The latest scores as small bars (1–5), oldest first, with the mean of all. */
function ScoreTrend({ scores, avg }: { scores: ScorePoint[]; avg: string | null }) {
  const { t } = useTranslation();
  return (
    <span className="score-trend" title={scores.map((s) => `${s.date}: ${s.score}`).join("\n")}>
      <span className="score-bars" aria-hidden="true">
        {scores.map((s, i) => (
          <span key={i} className={`score-bar score-${s.score}`} style={{ height: `${s.score * 3 + 2}px` }} />
        ))}
      </span>
      <span>{t("profile.scoreLine", { last: scores[scores.length - 1]?.score ?? "", avg: avg ?? "" })}</span>
    </span>
  );
}
