// Pure helpers of the Documents tab and the credit analysis: labels for the backend's enums,
// sizes, ratio texts, import progress. Kept out of the components so Vitest checks them.
import { ApiError } from "./api";
import { CATALOGUE, type DocumentKind, type ErrorPayload, type Ratio, type RatioKind, type StatementLine } from "./bindings";
import { groupThousands, isDecimal } from "./money";

/** In the backend's order (crates/core/src/documents/kind.rs), as its catalogue lists them. */
export const DOC_KINDS = Object.keys(CATALOGUE.en.docKind) as DocumentKind[];

export function isDocKind(s: string): s is DocumentKind {
  return (DOC_KINDS as readonly string[]).includes(s);
}

export const RATIO_KEY = {
  "current-ratio": "credit.ratio.current-ratio",
  "quick-ratio": "credit.ratio.quick-ratio",
  "debt-to-asset": "credit.ratio.debt-to-asset",
  "interest-coverage": "credit.ratio.interest-coverage",
  dscr: "credit.ratio.dscr",
  "dscr-cash-flow": "credit.ratio.dscr-cash-flow",
} as const satisfies Record<RatioKind, string>;

/** The lines the figures table shows, in the template's order (required lines first). */
export const LINE_KEY = {
  "current-assets": "statementLine.current-assets",
  inventory: "statementLine.inventory",
  "total-assets": "statementLine.total-assets",
  "current-liabilities": "statementLine.current-liabilities",
  "total-liabilities": "statementLine.total-liabilities",
  revenue: "statementLine.revenue",
  "profit-before-tax": "statementLine.profit-before-tax",
  "interest-expense": "statementLine.interest-expense",
  "depreciation-amortisation": "statementLine.depreciation-amortisation",
  "operating-cash-flow": "statementLine.operating-cash-flow",
  cash: "statementLine.cash",
  "accounts-receivable": "statementLine.accounts-receivable",
  "total-equity": "statementLine.total-equity",
  "net-profit": "statementLine.net-profit",
} as const satisfies Record<StatementLine, string>;
export const LINES = Object.keys(LINE_KEY) as StatementLine[];

/** 1536 → "1.5 KB"; binary units, one decimal under 10. Not a money figure: a JS number is fine. */
export function formatSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  const shown = u === 0 ? String(n) : n < 10 ? n.toFixed(1) : String(Math.round(n));
  return `${shown} ${units[u]}`;
}

/** "1.5" → "1.50", "60" → "60.00": ratios are shown with the two decimals they are judged on. */
export function twoDecimals(s: string): string {
  if (!isDecimal(s)) return s;
  const [whole = "", frac = ""] = s.split(".");
  return `${whole}.${frac.padEnd(2, "0")}`;
}

/** A ratio's value as shown: "1.35", "62.50%" (debt-to-asset is in percent), or null. */
export function ratioValue(r: Pick<Ratio, "kind" | "value">): string | null {
  if (r.value === null) return null;
  const v = twoDecimals(r.value);
  return r.kind === "debt-to-asset" ? `${v}%` : v;
}

/** The threshold as a rule: "≥ 1.20", "≤ 70%" (a whole percent stays whole). */
export function ratioRule(r: Pick<Ratio, "kind" | "threshold" | "bound">): string {
  const sign = r.bound === "at-least" ? "≥" : "≤";
  if (r.kind === "debt-to-asset") return `${sign} ${r.threshold}%`;
  return `${sign} ${twoDecimals(r.threshold)}`;
}

/** A statement figure in yuan, grouped: "12,000,000". */
export function formatFigure(value: string | undefined): string {
  return value === undefined ? "—" : groupThousands(value);
}

/** What the `import-progress` event carries (src-tauri/src/commands/documents.rs). */
export interface ImportProgress {
  file: string;
  index: number;
  count: number;
  done: number;
  total: number;
}

/** Percent of the whole batch, counting finished files as whole ones: 0..100. */
export function batchPercent(p: ImportProgress): number {
  if (p.count <= 0) return 0;
  const file = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  return Math.round(((p.index + file) / p.count) * 100);
}

/** A failed file's payload as the error the translators already handle. */
export function payloadError(p: ErrorPayload): ApiError {
  return new ApiError(p.code, p.message, p.field, p.rule, p.params, p.items);
}

/** The existing document a duplicate refusal names, if it is one. */
export function duplicateOf(p: ErrorPayload): number | null {
  if (p.code !== "validation" || p.rule !== "duplicate_document") return null;
  const id = Number(p.params.id);
  return Number.isInteger(id) ? id : null;
}
