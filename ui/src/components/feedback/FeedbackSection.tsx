// The client's voice on the client page (issue 16): every feedback given, newest first, with its
// problems (open until resolved, with what was done) and new needs (each can start a new
// opportunity: a journey at stage 1, or at 3 when the need is already understood); and the
// companies this client referred, which make it loyal.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../../api";
import type { ClientSummary, Feedback, Need, Problem, Referral } from "../../bindings";
import { categoryLabel } from "../../feedbackForm";
import { STAGE_KEY } from "../../labels";
import { useErrorHandler } from "../../session";
import ErrorBox from "../ErrorBox";
import ResolveProblemDialog from "./ResolveProblemDialog";

interface Props {
  clientId: number;
  clientName: string;
  /** Bumped by the page when a touchpoint (maybe with feedback) was saved. */
  version: number;
  /** Something the header counts changed: open problems, a journey, a referral. */
  onChanged: () => void;
}

export default function FeedbackSection({ clientId, clientName, version, onChanged }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [list, setList] = useState<Feedback[] | null>(null);
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [resolving, setResolving] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    Promise.all([api.feedbackList(clientId), api.referralsList(clientId)]).then(
      ([f, r]) => {
        setList(f);
        setReferrals(r);
      },
      (e: unknown) => setError(handleError(e)),
    );
  }, [clientId, handleError]);
  useEffect(load, [load, version]);

  const run = async (what: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await what();
      setError(null);
      load();
      onChanged();
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="feedback-section">
      <h2 className="section-title">{t("feedbackSection.title")}</h2>
      <ErrorBox error={error} />
      {list !== null && list.length === 0 && <p className="muted">{t("feedbackSection.empty")}</p>}
      <ul className="feedback-list">
        {(list ?? []).map((f) => (
          <li key={f.id} className="feedback-item" data-testid="feedback-item" data-score={f.score}>
            <div className="feedback-head">
              <span className="feedback-score">{"★".repeat(f.score)}</span>
              <span className="muted small">
                {f.date}
                {f.stage !== null && ` · ${t(STAGE_KEY[f.stage as keyof typeof STAGE_KEY])}`}
                {f.mood && ` · ${t(`mood.${f.mood}`)}`}
              </span>
            </div>
            {f.problems.map((p) => (
              <ProblemRow key={p.id} problem={p} busy={busy} onResolve={() => setResolving(p)} />
            ))}
            {f.needs.map((n) => (
              <NeedRow key={n.id} need={n} busy={busy} onStart={(stage) => void run(() => api.opportunityStart({ kind: "need", id: n.id }, stage))} />
            ))}
          </li>
        ))}
      </ul>
      <Referrals clientId={clientId} referrals={referrals} busy={busy} onAdd={(id) => void run(() => api.referralAdd(clientId, id))} />
      {resolving && (
        <ResolveProblemDialog
          problemId={resolving.id}
          clientId={clientId}
          clientName={clientName}
          summary={`${categoryLabel(t, resolving.category)}${resolving.text ? `: ${resolving.text}` : ""}`}
          onCancel={() => setResolving(null)}
          onResolved={() => {
            setResolving(null);
            load();
            onChanged();
          }}
        />
      )}
    </section>
  );
}

function ProblemRow({ problem: p, busy, onResolve }: { problem: Problem; busy: boolean; onResolve: () => void }) {
  const { t } = useTranslation();
  const open = p.resolved_on === null;
  return (
    <div className="feedback-row" data-testid="feedback-problem" data-problem-id={p.id} data-open={open ? "1" : "0"}>
      <span className={open ? "tag tag-warn" : "tag"}>{open ? t("feedbackSection.open") : t("feedbackSection.closed")}</span>
      <span className="feedback-text">
        <strong>{categoryLabel(t, p.category)}</strong>
        {p.text && ` · ${p.text}`}
        {!open && (
          <span className="muted small" data-testid="feedback-resolution">
            {" "}
            — {t("feedbackSection.resolvedLine", { date: p.resolved_on, note: p.resolution_note ?? "" })}
          </span>
        )}
      </span>
      {open && (
        <button type="button" className="btn btn-secondary btn-small" data-testid="feedback-resolve" disabled={busy} onClick={onResolve}>
          {t("reminders.resolve")}
        </button>
      )}
    </div>
  );
}

function NeedRow({ need: n, busy, onStart }: { need: Need; busy: boolean; onStart: (stage: 1 | 3) => void }) {
  const { t } = useTranslation();
  return (
    <div className="feedback-row" data-testid="feedback-need" data-need-id={n.id}>
      <span className="tag">{t("feedbackSection.need")}</span>
      <span className="feedback-text">
        {n.text}
        {n.product_type && <span className="muted small"> · {n.product_type}</span>}
      </span>
      {n.opportunity_id === null ? (
        <span className="reminder-actions">
          <button type="button" className="btn btn-secondary btn-small" data-testid="need-start-1" disabled={busy} onClick={() => onStart(1)}>
            {t("feedbackSection.start1")}
          </button>
          <button type="button" className="btn btn-secondary btn-small" data-testid="need-start-3" disabled={busy} onClick={() => onStart(3)}>
            {t("feedbackSection.start3")}
          </button>
        </span>
      ) : (
        <span className="muted small" data-testid="need-started">
          {t("feedbackSection.started")}
        </span>
      )}
    </div>
  );
}

/** Who this client referred: a name search among the book, then one click. */
function Referrals({ clientId, referrals, busy, onAdd }: { clientId: number; referrals: Referral[]; busy: boolean; onAdd: (id: number) => void }) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [text, setText] = useState("");
  const [found, setMatches] = useState<ClientSummary[]>([]);
  // Fewer than two characters search nothing (and hide what an earlier search found).
  const matches = text.trim().length < 2 ? [] : found;
  useEffect(() => {
    if (text.trim().length < 2) return;
    let live = true;
    api.clientsList({ text: text.trim(), stage: null, tier: null, status: null, archived: false, sort: "newest", descending: false, offset: 0, limit: 5 }).then(
      (page) => live && setMatches(page.items.filter((c) => c.id !== clientId && !referrals.some((r) => r.referred_id === c.id))),
      (e: unknown) => handleError(e),
    );
    return () => {
      live = false;
    };
  }, [text, clientId, referrals, handleError]);

  return (
    <div className="referrals" data-testid="referrals">
      <h3 className="subsection-title">{t("feedbackSection.referrals")}</h3>
      {referrals.length === 0 ? (
        <p className="muted small">{t("feedbackSection.noReferrals")}</p>
      ) : (
        <ul className="plain-list">
          {referrals.map((r) => (
            <li key={r.id} data-testid="referral">
              {r.referred_name} <span className="muted small">{r.on_date}</span>
            </li>
          ))}
        </ul>
      )}
      <input
        type="search"
        data-testid="referral-search"
        placeholder={t("feedbackSection.referralSearch")}
        aria-label={t("feedbackSection.referralSearch")}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {matches.length > 0 && (
        <ul className="plain-list">
          {matches.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link-button"
                data-testid="referral-pick"
                disabled={busy}
                onClick={() => {
                  setText("");
                  onAdd(c.id);
                }}
              >
                {t("feedbackSection.referralAdd", { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
