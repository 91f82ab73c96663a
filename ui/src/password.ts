import { useEffect, useState } from "react";
import { api } from "./api";

export const MIN_PASSWORD_CHARS = 8;

/** Characters as the officer sees them, not UTF-16 units (a CJK or emoji password counts right). */
export function passwordLength(p: string): number {
  return [...p].length;
}

/**
 * The backend's 0–4 score for `password` (one estimator for UI and CLI), or null while empty.
 * Debounced so typing stays smooth; an answer for an older password is dropped.
 */
export function usePasswordStrength(password: string): number | null {
  const [scored, setScored] = useState<{ password: string; score: number } | null>(null);
  useEffect(() => {
    if (password === "") return;
    let current = true;
    const timer = window.setTimeout(() => {
      api.passwordStrength(password).then(
        (score) => current && setScored({ password, score }),
        () => undefined,
      );
    }, 120);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [password]);
  if (password === "" || !scored) return null;
  // The last known score stays up while a newer one is on its way, so the bar does not flicker.
  return scored.score;
}
