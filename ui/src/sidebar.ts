// The sidebar folds to its icons on a narrow window (a 1366 or 1280 laptop at 125 % is 1024 or
// so CSS pixels wide) so the board's five columns fit; the officer's own choice, once made, wins
// and is kept in the prefs beside the vault (status.layout).
import { useCallback, useSyncExternalStore } from "react";
import { useSession } from "./session";

/** Below this CSS width the sidebar starts folded. */
export const NARROW_QUERY = "(max-width: 1199px)";

/** Folded: the officer's choice if any, else folded exactly when the window is narrow. */
export function isCollapsed(choice: boolean | null, narrow: boolean): boolean {
  return choice ?? narrow;
}

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(NARROW_QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

export function useSidebar(): { collapsed: boolean; toggle: () => void } {
  const { status, setLayout } = useSession();
  const narrow = useSyncExternalStore(subscribe, () => window.matchMedia(NARROW_QUERY).matches);
  const collapsed = isCollapsed(status.layout.sidebar_collapsed, narrow);
  const toggle = useCallback(() => setLayout({ ...status.layout, sidebar_collapsed: !collapsed }), [collapsed, setLayout, status.layout]);
  return { collapsed, toggle };
}
