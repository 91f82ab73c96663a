// What every screen behind the unlock needs from the app: the status, a way to lock, and one
// place that reacts to a `locked` error (the backend is locked under us: back to unlock).
import { createContext, useCallback, useContext } from "react";
import type { ApiError } from "./api";
import type { AppStatus } from "./bindings";
import { toApiError } from "./errors";

export interface Session {
  status: AppStatus;
  lock: () => void;
  setAutoLockMinutes: (minutes: number) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession used outside the unlocked shell");
  return s;
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
