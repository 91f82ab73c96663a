import { useEffect } from "react";

/** Calls `onEscape` when the officer presses Escape: how every dialog closes. */
export function useEscape(onEscape: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Escape while a Chinese input method composes cancels the composition, not the dialog.
      if (e.key === "Escape" && !e.isComposing) onEscape();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onEscape]);
}
