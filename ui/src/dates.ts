// Dates as officers type them, read into ISO (yyyy-mm-dd) without the browser's date control,
// whose order follows the operating system's locale (mm/dd/yyyy on an English system even when
// the app is in Chinese; issue 19, item 9). Accepted: 2026-12-03, 2026/12/3, 2026.12.3,
// 20261203 and 2026年12月3日, with full-width digits; the day must exist.

/** The ISO date `text` names, or null when it names none (empty text is not a date either). */
export function parseDate(text: string): string | null {
  const s = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[／－．]/g, (c) => ({ "／": "/", "－": "-", "．": "." })[c] ?? c);
  const m = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4] ?? m[6]);
  const day = Number(m[3] ?? m[5] ?? m[7]);
  const when = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || when.getUTCFullYear() !== year || when.getUTCMonth() !== month - 1 || when.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
