import { describe, expect, it } from "vitest";
import type { Reminder, ReminderKind } from "./bindings";
import { PRIORITY, REMINDER_SECTION, SECTIONS, flip, isOpen, remindersBySection, sectionHeight, splitAt, toggledOf } from "./agenda";
import { REMINDER_KINDS } from "./servicing";

function reminder(kind: ReminderKind, key: string): Reminder {
  return {
    key,
    kind,
    loan_id: 1,
    facility_id: null,
    collateral_id: null,
    collateral_kind: null,
    problem_id: null,
    client_id: 1,
    client_name: "长沙纺织",
    contract_no: "HT-1",
    due_on: "2026-12-01",
    amount: null,
    overdue_days: 0,
    period_no: null,
    ratio: null,
    statement_year: null,
  };
}

describe("Today's agenda", () => {
  it("lists the issue's five sections first, in its order", () => {
    expect(SECTIONS.slice(0, 5)).toEqual(["overdue", "due_soon", "contacts_overdue", "reviews", "ratio_alerts"]);
    expect([...PRIORITY]).toEqual(SECTIONS.slice(0, 5));
    expect(new Set(SECTIONS).size).toBe(SECTIONS.length);
  });

  it("puts every reminder kind in a section, the covenant ones aside (grouped per client by the core)", () => {
    for (const kind of REMINDER_KINDS) {
      if (kind === "covenant") expect(REMINDER_SECTION[kind]).toBeUndefined();
      else expect(SECTIONS).toContain(REMINDER_SECTION[kind]);
    }
  });

  it("groups reminders by section keeping their order", () => {
    const list = [reminder("annual_review", "a"), reminder("overdue", "b"), reminder("quarterly_review", "c"), reminder("covenant", "d")];
    const by = remindersBySection(list);
    expect(by.get("reviews")?.map((r) => r.key)).toEqual(["a", "c"]);
    expect(by.get("overdue")?.map((r) => r.key)).toEqual(["b"]);
    expect([...by.values()].flat().some((r) => r.kind === "covenant")).toBe(false);
  });

  it("opens the five by default, the rest when asked, and flips the ones toggled", () => {
    expect(isOpen("overdue", new Set())).toBe(true);
    expect(isOpen("ratio_alerts", new Set())).toBe(true);
    expect(isOpen("security", new Set())).toBe(false);
    expect(isOpen("recent", new Set())).toBe(false);
    expect(isOpen("overdue", new Set(["overdue"]))).toBe(false);
    expect(isOpen("recent", new Set(["recent"]))).toBe(true);
  });

  it("reads the toggled sections from the saved names, ignoring anything it does not know", () => {
    expect([...toggledOf(["recent", "bogus", "reviews"])]).toEqual(["reviews", "recent"]);
    expect(flip(new Set(["reviews"]), "recent")).toEqual(["reviews", "recent"]);
    expect(flip(new Set(["reviews", "recent"]), "reviews")).toEqual(["recent"]);
  });

  it("splits the sections into two columns in order, the taller as short as it can be", () => {
    expect(splitAt([100, 100, 100, 100])).toBe(2);
    expect(splitAt([300, 50, 50, 50, 50, 50])).toBe(1);
    expect(splitAt([50, 50, 50, 300])).toBe(3);
    expect(splitAt([100])).toBe(1);
    expect(splitAt([])).toBe(0);
    // A closed or empty section is its heading; an open one adds its first rows and "show all".
    expect(sectionHeight(10, false)).toBe(sectionHeight(0, true));
    expect(sectionHeight(2, true)).toBeLessThan(sectionHeight(3, true));
    expect(sectionHeight(4, true)).toBe(sectionHeight(40, true));
  });
});
