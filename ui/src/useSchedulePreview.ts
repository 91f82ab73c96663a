// The schedule for the terms being typed: asked for once the officer pauses, and only the
// answer to the latest terms is kept (a slow answer to older terms is dropped).
import { useEffect, useState } from "react";
import { api, type ApiError } from "./api";
import type { LoanTerms, Schedule } from "./bindings";
import { useErrorHandler } from "./session";
import { useDebounced } from "./useDebounced";

export const PREVIEW_DEBOUNCE_MS = 250;

interface Answer {
  key: string;
  schedule: Schedule | null;
  error: ApiError | null;
}

export interface Preview {
  /** The latest schedule computed, possibly for terms the officer has since changed. */
  schedule: Schedule | null;
  /** True when `schedule` is for exactly the terms now in the form. */
  current: boolean;
  /** Why the current terms have no schedule (a validation error names the field). */
  error: ApiError | null;
}

export function termsKey(terms: LoanTerms | null): string {
  return terms ? JSON.stringify(terms) : "";
}

export function useSchedulePreview(terms: LoanTerms | null): Preview {
  const handleError = useErrorHandler();
  const key = termsKey(terms);
  const debouncedKey = useDebounced(key, PREVIEW_DEBOUNCE_MS);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [last, setLast] = useState<Schedule | null>(null);

  useEffect(() => {
    if (debouncedKey === "") return;
    let live = true;
    api.schedulePreview(JSON.parse(debouncedKey) as LoanTerms).then(
      (schedule) => {
        if (!live) return;
        setAnswer({ key: debouncedKey, schedule, error: null });
        setLast(schedule);
      },
      (e: unknown) => {
        if (!live) return;
        const err = handleError(e);
        if (err) setAnswer({ key: debouncedKey, schedule: null, error: err });
      },
    );
    return () => {
      live = false;
    };
  }, [debouncedKey, handleError]);

  const mine = answer !== null && answer.key === key && key !== "";
  return {
    schedule: last,
    current: mine && answer.schedule !== null,
    error: mine ? answer.error : null,
  };
}
