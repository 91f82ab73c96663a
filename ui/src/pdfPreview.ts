// The first page of a PDF drawn into a canvas by pdf.js, loaded on first use so its half
// megabyte stays out of start-up. Under the app's CSP: the worker is the bundled file served
// from the app itself (no CDN), pdf.js 6 has no eval path, and its WebAssembly decoders are off
// (the CSP has no 'wasm-unsafe-eval'); a JPEG 2000 image inside a scan is then left blank while
// the rest of the page draws. The legacy build: it runs on the oldest web view we target
// (Safari 15 on macOS 12), like the rest of the bundle.
//
// We start the worker ourselves and hand pdf.js its port: given only a URL, pdf.js judges the
// app's tauri:// origin "not same-origin" (a custom scheme's URL origin is "null") and wraps
// the worker in a blob: URL, which the CSP rightly refuses.
import { BundledBinaryData } from "./pdfData";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([
    import("pdfjs-dist/legacy/build/pdf.mjs"),
    import("pdfjs-dist/legacy/build/pdf.worker.min.mjs?url"),
  ]).then(([lib, worker]) => {
    // Also the fallback: if the worker cannot start, pdf.js imports this file on the main thread.
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    try {
      lib.GlobalWorkerOptions.workerPort = new Worker(worker.default, { type: "module" });
    } catch {
      // No module workers here: pdf.js runs on the main thread from workerSrc.
    }
    return lib;
  });
  return loading;
}

/** Draws page 1 at most `maxWidth` CSS pixels wide; returns the document's page count. */
export async function renderFirstPage(bytes: ArrayBuffer, canvas: HTMLCanvasElement, maxWidth: number): Promise<number> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    useWasm: false,
    enableXfa: false,
    // Character maps come from the bundle (pdfData.ts), never fetched: the base URL is a label.
    cMapUrl: "bundled/",
    cMapPacked: true,
    useWorkerFetch: false,
    BinaryDataFactory: BundledBinaryData,
  });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const ratio = window.devicePixelRatio || 1;
    const cssScale = Math.min(2, maxWidth / natural.width);
    const viewport = page.getViewport({ scale: cssScale * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
    await page.render({ canvas, viewport }).promise;
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}
