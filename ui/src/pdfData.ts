// The character maps pdf.js needs to draw Chinese text set in a font the PDF does not embed
// (common in statements and certificates printed from Chinese office software: STSong with
// UniGB-UCS2-H and friends). Bundled, not fetched: each map is inlined into its own small chunk
// loaded only when a PDF asks for it, so the CSP keeps connect-src to the IPC origin. Only the
// simplified-Chinese (GB) maps ship, about 400 KB; pdf.js knows Identity-H by itself.
const CMAPS = import.meta.glob<string>("/node_modules/pdfjs-dist/cmaps/*GB*.bcmap", { query: "?inline", import: "default" });

function dataUrlBytes(url: string): Uint8Array {
  const bin = atob(url.slice(url.indexOf(",") + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** pdf.js's `BinaryDataFactory`: answers the worker's requests for character maps. */
export class BundledBinaryData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const load = kind === "cMapUrl" ? CMAPS[`/node_modules/pdfjs-dist/cmaps/${filename}`] : undefined;
    // Standard fonts are not bundled: pdf.js then uses the system's (useSystemFonts).
    if (!load) throw new Error(`${filename} is not bundled`);
    return dataUrlBytes(await load());
  }
}

/** The names of the bundled maps (for the unit test). */
export const BUNDLED_CMAPS = Object.keys(CMAPS).map((p) => p.slice(p.lastIndexOf("/") + 1));
