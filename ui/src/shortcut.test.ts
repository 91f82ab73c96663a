import { describe, expect, it } from "vitest";
import { shortcut } from "./shortcut";

// What each OS's web view reports (WebView2, WKWebView, WebKitGTK).
const windows = { platform: "Win32", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0" };
const mac = { platform: "MacIntel", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15" };
const linux = { platform: "Linux x86_64", userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15" };

describe("keyboard labels", () => {
  it("say Cmd on macOS and Ctrl elsewhere", () => {
    expect(shortcut("L", mac)).toBe("⌘L");
    expect(shortcut("L", windows)).toBe("Ctrl+L");
    expect(shortcut("C", linux)).toBe("Ctrl+C");
  });

  it("fall back to the user agent when the platform is empty", () => {
    expect(shortcut("L", { ...mac, platform: "" })).toBe("⌘L");
    expect(shortcut("L", { ...windows, platform: "" })).toBe("Ctrl+L");
  });
});
