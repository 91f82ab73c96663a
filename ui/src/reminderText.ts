// What a reminder row says on Today: the amount and date owed, the review due, the security's
// date. Moved here from the old reminders card so Today's rows and tests share one wording.
import type { TFunction } from "i18next";
import type { Reminder, ReminderKind } from "./bindings";
import { formatMoney } from "./money";

/** Kinds whose date, once past, is drawn as late on the right. */
const DATED_KINDS: ReadonlySet<ReminderKind> = new Set(["revaluation_due", "registration_expiry", "insurance_expiry", "facility_expiry"]);

export function isLate(r: Reminder): boolean {
  return (
    r.kind === "overdue" ||
    r.kind === "shortfall" ||
    r.kind === "open_problem" ||
    ((r.kind === "quarterly_review" || r.kind === "annual_review") && r.overdue_days > 0) ||
    (DATED_KINDS.has(r.kind) && r.overdue_days > 0)
  );
}

/** What a reminder without a contract is about. */
export function clientTag(kind: ReminderKind) {
  switch (kind) {
    case "open_problem":
      return "reminders.clientProblem";
    case "dormant":
      return "reminders.lifecycleTag";
    default:
      return "security.reminder.creditLine";
  }
}

/** The line on the right: what is owed and when, which review, which item or line. */
export function reminderDetail(t: TFunction, r: Reminder): string {
  const amount = r.amount === null ? "" : `${formatMoney(r.amount)}`;
  const item = r.collateral_kind ? t(`collateralKind.${r.collateral_kind}`) : "";
  const ended = r.overdue_days > 0;
  switch (r.kind) {
    case "overdue":
      return t("reminders.overdueLine", { count: r.overdue_days, date: r.due_on, amount, period: r.period_no ?? "" });
    case "due_soon":
      return t("reminders.dueLine", { date: r.due_on, amount, period: r.period_no ?? "" });
    case "quarterly_review":
    case "annual_review":
      return r.overdue_days > 0 ? t("reminders.reviewLate", { date: r.due_on, count: r.overdue_days }) : t("reminders.reviewLine", { date: r.due_on });
    case "covenant":
      // Grouped per client on Today (RatioAlertRow); kept for completeness.
      return "";
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

/** The row's own line on Today, shortest first: how late and how much; the full line is its tooltip. */
export function reminderLine(t: TFunction, r: Reminder): string {
  const amount = r.amount === null ? "" : `${formatMoney(r.amount)}`;
  if (r.kind === "overdue") return t("daily.line.overdue", { count: r.overdue_days, amount });
  if (r.kind === "due_soon") return t("daily.line.dueSoon", { date: r.due_on, amount });
  return reminderDetail(t, r);
}
