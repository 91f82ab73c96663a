// Dates as officers read them. Dates without a time ("2025-03-14") are shown as stored, since
// a Date object would shift them through the UTC midnight.

/** Today in the local calendar, as the backend's date format (YYYY-MM-DD). */
export function todayISO(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** An RFC 3339 timestamp in local time, "2025-03-14 09:05"; the raw text if it does not parse. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getHours()).padStart(2, "0");
  const mm = String(d.getMinutes()).padStart(2, "0");
  return `${todayISO(d)} ${hh}:${mm}`;
}
