// Pure helpers for the Settings list editors (checklist templates, lost reasons, cadence): no
// React, no backend, so they are unit-tested on their own.
/** A copy of `list` with the element at `index` moved one place up (-1) or down (+1). */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out;
  const [x] = out.splice(index, 1);
  if (x !== undefined) out.splice(to, 0, x);
  return out;
}

/** A copy of `list` without the element at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** A line of a bilingual list editor; `uid` is local (React keys), `key` the backend's. */
export interface LabelRow {
  uid: string;
  key: string | null;
  label_zh: string;
  label_en: string;
}

/** Lines with no label in either language: the backend refuses them, so we say so first. */
export function blankRows(rows: readonly LabelRow[]): number[] {
  return rows.flatMap((r, i) => (r.label_zh.trim() === "" && r.label_en.trim() === "" ? [i] : []));
}

/** The line a backend field names: ("items.3.label_zh", "items") → 3; otherwise null. */
export function rowOfField(field: string | null, list: string): number | null {
  if (!field) return null;
  const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(field);
  return m?.[1] !== undefined ? Number(m[1]) : null;
}

export const DAYS_MIN = 1;
export const DAYS_MAX = 365;

let counter = 0;
/** A fresh local id for a new line ("+" never appears in a backend key, so no clash). */
export function newUid(): string {
  counter += 1;
  return `+${counter}`;
}
