// The landing screen after unlock: what needs doing today, in the order an officer takes it
// (agenda.ts) — overdue repayments, repayments due, clients overdue for contact, reviews, ratio
// breaches per client, then the rest. Each section shows its count, opens and closes, lists its
// first rows and the rest on request; each row opens its client or loan in one click.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { LifecycleSuggestion, RatioAlert, Reminder, RepricingDue, Today as TodayData, TodayReminders } from "../bindings";
import { MIXED, PRIORITY, SECTIONS, flip, isOpen, remindersBySection, sectionHeight, splitAt, toggledOf, type SectionId } from "../agenda";
import ErrorBox from "../components/ErrorBox";
import ResolveProblemDialog from "../components/feedback/ResolveProblemDialog";
import RepriceDialog from "../components/reschedule/RepriceDialog";
import AgendaSection from "../components/today/AgendaSection";
import { ActivityRow, FollowUpRow, RatioAlertRow, RepricingRow, StuckRow, SuggestionRow } from "../components/today/AgendaRows";
import ReminderRow, { type ReminderActions } from "../components/today/ReminderRow";
import { todayISO } from "../format";
import { addDays, REMINDER_DAYS_DEFAULT, REMINDER_DAYS_MAX } from "../servicing";
import { useErrorHandler, useSession } from "../session";
import { wholeIn } from "../wholeNumber";
import "../journey.css";
import "../servicing.css";
import "../today.css";

interface Props {
  onOpen: (id: number) => void;
  /** A loan reminder opens the client on that loan. */
  onOpenLoan: (clientId: number, loanId: number) => void;
}

/** Follow-ups and stuck clients per list; the count beside says how many there are in all. */
const FOLLOW_UP_ROWS = 50;

