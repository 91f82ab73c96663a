// A reminder on Today: the row opens its loan (a client's reminder, its client); one primary
// action beside it — done, or the lifecycle step the reminder asks for — and the rest behind ⋯.
import { useTranslation } from "react-i18next";
import type { Reminder, ReminderKind } from "../../bindings";
import { REMINDER_KIND_KEY } from "../../servicing";
import { clientTag, isLate, reminderDetail, reminderLine } from "../../reminderText";
import LaterMenu from "./LaterMenu";

export interface ReminderActions {
  open: (r: Reminder) => void;
  mark: (r: Reminder, snoozeDays: number | null) => void;
  resolve: (r: Reminder) => void;
  startRenewal: (r: Reminder) => void;
  markDormant: (r: Reminder) => void;
}

/** A kind named on its row, where a section holds several (agenda.ts MIXED), in a word. */
const KIND_TAG = {
  quarterly_review: "daily.kind.quarterly_review",
  annual_review: "daily.kind.annual_review",
  shortfall: "daily.kind.shortfall",
  revaluation_due: "daily.kind.revaluation_due",
  registration_expiry: "daily.kind.registration_expiry",
  insurance_expiry: "daily.kind.insurance_expiry",
  facility_expiry: "daily.kind.facility_expiry",
  dormant: "daily.kind.dormant",
} as const satisfies Partial<Record<ReminderKind, string>>;

function kindTag(kind: ReminderKind) {
  return kind in KIND_TAG ? KIND_TAG[kind as keyof typeof KIND_TAG] : null;
}

/** What "done" means for each kind, said on its button. */
const DONE_LABEL: Partial<Record<ReminderKind, "daily.done.chased" | "daily.done.reminded" | "daily.done.reviewed" | "daily.done.handled">> = {
  overdue: "daily.done.chased",
  due_soon: "daily.done.reminded",
  quarterly_review: "daily.done.reviewed",
  annual_review: "daily.done.reviewed",
};

/** Lines whose point is a sum owed: shown whole, the name and contract giving way instead. */
const FIGURE_LINE: ReadonlySet<ReminderKind> = new Set(["overdue", "due_soon", "shortfall"]);

interface Props {
  r: Reminder;
  busy: boolean;
  /** Name the kind on the row, where a section holds several. */
  showKind: boolean;
  actions: ReminderActions;
}

export default function ReminderRow({ r, busy, showKind, actions }: Props) {
  const { t } = useTranslation();
  const detail = reminderDetail(t, r);
  const lifecycle = r.kind === "open_problem" || r.kind === "renewal_due" || r.kind === "dormant";
  let primary;
  if (r.kind === "open_problem" && r.problem_id !== null) {
    primary = (
      <button type="button" className="btn btn-primary btn-small" data-testid="reminder-resolve" disabled={busy} onClick={() => actions.resolve(r)}>
        {t("reminders.resolve")}
      </button>
    );
  } else if (r.kind === "renewal_due" && r.loan_id !== null) {
    primary = (
      <button
        type="button"
        className="btn btn-primary btn-small"
        data-testid="reminder-start-renewal"
        title={t("reminders.startRenewalTitle")}
        disabled={busy}
        onClick={() => actions.startRenewal(r)}
      >
        {t("reminders.startRenewal")}
      </button>
    );
  } else if (r.kind === "dormant") {
    primary = (
      <button
        type="button"
        className="btn btn-primary btn-small"
        data-testid="reminder-mark-dormant"
        title={t("reminders.markDormantTitle")}
        disabled={busy}
        onClick={() => actions.markDormant(r)}
      >
        {t("reminders.markDormant")}
      </button>
    );
  } else {
    primary = (
      <button
        type="button"
        className="btn btn-primary btn-small"
        data-testid="reminder-done"
        title={r.kind === "overdue" ? t("daily.done.chasedTitle") : undefined}
        disabled={busy}
        onClick={() => actions.mark(r, null)}
      >
        {t(DONE_LABEL[r.kind] ?? "daily.done.handled")}
      </button>
    );
  }
  const tag = r.contract_no || t(clientTag(r.kind));
  return (
    <li
      className="agenda-row reminder-row"
      data-testid="reminder-row"
      data-key={r.key}
      data-kind={r.kind}
      data-client-id={r.client_id}
      data-loan-id={r.loan_id ?? undefined}
      data-facility-id={r.facility_id ?? undefined}
      data-collateral-id={r.collateral_id ?? undefined}
    >
      <button type="button" className="row-link" data-testid="reminder-open" title={`${r.client_name} · ${tag} · ${detail}`} onClick={() => actions.open(r)}>
        <span className="row-main">
          <strong className="row-name">{r.client_name}</strong>
          {showKind && (
            <span className="tag row-kind" title={t(REMINDER_KIND_KEY[r.kind])}>
              {t(kindTag(r.kind) ?? REMINDER_KIND_KEY[r.kind])}
            </span>
          )}
          <span className={r.contract_no ? "muted small mono row-tag" : "muted small row-tag"}>{tag}</span>
        </span>
        <span className={`row-side${isLate(r) ? " late" : ""}${FIGURE_LINE.has(r.kind) ? " whole" : ""}`} data-testid="reminder-detail">
          {reminderLine(t, r)}
        </span>
      </button>
      <span className="row-actions">
        {primary}
        <LaterMenu busy={busy} onSnooze={(n) => actions.mark(r, n)} onDone={lifecycle ? () => actions.mark(r, null) : undefined} />
      </span>
    </li>
  );
}
