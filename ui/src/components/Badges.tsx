// How stage, tier and status look wherever a client is shown.
import { useTranslation } from "react-i18next";
import type { LifecycleStatus, Tier } from "../bindings";
import { STAGE_KEY, STAGE_SHORT_KEY, STATUS_KEY, TIER_KEY, isStage } from "../labels";

/**
 * "2 初步接触与评估": the number first, as officers talk about stages by number. `short` gives
 * the core's short form ("2 初步评估") where the full name would be cut: rows, columns.
 */
export function StageLabel({ stage, short = false }: { stage: number; short?: boolean }) {
  const { t } = useTranslation();
  if (!isStage(stage)) return <span>{stage}</span>;
  const name = t(STAGE_KEY[stage]);
  return (
    <span className="stage" title={`${stage} ${name}`}>
      <span className={`stage-num s${stage}`}>{stage}</span> <span className="stage-name">{short ? t(STAGE_SHORT_KEY[stage]) : name}</span>
    </span>
  );
}

export function TierBadge({ tier }: { tier: Tier }) {
  const { t } = useTranslation();
  return (
    <span className={`tier tier-${tier}`} title={t(TIER_KEY[tier])}>
      {tier}
    </span>
  );
}

export function StatusPill({ status }: { status: LifecycleStatus }) {
  const { t } = useTranslation();
  return <span className={`pill status-${status}`}>{t(STATUS_KEY[status])}</span>;
}
