import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vitest/config";

/** A file URL as a path (no node typings here: "/C:/x" on Windows loses its leading slash). */
function pathOf(url: URL): string {
  const p = decodeURIComponent(url.pathname);
  return /^\/[A-Za-z]:\//.test(p) ? p.slice(1) : p;
}

// ECharts under Tauri's freezePrototype: see src/components/project_model/tslibFrozen.ts.
const frozenTslib = pathOf(new URL("./src/components/project_model/tslibFrozen.ts", import.meta.url));
const echartsTslib: Plugin = {
  name: "echarts-frozen-prototype",
  enforce: "pre",
  resolveId(source, importer) {
    if (source === "tslib" && importer && /[\\/]node_modules[\\/](echarts|zrender)[\\/]/.test(importer)) return frozenTslib;
    return null;
  },
};

// The app runs from tauri://localhost under a strict CSP (script-src 'self', no eval):
// relative asset paths, no inlined scripts, and a target WebKitGTK/Safari 15 understands.
export default defineConfig({
  base: "./",
  plugins: [react(), echartsTslib],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Above the default 500 kB only pdf.js (the document preview) and ECharts (the project
    // model's chart), each its own chunk loaded the first time it is needed; the app's own
    // start chunk is ~340 kB.
    chunkSizeWarningLimit: 600,
  },
  // pdf.js character maps, inlined on demand by src/pdfData.ts.
  assetsInclude: ["**/*.bcmap"],
  server: { port: 1420, strictPort: true },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
