// Runs one OCR command with the progress dialog shown (`running`) and the officer's Cancel
// turned into "nothing happened" (null) rather than an error.
import { useState } from "react";
import { ApiError } from "../../api";

export function useOcrRun() {
  const [running, setRunning] = useState(false);
  const run = async <T,>(job: () => Promise<T | null>): Promise<T | null> => {
    setRunning(true);
    try {
      return await job();
    } catch (e) {
      if (e instanceof ApiError && e.code === "cancelled") return null;
      throw e;
    } finally {
      setRunning(false);
    }
  };
  return { running, run };
}
