// Up to three scenarios side by side: one column each, the lowest cost in each row marked.
import { useTranslation } from "react-i18next";
import { lowest, type Pinned } from "../compare";
import { METHOD_KEY } from "../labels";
import { amountText, rateText, termText } from "../loanText";
import { formatMoney, formatPercent } from "../money";

interface Props {
  items: readonly Pinned[];
  onRemove: (key: string) => void;
  onLoad: (p: Pinned) => void;
}

interface Row {
  label: string;
  values: string[];
  /** Lower is better for the client: mark the lowest. */
  compare?: string[];
  testId: string;
}

export default function CompareTable({ items, onRemove, onLoad }: Props) {
  const { t } = useTranslation();
  const money = (f: (p: Pinned) => string) => items.map((p) => formatMoney(f(p)));
  const rows: Row[] = [
    { label: t("fields.method"), values: items.map((p) => t(METHOD_KEY[p.terms.method])), testId: "method" },
    { label: t("fields.principal"), values: items.map((p) => amountText(t, p.terms.principal, p.terms.currency)), testId: "principal" },
    { label: t("calc.term"), values: items.map((p) => termText(t, p.terms.term_months)), testId: "term" },
    { label: t("fields.rate"), values: items.map((p) => rateText(t, p.terms.rate, p.summary.annual_rate)), testId: "rate" },
    { label: t("calc.regularPayment"), values: money((p) => p.summary.payment), testId: "payment" },
    { label: t("calc.firstPayment"), values: money((p) => p.firstPayment), testId: "first-payment" },
    { label: t("calc.totalInterest"), values: money((p) => p.summary.total_interest), compare: items.map((p) => p.summary.total_interest), testId: "total-interest" },
    { label: t("calc.totalPayment"), values: money((p) => p.summary.total_payment), compare: items.map((p) => p.summary.total_payment), testId: "total-payment" },
    { label: t("fields.upfrontFee"), values: money((p) => p.terms.upfront_fee), testId: "fee" },
    { label: t("calc.aprNominal"), values: items.map((p) => formatPercent(p.summary.apr)), compare: items.map((p) => p.summary.apr), testId: "apr" },
    {
      label: t("calc.aprEffective"),
      values: items.map((p) => formatPercent(p.summary.apr_effective)),
      compare: items.map((p) => p.summary.apr_effective),
      testId: "apr-effective",
    },
  ];

  return (
    <div className="compare-wrap">
      <table className="simple-table compare-table" data-testid="calc-compare-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">{t("calc.compareItem")}</span>
            </th>
            {items.map((p, i) => (
              <CompareHead key={p.key} n={i + 1} label={p.label ?? t(METHOD_KEY[p.terms.method])} onLoad={() => onLoad(p)} onRemove={() => onRemove(p.key)} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const best = r.compare ? lowest(r.compare) : new Set<number>();
            return (
              <tr key={r.testId} data-testid={`compare-row-${r.testId}`}>
                <th scope="row">{r.label}</th>
                {r.values.map((v, i) => (
                  <td key={items[i]?.key ?? i} className={best.has(i) ? "num best" : "num"} title={best.has(i) ? t("calc.lowest") : undefined}>
                    {v}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CompareHead({ n, label, onLoad, onRemove }: { n: number; label: string; onLoad: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <th scope="col" data-testid="compare-column">
      <div className="compare-head">
        <span className="compare-label" title={label}>
          <span className="compare-n">{n}</span>
          {label}
        </span>
        <span className="compare-actions">
          <button type="button" className="link-button" data-testid="compare-load" onClick={onLoad}>
            {t("calc.compareLoad")}
          </button>
          <button type="button" className="link-button" data-testid="compare-remove" aria-label={t("calc.compareRemoveTitle", { label })} onClick={onRemove}>
            {t("calc.compareRemove")}
          </button>
        </span>
      </div>
    </th>
  );
}
