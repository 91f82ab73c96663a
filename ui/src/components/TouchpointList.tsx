import { useTranslation } from "react-i18next";
import type { Touchpoint } from "../bindings";
import { CHANNEL_KEY } from "../labels";

/** Newest first: the officer opens a client to see where things stand now. */
export function newestFirst(items: readonly Touchpoint[]): Touchpoint[] {
  return [...items].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
}

export default function TouchpointList({ items }: { items: readonly Touchpoint[] }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <p className="muted" data-testid="touchpoints-empty">
        {t("tp.empty")}
      </p>
    );
  }
  return (
    <ol className="timeline" data-testid="touchpoint-list">
      {newestFirst(items).map((tp) => (
        <li key={tp.id} className="touchpoint" data-testid="touchpoint-item" data-touchpoint-id={tp.id}>
          <div className="tp-head">
            <time dateTime={tp.date}>{tp.date}</time>
            <span className={`pill channel-${tp.channel}`}>{t(CHANNEL_KEY[tp.channel])}</span>
          </div>
          <p className="tp-summary">{tp.summary}</p>
          {(tp.next_step || tp.next_contact_date) && (
            <div className="tp-next muted">
              {tp.next_step && <span>{t("tp.nextStepLine", { step: tp.next_step })}</span>}
              {tp.next_contact_date && <span>{t("tp.nextDateLine", { date: tp.next_contact_date })}</span>}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
