// The one reading of a whole number an officer types into a settings or window field.

/** " 30 " → 30: a whole number in [min, max] as typed, or null (signs, decimals, blanks). */
export function wholeIn(text: string, min: number, max: number): number | null {
  const s = text.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}
