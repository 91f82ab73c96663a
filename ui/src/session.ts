// What every screen behind the unlock needs from the app: the status, a way to lock, and one
// place that reacts to a `locked` error (the backend is locked under us: back to unlock).
import { createContext, useCallback, useContext } from "react";
import type { ApiError } from "./api";
import type { AmountScreen, AmountUnit, AppStatus, Layout } from "./bindings";
import { toApiError } from "./errors";

export interface Session {
  status: AppStatus;
  lock: () => void;
  setAutoLockMinutes: (minutes: number) => void;
  /** The sidebar's fold and Today's opened sections (status.layout), saved in the prefs. */
  setLayout: (layout: Layout) => void;
  /** A screen's amount unit: shown at once, remembered by the backend. */
  setAmountUnit: (screen: AmountScreen, unit: AmountUnit) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession used outside the unlocked shell");
  return s;
}

/**
 * Numbers the unlocked sessions, so that the `lock` a shell hands to its screens acts only
 * while that shell's session is open. A call made before a lock fails with `locked` when it
 * answers, and on a slow laptop that answer can come while the unlock screen shows or after
 * the officer has unlocked again (an import stopped by Ctrl+L); it belongs to a session that
 * is over, and must neither lock the new one nor reset the unlock screen mid-unlock.
 */
export class Sessions {
  /** The session of an app that starts unlocked; numbering it needs no call (a render may run twice). */
  readonly first = 0;
  private current = 0;

  /** The vault was unlocked: a new session; returns its number. */
  begin(): number {
    this.current += 1;
    return this.current;
  }

  /** The vault is being locked: no session is open until the next `begin`. */
  end(): void {
    this.current += 1;
  }

  lockFor(session: number, lock: () => void): () => void {
    return () => {
      if (this.current === session) lock();
    };
  }
}

/**
 * Returns the handler for every failed call: a `locked` error locks the UI (and returns null,
 * as the screen is about to unmount); anything else comes back as an ApiError to show.
 */
export function useErrorHandler(): (e: unknown) => ApiError | null {
  const { lock } = useSession();
  return useCallback(
    (e: unknown) => {
      const err = toApiError(e);
      if (err.code === "locked") {
        lock();
        return null;
      }
      return err;
    },
    [lock],
  );
}
