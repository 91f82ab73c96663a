// The global search (Ctrl+K, ⌘K on a Mac) over the whole book from any screen: the core's client
// search (several words, pinyin in full and as initials: "長沙 纺织", "changsha", "cszx"), the
// first matches in pinyin order, arrows to choose, Enter to open, Escape to close.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api";
import type { ClientSummary } from "../bindings";
import { useErrorHandler } from "../session";
import { useDebounced } from "../useDebounced";
import { useEscape } from "../useEscape";
import { StageLabel, TierBadge } from "./Badges";
import ErrorBox from "./ErrorBox";
import Icon from "./Icon";

/** Matches listed: enough to pick from, few enough to read at a glance. */
const SHOWN = 8;

interface Props {
  onOpen: (id: number) => void;
  onClose: () => void;
}

interface Found {
  text: string;
  items: ClientSummary[];
  total: number;
  capped: boolean;
}

export default function ClientPalette({ onOpen, onClose }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [text, setText] = useState("");
  const [found, setFound] = useState<Found | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const query = useDebounced(text.trim(), 120);
  useEscape(onClose);

  // Back to where the officer was when the palette closes.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => before?.focus();
  }, []);

  useEffect(() => {
    if (query === "") return;
    let live = true;
    api.clientsList({ text: query, stage: null, tier: null, status: null, archived: false, sort: "name", descending: false, offset: 0, limit: SHOWN }).then(
      (page) => {
        if (!live) return;
        setFound({ text: query, items: page.items, total: page.total, capped: page.total_capped });
        setActive(0);
        setError(null);
      },
      (e: unknown) => live && setError(handleError(e)),
    );
    return () => {
      live = false;
    };
  }, [query, handleError]);

  // What is shown belongs to the text in the box: nothing stale while a new search runs.
  const items = text.trim() !== "" && found ? found.items : [];
  const current = Math.min(active, Math.max(items.length - 1, 0));
  // The chosen match stays in view on a short window.
  useEffect(() => {
    document.getElementById(`palette-option-${current}`)?.scrollIntoView({ block: "nearest" });
  }, [current, items.length]);

  const choose = (c: ClientSummary | undefined) => {
    if (!c) return;
    onClose();
    onOpen(c.id);
  };

  return (
    <div className="palette-backdrop" onClick={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-labelledby="palette-title"
        data-testid="palette"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="palette-title" className="sr-only">
          {t("daily.palette.title")}
        </h2>
        <div className="palette-input">
          <Icon name="search" />
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-expanded={items.length > 0}
            aria-controls="palette-results"
            aria-activedescendant={items.length > 0 ? `palette-option-${current}` : undefined}
            aria-autocomplete="list"
            aria-label={t("daily.palette.title")}
            placeholder={t("daily.palette.placeholder")}
            data-testid="palette-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Keys that pick a candidate in a Chinese input method are the IME's, not ours.
              if (e.nativeEvent.isComposing || e.keyCode === 229) return;
              if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                e.preventDefault();
                if (items.length === 0) return;
                const step = e.key === "ArrowDown" ? 1 : -1;
                setActive((current + step + items.length) % items.length);
              } else if (e.key === "Enter") {
                e.preventDefault();
                // Only what is on screen for this very text: Enter never opens a stale match.
                if (found && found.text === text.trim()) choose(items[current]);
              }
            }}
          />
        </div>
        <ErrorBox error={error} />
        {text.trim() === "" ? (
          <p className="palette-note muted small">{t("daily.palette.typeToSearch")}</p>
        ) : found && items.length === 0 && found.text === text.trim() ? (
          <p className="palette-note muted" data-testid="palette-none">
            {t("daily.palette.none")}
          </p>
        ) : (
          <ul className="palette-results" id="palette-results" role="listbox" aria-label={t("daily.palette.title")}>
            {items.map((c, i) => (
              <li
                key={c.id}
                id={`palette-option-${i}`}
                role="option"
                aria-selected={i === current}
                className={i === current ? "palette-option active" : "palette-option"}
                data-testid="palette-option"
                data-client-id={c.id}
                title={c.name_en ? `${c.name} · ${c.name_en}` : c.name}
                onMouseMove={() => {
                  if (i !== current) setActive(i);
                }}
                onClick={() => choose(c)}
              >
                <TierBadge tier={c.tier} />
                <span className="palette-name">
                  <strong>{c.name}</strong>
                  <span className="muted small">{[c.primary_contact, c.region, c.credit_code].filter(Boolean).join(" · ")}</span>
                </span>
                <StageLabel stage={c.stage} short />
              </li>
            ))}
          </ul>
        )}
        {found && items.length > 0 && (found.total > items.length || found.capped) && <p className="palette-note muted small">{t("daily.palette.more")}</p>}
        <p className="palette-hint muted small">{t("daily.palette.hint")}</p>
      </div>
    </div>
  );
}