export default function Today({ onOpen, onOpenLoan }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [daysText, setDaysText] = useState(String(REMINDER_DAYS_DEFAULT));
  const [days, setDays] = useState(REMINDER_DAYS_DEFAULT);
  const [data, setData] = useState<TodayData | null>(null);
  const [reminders, setReminders] = useState<TodayReminders | null>(null);
  const [repricings, setRepricings] = useState<RepricingDue[]>([]);
  const [suggestions, setSuggestions] = useState<LifecycleSuggestion[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const { status, setLayout } = useSession();
  const toggled = useMemo(() => toggledOf(status.layout.today_toggled), [status.layout.today_toggled]);
  const [resolving, setResolving] = useState<Reminder | null>(null);
  const [repricing, setRepricing] = useState<RepricingDue | null>(null);

  const fail = useCallback((e: unknown) => setError(handleError(e)), [handleError]);

  const loadReminders = useCallback(
    () =>
      api.todayReminders(days).then((r) => {
        setReminders(r);
        setError(null);
      }, fail),
    [days, fail],
  );
  const loadRepricings = useCallback(() => api.repricingsDue().then(setRepricings, fail), [fail]);
  // Clients suggested dormant are reminders, with their own action.
  const loadSuggestions = useCallback(() => api.lifecycleSuggestions().then((l) => setSuggestions(l.filter((s) => s.to !== "dormant")), fail), [fail]);

  useEffect(() => {
    api.todayGet(null, FOLLOW_UP_ROWS).then(setData, fail);
    void loadRepricings();
    void loadSuggestions();
  }, [fail, loadRepricings, loadSuggestions]);
  useEffect(() => {
    void loadReminders();
  }, [loadReminders]);

  const run = async (key: string, action: () => Promise<unknown>, afterwards?: () => void) => {
    setBusyKey(key);
    try {
      await action();
      await loadReminders();
      afterwards?.();
    } catch (e) {
      fail(e);
    } finally {
      setBusyKey(null);
    }
  };
  const markOf = (snoozeDays: number | null) =>
    snoozeDays === null ? ({ mark: "done" } as const) : ({ mark: "snooze", until: addDays(todayISO(), snoozeDays) } as const);

  const actions: ReminderActions = {
    open: (r) => (r.loan_id === null ? onOpen(r.client_id) : onOpenLoan(r.client_id, r.loan_id)),
    mark: (r, n) => void run(r.key, () => api.reminderMark(r.key, markOf(n))),
    resolve: (r) => setResolving(r),
    startRenewal: (r) => {
      const loanId = r.loan_id;
      if (loanId !== null) void run(r.key, () => api.opportunityStart({ kind: "renewal", id: loanId }, 3), () => onOpen(r.client_id));
    },
    markDormant: (r) => void run(r.key, () => api.lifecycleApply(r.client_id, "dormant")),
  };
  const markAlert = (a: RatioAlert, n: number | null) => void run(`ratio:${a.client_id}`, () => api.remindersMark(a.keys, markOf(n)));
  const applySuggestion = (s: LifecycleSuggestion) => void run(`suggestion:${s.client_id}`, () => api.lifecycleApply(s.client_id, s.to).then(loadSuggestions));

  const bySection = useMemo(() => remindersBySection(reminders?.reminders ?? []), [reminders]);
  const loaded = data !== null && reminders !== null;

  const count = (total: number, capped: boolean) => (capped ? `${total}+` : total);
  const shownOf = (n: number, total: number, capped: boolean) =>
    n < total || capped ? <p className="muted small agenda-note">{t("today.shownOf", { shown: n, total: count(total, capped) })}</p> : undefined;

  const reminderRows = (id: SectionId) => {
    const list = bySection.get(id) ?? [];
    return list.map((r) => <ReminderRow key={r.key} r={r} busy={busyKey === r.key} showKind={MIXED.has(id)} actions={actions} />);
  };

  /** Each section's title, count and rows; null while its data is loading. */
  const section = (id: SectionId): { title: string; count: number | string; urgent?: boolean; rows: ReactNode[]; footnote?: ReactNode } | null => {
    switch (id) {
      case "overdue":
      case "due_soon":
      case "reviews":
      case "security":
      case "problems":
      case "renewals": {
        if (!reminders) return null;
        const rows = reminderRows(id);
        return { title: t(`daily.section.${id}`), count: rows.length, urgent: id === "overdue" || id === "security", rows };
      }
      case "ratio_alerts":
        if (!reminders) return null;
        return {
          title: t("daily.section.ratio_alerts"),
          count: reminders.ratio_alerts.length,
          urgent: true,
          rows: reminders.ratio_alerts.map((a) => (
            <RatioAlertRow key={a.client_id} a={a} busy={busyKey === `ratio:${a.client_id}`} onOpen={onOpen} onMark={markAlert} />
          )),
        };
      case "contacts_overdue":
        if (!data) return null;
        return {
          title: t("daily.section.contacts_overdue"),
          count: count(data.overdue_total, data.overdue_capped),
          urgent: true,
          rows: data.overdue.map((r) => <FollowUpRow key={r.client_id} r={r} onOpen={onOpen} />),
          footnote: shownOf(data.overdue.length, data.overdue_total, data.overdue_capped),
        };
      case "contacts_due":
        if (!data) return null;
        return {
          title: t("daily.section.contacts_due"),
          count: count(data.due_total, data.due_capped),
          rows: data.due.map((r) => <FollowUpRow key={r.client_id} r={r} onOpen={onOpen} />),
          footnote: shownOf(data.due.length, data.due_total, data.due_capped),
        };
      case "stuck":
        if (!data) return null;
        return {
          title: t("today.stuck", { days: data.stuck_after_days }),
          count: count(data.stuck_total, data.stuck_capped),
          rows: data.stuck.map((r) => <StuckRow key={r.client_id} r={r} onOpen={onOpen} />),
          footnote: shownOf(data.stuck.length, data.stuck_total, data.stuck_capped),
        };
      case "repricing":
        return {
          title: t("reschedule.repricingsDue"),
          count: repricings.length,
          urgent: true,
          rows: repricings.map((r) => <RepricingRow key={r.loan_id} r={r} onOpenLoan={onOpenLoan} onReprice={setRepricing} />),
        };
      case "lifecycle": {
        if (!reminders) return null;
        const rows = [
          ...reminderRows("lifecycle"),
          ...suggestions.map((s) => (
            <SuggestionRow key={`s${s.client_id}`} s={s} busy={busyKey === `suggestion:${s.client_id}`} onOpen={onOpen} onApply={applySuggestion} />
          )),
        ];
        return { title: t("lifecycle.suggestions"), count: rows.length, rows };
      }
      case "recent":
        if (!data) return null;
        return { title: t("today.recent"), count: data.recent.length, rows: data.recent.map((a, i) => <ActivityRow key={i} a={a} onOpen={onOpen} />) };
    }
  };

  const toggle = (id: SectionId) => setLayout({ ...status.layout, today_toggled: flip(toggled, id) });

  const daysInvalid = wholeIn(daysText, 0, REMINDER_DAYS_MAX) === null;
  const sections = SECTIONS.map((id) => [id, section(id)] as const).filter(([id, s]) => s !== null && (s.rows.length > 0 || PRIORITY.has(id)));
  const nothing = loaded && sections.every(([, s]) => s === null || s.rows.length === 0);
  const drawn = sections.map(([id, s]) =>
    s === null ? null : (
      <AgendaSection
        key={id}
        id={id}
        title={s.title}
        count={s.count}
        urgent={s.urgent}
        open={isOpen(id, toggled)}
        onToggle={() => toggle(id)}
        rows={s.rows}
        footnote={s.footnote}
      />
    ),
  );
  const split = splitAt(sections.map(([id, s]) => sectionHeight(s?.rows.length ?? 0, isOpen(id, toggled))));

  return (
    <section className="screen today-screen" data-testid="today-screen">
      <div className="screen-head">
        <h1>{t("today.title")}</h1>
        {data && <span className="muted">{data.today}</span>}
        <span className="spacer" />
        <label className="inline small">
          {t("daily.dueWithin")}
          <input
            type="number"
            min={0}
            max={REMINDER_DAYS_MAX}
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
      {!loaded ? (
        !error && <p className="muted">{t("app.loading")}</p>
      ) : (
        <div className="agenda" data-testid="reminders">
          {nothing && (
            <p className="muted" data-testid="reminders-empty">
              {t("daily.allClear")}
            </p>
          )}
          <div className="agenda-col">{drawn.slice(0, split)}</div>
          <div className="agenda-col">{drawn.slice(split)}</div>
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
            void loadReminders();
          }}
        />
      )}
      {repricing && (
        <RepriceDialog
          loanId={repricing.loan_id}
          // The LPR is a renminbi benchmark: only CNY loans float on it.
          currency="CNY"
          on={repricing.reprice_on}
          onCancel={() => setRepricing(null)}
          onDone={() => {
            setRepricing(null);
            void loadRepricings();
          }}
        />
      )}
    </section>
  );
}
