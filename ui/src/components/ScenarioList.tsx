// The client's saved scenarios, the proposed loan first and marked.
import { useTranslation } from "react-i18next";
import type { LoanScenario } from "../bindings";
import { formatDateTime } from "../format";
import { scenarioLine } from "../loanText";

interface Props {
  scenarios: readonly LoanScenario[] | null;
  editingId: number | null;
  compareFull: boolean;
  onLoad: (s: LoanScenario) => void;
  onCompare: (s: LoanScenario) => void;
  onDelete: (s: LoanScenario) => void;
}

export default function ScenarioList({ scenarios, editingId, compareFull, onLoad, onCompare, onDelete }: Props) {
  const { t } = useTranslation();
  if (scenarios === null) return <p className="muted">{t("app.loading")}</p>;
  if (scenarios.length === 0) {
    return (
      <p className="muted" data-testid="scenarios-empty">
        {t("calc.noScenarios")}
      </p>
    );
  }
  return (
    <ul className="scenario-list" data-testid="scenario-list">
      {scenarios.map((s) => {
        const cls = ["scenario-item", s.proposed ? "proposed" : "", s.id === editingId ? "editing" : ""].filter(Boolean).join(" ");
        return (
          <li key={s.id} className={cls} data-testid="scenario-item" data-scenario-id={s.id} data-proposed={s.proposed}>
            <div className="scenario-main">
              <div className="scenario-title">
                {s.proposed && (
                  <span className="badge badge-proposed" data-testid="scenario-proposed-badge">
                    {t("calc.proposedBadge")}
                  </span>
                )}
                <span className="scenario-label">{s.label}</span>
              </div>
              <div className="scenario-line muted small">{scenarioLine(t, s.terms)}</div>
              <div className="field-hint">{t("calc.updatedAt", { at: formatDateTime(s.updated_at) })}</div>
            </div>
            <div className="scenario-actions">
              <button type="button" className="btn btn-secondary btn-small" data-testid="scenario-load" onClick={() => onLoad(s)}>
                {t("calc.load")}
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                data-testid="scenario-compare"
                disabled={compareFull}
                title={compareFull ? t("calc.compareFull") : undefined}
                onClick={() => onCompare(s)}
              >
                {t("calc.compare")}
              </button>
              <button type="button" className="btn btn-ghost btn-small danger-text" data-testid="scenario-delete" onClick={() => onDelete(s)}>
                {t("calc.delete")}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
