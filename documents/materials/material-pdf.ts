/**
 * One material as one PDF: its cleaned pages in order, each page the size of
 * the paper at its resolution, each image stored as it was encoded (JPEG
 * for grey and colour, 1-bit Flate for bilevel) so the archive keeps the
 * resolution and colour mode the item asked for.
 */
import { concatTransformationMatrix, drawObject, PDFDocument, PDFName, PDFNumber, popGraphicsState, pushGraphicsState, type PDFRef } from 'pdf-lib';
import type { CleanedPage } from './clean-page';

export async function materialPdf(pages: readonly CleanedPage[], title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setProducer('Window Terminal');
  pdf.setCreator('Window Terminal');
  // A fixed date: the same pages give the same bytes (the case's checksum stays stable across a re-render).
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  for (const page of pages) {
    const widthPt = (page.width / page.resolutionDpi) * 72;
    const heightPt = (page.height / page.resolutionDpi) * 72;
    const pdfPage = pdf.addPage([widthPt, heightPt]);
    if (page.encoding === 'jpeg') {
      const image = await pdf.embedJpg(page.data);
      pdfPage.drawImage(image, { x: 0, y: 0, width: widthPt, height: heightPt });
    } else {
      const ref = bilevelImage(pdf, page);
      const name = pdfPage.node.newXObject('Im', ref);
      pdfPage.pushOperators(...drawImageOperators(name, widthPt, heightPt));
    }
  }
  return pdf.save({ useObjectStreams: true });
}

function bilevelImage(pdf: PDFDocument, page: CleanedPage): PDFRef {
  const image = pdf.context.stream(page.data, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: page.width,
    Height: page.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
    Filter: 'FlateDecode',
  });
  image.dict.set(PDFName.of('Length'), PDFNumber.of(page.data.length));
  return pdf.context.register(image);
}

function drawImageOperators(name: PDFName, width: number, height: number) {
  return [pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState()];
}
