// Recent activity on Today, in the officer's words. The audit trail stores an action name and a
// terse detail ("journey.advance" + "1>2 override", "journey.tick" + an item key); this turns
// them into "Advanced to stage 2 past the gate" or "Done: Business licence verified".
import type { TFunction } from "i18next";
import type { Activity } from "./bindings";
import { type Lang } from "./journey";
import { STATUS_KEY, STATUSES, fieldLabelKey } from "./labels";

/** Actions whose detail is a checklist item key, and how each reads. */
const ITEM_ACTIONS = {
  "journey.tick": "today.act.tick",
  "journey.untick": "today.act.untick",
  "journey.received": "today.act.received",
  "journey.unreceived": "today.act.unreceived",
  "journey.note": "today.act.note",
  "journey.item_add": "today.act.itemAdd",
  "journey.item_remove": "today.act.itemRemove",
} as const;

/** Actions that read the same whatever their detail. */
const PLAIN_ACTIONS = {
  "client.create": "today.act.create",
  "client.archive": "today.act.archive",
  "client.restore": "today.act.restore",
  "touchpoint.create": "today.act.touchpoint",
  "scenario.save": "today.act.scenarioSave",
  "scenario.delete": "today.act.scenarioDelete",
  "document.import": "today.act.documentImport",
  "document.kind": "today.act.documentKind",
  "statement.import": "today.act.statementImport",
} as const;

function has<T extends object>(o: T, k: string): k is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** "1>2 override" → { to: "2", override: true }. */
function stageMove(detail: string): { to: string; override: boolean } | null {
  const m = /^\d+>(\d+)( override)?$/.exec(detail.trim());
  return m?.[1] ? { to: m[1], override: m[2] !== undefined } : null;
}

function statusName(t: TFunction, s: string | undefined): string {
  const status = STATUSES.find((x) => x === s);
  return status ? t(STATUS_KEY[status]) : (s ?? "");
}

export function activityText(t: TFunction, a: Activity, lang: Lang): string {
  const { action, detail } = a;
  if (has(PLAIN_ACTIONS, action)) return t(PLAIN_ACTIONS[action]);
  if (has(ITEM_ACTIONS, action)) {
    const label = lang === "en" ? (a.item_label_en ?? a.item_label_zh) : (a.item_label_zh ?? a.item_label_en);
    return t(ITEM_ACTIONS[action], { item: label ?? detail });
  }
  if (action === "journey.advance" || action === "journey.back") {
    const move = stageMove(detail);
    if (move) {
      const key = action === "journey.back" ? "today.act.back" : move.override ? "today.act.override" : "today.act.advance";
      return t(key, { stage: move.to });
    }
  }
  if (action === "journey.status") {
    const [from, to] = detail.split(">");
    return t("today.act.status", { from: statusName(t, from), to: statusName(t, to) });
  }
  if (action === "client.update") {
    const fields = detail
      .split(",")
      .filter((f) => f !== "")
      .map((f) => {
        const key = fieldLabelKey(f);
        return key ? t(key) : f;
      });
    return fields.length > 0 ? t("today.act.updateFields", { fields: fields.join(t("today.act.listSep")) }) : t("today.act.update");
  }
  return detail ? `${action} · ${detail}` : action;
}
