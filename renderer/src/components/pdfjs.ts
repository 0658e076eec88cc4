/**
 * pdf.js is about a megabyte of script that only the print preview needs:
 * loading it with the app delayed the terminal's first paint. It is fetched
 * the first time a preview is shown, once, and kept.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  // A failed fetch (e.g. the host restarting) must not poison every later preview.
  loading.catch(() => (loading = undefined));
  return loading;
}
