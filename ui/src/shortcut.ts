// Keyboard shortcuts as the officer's keyboard prints them: ⌘ on a Mac, Ctrl elsewhere. The
// handlers already accept either key (ctrlKey || metaKey); only the label differs.
type Platform = Pick<Navigator, "platform" | "userAgent">;

export function isMac(nav: Platform = navigator): boolean {
  // `platform` is "MacIntel" in WKWebView on Intel and Apple silicon alike; the user agent is
  // the fallback should a future WebKit empty it.
  return /^Mac/.test(nav.platform) || (nav.platform === "" && /Macintosh/.test(nav.userAgent));
}

/** "Ctrl+L" on Windows and Linux, "⌘L" on macOS. */
export function shortcut(key: string, nav: Platform = navigator): string {
  return isMac(nav) ? `⌘${key}` : `Ctrl+${key}`;
}
