import { PDFDict, PDFDocument, PDFName, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { DocumentError, type DocumentWarning } from '../errors';
import { embedSubsetFont } from '../fonts/fontkit-adapter';
import type { FontChain } from '../fonts/font-chain';
import type { DocumentModel, ImageItem, Sheet, SheetItem, TextItem } from '../model';
import { mmToPt } from '../units';
import { drawTextItem, type TextContext } from './draw-text';
import { drawSignature } from './signature';

export interface Calibration {
  /** Millimetres; positive moves the print right. */
  x: number;
  /** Millimetres; positive moves the print down. */
  y: number;
}

export interface PaintResult {
  pdf: Uint8Array;
  pageCount: number;
  warnings: DocumentWarning[];
}

const TICK = '✓';

/** Turns a document model into PDF bytes. */
export async function paint(model: DocumentModel, chain: FontChain, calibration: Calibration = { x: 0, y: 0 }): Promise<PaintResult> {
  const texts = model.sheets.flatMap((sheet) => sheet.items.filter(isText));
  await ensureCovered(chain, texts);

  const doc = model.template ? await loadTemplate(model) : await PDFDocument.create();
  doc.setTitle(model.title);
  doc.setCreator('Window Terminal');
  doc.setProducer('Window Terminal document engine (pdf-lib)');
  const fonts = await embedFaces(doc, chain, [...texts.map((item) => item.text), TICK]);
  const ascender = ascenderShare(chain);
  const warnings: DocumentWarning[] = [];
  const images = await embedImages(doc, model);

  for (const sheet of model.sheets) {
    const page = pageFor(doc, sheet);
    const sheetWidth = page.getWidth() / mmToPt(1);
    const sheetHeight = page.getHeight() / mmToPt(1);
    const context: TextContext = { page, chain, fonts, ascender, sheetWidth, sheetHeight, offset: calibration, warnings };
    for (const item of sheet.items) drawItem(context, item, images);
  }
  const pdf = await doc.save();
  return { pdf, pageCount: doc.getPageCount(), warnings };
}

async function ensureCovered(chain: FontChain, texts: TextItem[]): Promise<void> {
  const missing = await chain.cover([...texts.map((item) => item.text), TICK]);
  if (missing.length === 0) return;
  const fields = texts.filter((item) => missing.some((char) => item.text.includes(char))).map((item) => item.field);
  const unavailable = chain.unavailableFonts;
  const note = unavailable.length > 0 ? `; fallback fonts not found: ${unavailable.join(', ')}` : '';
  throw new DocumentError('document-characters-unsupported', `No font can draw ${missing.join(' ')} (in ${fields.join(', ')})${note}`, {
    characters: missing,
    fields: [...new Set(fields)],
    fonts: unavailable,
  });
}

async function loadTemplate(model: DocumentModel): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(model.template as Uint8Array);
  } catch (error) {
    throw new DocumentError('document-template-invalid', `Template PDF cannot be read: ${(error as Error).message}`);
  }
  if (model.removeTemplateFields) removeWidgets(doc);
  // Copying the pages into a fresh document keeps only what they still
  // reference: the form fields are left behind. (pdf-lib's removeField leaves
  // dangling references that poppler reports as broken xref entries.)
  const fresh = await PDFDocument.create();
  for (const page of await fresh.copyPages(doc, doc.getPageIndices())) fresh.addPage(page);
  return fresh;
}

/** Drops the form's widget annotations from every page; other annotations (links) stay. */
function removeWidgets(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const kept = annots.asArray().filter((ref) => {
      const annotation = doc.context.lookup(ref);
      return annotation instanceof PDFDict && annotation.get(PDFName.of('Subtype')) !== PDFName.of('Widget');
    });
    page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
  }
}

/** Embeds one subset per face the document actually uses, tagged as PDF subsets must be. */
async function embedFaces(doc: PDFDocument, chain: FontChain, texts: string[]): Promise<Map<number, PDFFont>> {
  const used = new Set<number>();
  for (const text of texts) for (const run of chain.runs(text.replace(/[\r\n]/g, ''))) used.add(run.face);
  const fonts = new Map<number, PDFFont>();
  for (const face of [...used].sort((a, b) => a - b)) {
    const tag = `WTSUB${String.fromCharCode(65 + (face % 26))}`;
    fonts.set(face, await embedSubsetFont(doc, chain.face(face), `${tag}+${chain.face(face).postscriptName}`));
  }
  return fonts;
}

