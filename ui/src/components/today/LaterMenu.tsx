// The secondary actions of a Today row, folded behind "⋯" so each row has one primary action:
// hide it for a few days, or mark it done when done is not already the row's primary action.
// A <details>, so it opens by keyboard without script; a click elsewhere or Escape closes it.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { SNOOZE_DAYS } from "../../servicing";

interface Props {
  busy: boolean;
  onSnooze: (days: number) => void;
  /** Omitted when "done" is the row's primary action already. */
  onDone?: () => void;
}

export default function LaterMenu({ busy, onSnooze, onDone }: Props) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => {
    if (menu.current) menu.current.open = false;
  };

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (menu.current && e.target instanceof Node && !menu.current.contains(e.target)) menu.current.open = false;
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const run = (action: () => void) => {
    close();
    action();
  };
  return (
    <details
      className="row-later"
      ref={menu}
      onToggle={() => setOpen(menu.current?.open ?? false)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && menu.current?.open) {
          e.stopPropagation();
          close();
          menu.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className="btn btn-ghost btn-small" data-testid="reminder-later" title={t("daily.later")} aria-label={t("daily.later")}>
        ⋯
      </summary>
      <div className="row-menu" role="menu">
        {SNOOZE_DAYS.map((n) => (
          <button
            key={n}
            type="button"
            role="menuitem"
            className="row-menu-item"
            data-testid={`reminder-snooze-${n}`}
            disabled={busy}
            onClick={() => run(() => onSnooze(n))}
          >
            {t("daily.snoozeFor", { count: n })}
          </button>
        ))}
        {onDone && (
          <button type="button" role="menuitem" className="row-menu-item" data-testid="reminder-done" disabled={busy} onClick={() => run(onDone)}>
            {t("reminders.done")}
          </button>
        )}
      </div>
    </details>
  );
}
