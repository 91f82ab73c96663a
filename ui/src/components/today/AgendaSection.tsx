// One section of Today: a heading that opens and closes it with its count, the first few rows,
// and "show all" for the rest. The rows are the caller's.
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FIRST_ITEMS, type SectionId } from "../../agenda";

interface Props {
  id: SectionId;
  title: string;
  /** The count shown in the heading (a capped count reads "500+"). */
  count: number | string;
  /** Drawn as needing attention when there is anything in it. */
  urgent?: boolean;
  open: boolean;
  onToggle: () => void;
  rows: ReactNode[];
  /** A line under the rows (e.g. "20 of 57 shown"). */
  footnote?: ReactNode;
}

export default function AgendaSection({ id, title, count, urgent, open, onToggle, rows, footnote }: Props) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const empty = rows.length === 0;
  const shown = all ? rows : rows.slice(0, FIRST_ITEMS);
  const bodyId = `today-${id}-rows`;
  return (
    <section className="agenda-section" data-testid={`today-section-${id}`} data-count={rows.length} data-open={open && !empty ? "true" : "false"}>
      <h2 className="agenda-head">
        <button
          type="button"
          className="agenda-toggle"
          data-testid="today-section-toggle"
          aria-expanded={open && !empty}
          aria-controls={bodyId}
          disabled={empty}
          onClick={onToggle}
        >
          <span className={empty ? "chevron none" : open ? "chevron open" : "chevron"} aria-hidden="true" />
          <span className="agenda-title">{title}</span>
          <span className={urgent && !empty ? "tag tag-warn" : "tag"} data-testid="today-section-count">
            {count}
          </span>
        </button>
      </h2>
      {open && !empty && (
        <div id={bodyId}>
          <ul className="row-list agenda-rows">{shown}</ul>
          {rows.length > FIRST_ITEMS && (
            <button
              type="button"
              className="link-button small agenda-more"
              data-testid="today-show-all"
              aria-expanded={all}
              aria-controls={bodyId}
              onClick={() => setAll((a) => !a)}
            >
              {all ? t("daily.showFewer") : t("daily.showAll", { n: rows.length })}
            </button>
          )}
          {footnote}
        </div>
      )}
    </section>
  );
}
