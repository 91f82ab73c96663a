// Small pure helpers of the OCR screens (components/ocr), unit tested.
import type { DocumentSummary } from "./bindings";

const SCANS = new Set(["png", "jpeg", "tiff", "pdf"]);

/** What OCR can read off a document: its licence, its statement, or nothing. */
export function readable(d: Pick<DocumentSummary, "file_type" | "kind" | "archived">): "licence" | "statement" | null {
  if (!SCANS.has(d.file_type) || d.archived) return null;
  if (d.kind === "business-licence") return "licence";
  if (d.kind === "financial-statements") return "statement";
  return null;
}

/** A figure as typed in the statement preview: "1,234,567.80" or "1 234 567.8" → digits; ""
 * for an empty cell (the line is left out); null when it is not a figure. */
export function parseFigure(text: string): string | null {
  const t = text.replace(/[,，\s]/g, "");
  if (t === "") return "";
  return /^-?\d+(\.\d+)?$/.test(t) ? t : null;
}
