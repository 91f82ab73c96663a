// Two small SVG charts for the portfolio, drawn by us: a chart library would weigh more than
// the whole portfolio screen. Lengths come from exact decimal strings (servicing.permille).
import { formatMoney } from "../../money";
import { maxMoney, permille, sumMoney } from "../../servicing";

export interface Bar {
  key: string;
  label: string;
  value: string;
  /** Shown after the amount, e.g. the number of loans. */
  note?: string;
}

/** Horizontal bars, one per row: label, bar, amount. With `onSelect` each bar is a button that
 * opens the loans behind it; `selected` marks the one open. `format` writes a value (default:
 * yuan to the fen); the portfolio passes its unit's. */
export function HBarChart({
  bars,
  title,
  testId,
  format = formatMoney,
  onSelect,
  selected,
  selectHint,
}: {
  bars: readonly Bar[];
  title: string;
  testId: string;
  format?: (s: string) => string;
  onSelect?: (key: string) => void;
  selected?: string | null;
  selectHint?: (bar: Bar) => string;
}) {
  const max = maxMoney(bars.map((b) => b.value));
  return (
    <div className="hbar-chart" role={onSelect ? "group" : "img"} aria-label={title} data-testid={testId}>
      {bars.map((b) => {
        const content = (
          <>
            <span className="hbar-label" title={b.label}>
              {b.label}
            </span>
            <svg className="hbar-track" viewBox="0 0 1000 16" preserveAspectRatio="none" aria-hidden="true">
              <rect className="hbar-bg" x="0" y="0" width="1000" height="16" rx="3" />
              <rect className="hbar-fill" x="0" y="0" width={Math.max(permille(b.value, max), /[1-9]/.test(b.value) ? 4 : 0)} height="16" rx="3" />
            </svg>
            <span className="hbar-value num">
              {format(b.value)}
              {b.note && <span className="muted small"> · {b.note}</span>}
            </span>
          </>
        );
        return onSelect ? (
          <button
            key={b.key}
            type="button"
            className={selected === b.key ? "hbar-row hbar-button selected" : "hbar-row hbar-button"}
            data-testid="bar"
            data-key={b.key}
            aria-pressed={selected === b.key}
            title={selectHint?.(b)}
            onClick={() => onSelect(b.key)}
          >
            {content}
          </button>
        ) : (
          <div key={b.key} className="hbar-row" data-testid="bar" data-key={b.key}>
            {content}
          </div>
        );
      })}
    </div>
  );
}

export interface Column {
  key: string;
  label: string;
  /** Stacked from the bottom: the first part darkest. */
  parts: readonly string[];
}

const HEIGHT = 160;
const WIDTH = 100;

/** Vertical stacked columns (cash-in by month: principal below, interest on top). */
export function ColumnChart({ columns, title, testId, format = formatMoney }: { columns: readonly Column[]; title: string; testId: string; format?: (s: string) => string }) {
  const totals = columns.map((c) => sumMoney(c.parts));
  const max = maxMoney(totals);
  return (
    <div className="column-chart" data-testid={testId}>
      <svg viewBox={`0 0 ${columns.length * WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={title} className="column-svg">
        {columns.map((c, i) => {
          let y = HEIGHT;
          return (
            <g key={c.key} data-key={c.key}>
              <title>{`${c.label}: ${format(totals[i] ?? "0")}`}</title>
              {c.parts.map((p, j) => {
                const h = (permille(p, max) * HEIGHT) / 1000;
                y -= h;
                return <rect key={j} className={`col-part col-part-${j}`} x={i * WIDTH + 18} y={y} width={WIDTH - 36} height={h} />;
              })}
            </g>
          );
        })}
      </svg>
      <div className="column-labels" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}>
        {columns.map((c) => (
          <span key={c.key}>{c.label}</span>
        ))}
      </div>
    </div>
  );
}
