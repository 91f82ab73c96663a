// Today: the lifecycle changes the clients' facts suggest — a dormant client in contact again or
// borrowing (active), a second loan, a renewal or a referral (loyal). Nothing changes until the
// officer applies one. Clients suggested dormant are in the reminders, with their own action.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { LifecycleSuggestion } from "../../bindings";
import { STATUS_KEY } from "../../labels";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";

const SHOWN = 5;

interface Props {
  onOpenClient: (clientId: number) => void;
}

export default function LifecycleSuggestionsCard({ onOpenClient }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [list, setList] = useState<LifecycleSuggestion[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [all, setAll] = useState(false);

  const load = useCallback(() => {
    api.lifecycleSuggestions().then(
      (l) => setList(l.filter((s) => s.to !== "dormant")),
      (e: unknown) => setError(handleError(e)),
    );
  }, [handleError]);
  useEffect(load, [load]);

  const apply = async (s: LifecycleSuggestion) => {
    setBusy(s.client_id);
    try {
      await api.lifecycleApply(s.client_id, s.to);
      load();
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(null);
    }
  };

  if (!error && (!list || list.length === 0)) return null;
  const rows = all ? (list ?? []) : (list ?? []).slice(0, SHOWN);
  return (
    <section className="card" data-testid="lifecycle-suggestions">
      <h2 className="section-title">
        {t("lifecycle.suggestions")} <span className="tag">{list?.length ?? 0}</span>
      </h2>
      <ErrorBox error={error} />
      <ul className="row-list">
        {rows.map((s) => (
          <li key={s.client_id} className="reminder-row" data-testid="lifecycle-suggestion" data-client-id={s.client_id} data-to={s.to}>
            <button type="button" className="row-link" onClick={() => onOpenClient(s.client_id)}>
              <span className="row-main">
                <strong>{s.client_name}</strong>
              </span>
              <span className="row-side">
                {t("lifecycle.line", { from: t(STATUS_KEY[s.from]), to: t(STATUS_KEY[s.to]), reason: t(`suggestionReason.${s.reason}`) })}
              </span>
            </button>
            <span className="reminder-actions">
              <button
                type="button"
                className="btn btn-primary btn-small"
                data-testid="lifecycle-apply"
                disabled={busy === s.client_id}
                onClick={() => void apply(s)}
              >
                {t("lifecycle.apply", { status: t(STATUS_KEY[s.to]) })}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {!all && (list?.length ?? 0) > SHOWN && (
        <button type="button" className="link-button small" onClick={() => setAll(true)}>
          {t("reminders.showAll", { n: list?.length ?? 0 })}
        </button>
      )}
    </section>
  );
}
