/**
 * What the print service must know about a PDF before sending it: that it is
 * one, how many pages it has and how big they are (to refuse a page that
 * would not land 1:1 on the chosen media).
 */
import { PDFDocument } from 'pdf-lib';
import { PrinterError } from './errors';
import type { PageSizePt } from './media';

export interface PdfFacts {
  pageCount: number;
  pages: PageSizePt[];
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export async function inspectPdf(document: Uint8Array): Promise<PdfFacts> {
  const head = document.subarray(0, 1024);
  const start = head.findIndex((_, index) => PDF_MAGIC.every((byte, offset) => head[index + offset] === byte));
  if (start < 0) throw new PrinterError('print-document-invalid', 'the document does not start with a PDF header');
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(document, { ignoreEncryption: true, updateMetadata: false });
  } catch (error) {
    throw new PrinterError('print-document-invalid', `the PDF cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pages = pdf.getPages().map((page) => page.getSize());
  if (pages.length === 0) throw new PrinterError('print-document-invalid', 'the PDF has no pages');
  return { pageCount: pages.length, pages };
}