function pageFor(doc: PDFDocument, sheet: Sheet): PDFPage {
  if (sheet.templatePage !== undefined) {
    const page = doc.getPages()[sheet.templatePage];
    if (!page) throw new DocumentError('document-template-invalid', `Template has no page ${sheet.templatePage + 1}`);
    return page;
  }
  return doc.addPage([mmToPt(sheet.width), mmToPt(sheet.height)]);
}

/** Photos are embedded once each before drawing; a file that is not a JPEG stops the document with its field. */
async function embedImages(doc: PDFDocument, model: DocumentModel): Promise<Map<ImageItem, PDFImage>> {
  const images = new Map<ImageItem, PDFImage>();
  for (const item of model.sheets.flatMap((sheet) => sheet.items)) {
    if (item.type !== 'image') continue;
    try {
      images.set(item, await doc.embedJpg(item.jpeg));
    } catch (error) {
      throw new DocumentError('document-image-invalid', `The image of ${item.field} cannot be read: ${(error as Error).message}`, { fields: [item.field] });
    }
  }
  return images;
}

function drawItem(context: TextContext, item: SheetItem, images: Map<ImageItem, PDFImage>): void {
  const { page, sheetHeight, offset } = context;
  const toPdf = (x: number, y: number) => ({ x: mmToPt(x + offset.x), y: mmToPt(sheetHeight - y - offset.y) });
  switch (item.type) {
    case 'text':
      drawTextItem(context, item);
      return;
    case 'line':
      page.drawLine({ start: toPdf(item.from.x, item.from.y), end: toPdf(item.to.x, item.to.y), thickness: item.thickness ?? 0.6, color: rgb(0, 0, 0) });
      return;
    case 'rect': {
      const corner = toPdf(item.box.x, item.box.y + item.box.height);
      page.drawRectangle({ ...corner, width: mmToPt(item.box.width), height: mmToPt(item.box.height), borderWidth: item.thickness ?? 0.6, borderColor: rgb(0, 0, 0) });
      return;
    }
    case 'checkbox': {
      const corner = toPdf(item.box.x, item.box.y + item.box.height);
      page.drawRectangle({ ...corner, width: mmToPt(item.box.width), height: mmToPt(item.box.height), borderWidth: 0.8, borderColor: rgb(0, 0, 0) });
      if (item.checked) {
        drawTextItem(context, { type: 'text', field: item.field, text: TICK, box: item.box, size: mmToPt(item.box.height) * 0.75, align: 'center', fixed: true });
      }
      return;
    }
    case 'signature': {
      const corner = toPdf(item.box.x, item.box.y + item.box.height);
      drawSignature(page, { ...corner, width: mmToPt(item.box.width), height: mmToPt(item.box.height) }, item.signature);
      return;
    }
    case 'image': {
      const image = images.get(item)!;
      const scale = Math.min(mmToPt(item.box.width) / image.width, mmToPt(item.box.height) / image.height);
      const width = image.width * scale;
      const height = image.height * scale;
      const corner = toPdf(item.box.x, item.box.y + item.box.height);
      page.drawImage(image, { x: corner.x + (mmToPt(item.box.width) - width) / 2, y: corner.y + (mmToPt(item.box.height) - height) / 2, width, height });
      return;
    }
  }
}

function isText(item: SheetItem): item is TextItem {
  return item.type === 'text';
}

/** Where the baseline sits in the em box; CJK fonts put about 88 % of it above. */
function ascenderShare(chain: FontChain): number {
  const os2 = (chain.primary as unknown as { 'OS/2'?: { typoAscender: number; typoDescender: number } })['OS/2'];
  if (!os2 || os2.typoAscender <= 0 || os2.typoAscender - os2.typoDescender <= 0) return 0.88;
  return os2.typoAscender / (os2.typoAscender - os2.typoDescender);
}
