import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The app runs from tauri://localhost under a strict CSP (script-src 'self', no eval):
// relative asset paths, no inlined scripts, and a target WebKitGTK/Safari 15 understands.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  // pdf.js character maps, inlined on demand by src/pdfData.ts.
  assetsInclude: ["**/*.bcmap"],
  server: { port: 1420, strictPort: true },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
