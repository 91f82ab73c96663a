// Today as an agenda: the sections in the order an officer works them (issue 19, item 4) —
// money owed, money falling due, clients waiting for a call, reviews, ratio breaches — then the
// rest of what the book asks for. Which reminder kind goes where is decided here, once.
import type { Reminder, ReminderKind } from "./bindings";

export type SectionId =
  | "overdue"
  | "due_soon"
  | "contacts_overdue"
  | "reviews"
  | "ratio_alerts"
  | "security"
  | "repricing"
  | "problems"
  | "renewals"
  | "contacts_due"
  | "stuck"
  | "lifecycle"
  | "recent";

/** Priority order, top first. */
export const SECTIONS: readonly SectionId[] = [
  "overdue",
  "due_soon",
  "contacts_overdue",
  "reviews",
  "ratio_alerts",
  "security",
  "repricing",
  "problems",
  "renewals",
  "contacts_due",
  "stuck",
  "lifecycle",
  "recent",
];

/**
 * The five: shown even when empty ("nothing overdue" is news too) and open by default.
 * The others show their heading and count, and open when the officer asks (remembered), so the
 * whole agenda fits a laptop's first screen.
 */
export const PRIORITY: ReadonlySet<SectionId> = new Set(["overdue", "due_soon", "contacts_overdue", "reviews", "ratio_alerts"]);

/** Sections holding several kinds of reminder: each row names its kind. */
export const MIXED: ReadonlySet<SectionId> = new Set(["reviews", "security", "lifecycle"]);

/** Rows a section shows before its "show all". */
export const FIRST_ITEMS = 3;

/** Heights in CSS pixels of a section's parts (today.css), to lay the sections out in two columns. */
const HEAD_PX = 48;
const ROW_PX = 33;
const MORE_PX = 24;

/** About how tall a section is drawn: its heading, and when open its first rows and "show all". */
export function sectionHeight(rows: number, open: boolean): number {
  if (!open || rows === 0) return HEAD_PX;
  return HEAD_PX + Math.min(rows, FIRST_ITEMS) * ROW_PX + (rows > FIRST_ITEMS ? MORE_PX : 0);
}

/**
 * Where the second column starts: the sections stay in priority order (down the left column,
 * then down the right) and the taller column is as short as it can be, so the agenda fits a
 * laptop's first screen. (CSS columns would balance too, but WebKit splits them unevenly.)
 */
export function splitAt(heights: readonly number[]): number {
  const total = heights.reduce((a, b) => a + b, 0);
  let best = heights.length;
  let bestTall = total;
  let left = 0;
  for (let k = 1; k <= heights.length; k++) {
    left += heights[k - 1] ?? 0;
    const tall = Math.max(left, total - left);
    if (tall < bestTall) {
      bestTall = tall;
      best = k;
    }
  }
  return best;
}

/** The sections made of reminders, and their kinds. */
export const REMINDER_SECTION: Partial<Record<ReminderKind, SectionId>> = {
  overdue: "overdue",
  due_soon: "due_soon",
  quarterly_review: "reviews",
  annual_review: "reviews",
  shortfall: "security",
  revaluation_due: "security",
  registration_expiry: "security",
  insurance_expiry: "security",
  facility_expiry: "security",
  open_problem: "problems",
  renewal_due: "renewals",
  dormant: "lifecycle",
};

/** The reminders of each section, keeping the core's order (most overdue first) within it. */
export function remindersBySection(reminders: readonly Reminder[]): Map<SectionId, Reminder[]> {
  const out = new Map<SectionId, Reminder[]>();
  for (const r of reminders) {
    const section = REMINDER_SECTION[r.kind];
    if (!section) continue;
    const list = out.get(section);
    if (list) list.push(r);
    else out.set(section, [r]);
  }
  return out;
}

/** Whether a section is open: the officer's choice if made, else the default. */
export function isOpen(id: SectionId, toggled: ReadonlySet<SectionId>): boolean {
  return PRIORITY.has(id) !== toggled.has(id);
}

/** The sections the officer opened or closed against their default, from the saved layout. */
export function toggledOf(names: readonly string[]): Set<SectionId> {
  return new Set(SECTIONS.filter((id) => names.includes(id)));
}

/** `toggled` with `id` flipped, as the names the layout keeps. */
export function flip(toggled: ReadonlySet<SectionId>, id: SectionId): SectionId[] {
  return toggled.has(id) ? [...toggled].filter((x) => x !== id) : [...toggled, id];
}
