// A client's saved loan scenarios (the proposed one first, as the backend orders them).
import { useCallback, useEffect, useState } from "react";
import { api, type ApiError } from "./api";
import type { LoanScenario } from "./bindings";
import { useErrorHandler } from "./session";

export interface Scenarios {
  list: LoanScenario[] | null;
  error: ApiError | null;
  setError: (e: ApiError | null) => void;
  /** Fetches the list again; resolves to it, or null after showing why it failed. */
  reload: () => Promise<LoanScenario[] | null>;
  /** Deletes one and reloads; false (with the error shown) when it failed. */
  remove: (id: number) => Promise<boolean>;
}

export function useScenarios(clientId: number): Scenarios {
  const handleError = useErrorHandler();
  const [list, setList] = useState<LoanScenario[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(
    () =>
      api.scenariosList(clientId).then(
        (l) => {
          setList(l);
          setError(null);
          return l;
        },
        (e: unknown) => {
          setError(handleError(e));
          return null;
        },
      ),
    [clientId, handleError],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const remove = useCallback(
    async (id: number) => {
      try {
        await api.scenarioDelete(clientId, id);
      } catch (e) {
        setError(handleError(e));
        return false;
      }
      await reload();
      return true;
    },
    [clientId, handleError, reload],
  );

  return { list, error, setError, reload, remove };
}
