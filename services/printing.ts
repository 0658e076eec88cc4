/**
 * Documents and printing as the renderer uses them: preview a document,
 * print it at 100 % on a chosen printer (certificates shifted by that
 * printer's calibration), follow the job, calibrate a certificate printer.
 * The document engine opens its fonts on first use, not at start-up.
 */
import { join } from 'node:path';
import { TerminalError } from '../contract/errors';
import type { Logger } from '../domain/logger';
import type { PrintJobRecord, PrinterTarget } from '../domain/printing';
import type { DocumentEngine } from '../documents';
import { openDocumentEngine } from '../documents/node';
import { CALIBRATION_TARGET_MM, FileCalibrationStore, offsetsFromMeasurement } from '../drivers/printer/calibration';
import { calibrationPagePdf } from '../drivers/printer/calibration-page';
import { certificateMedia } from '../drivers/printer/media';
import { FilePrintQueueStore } from '../drivers/printer/print-queue';
import { PrintService } from '../drivers/printer/print-service';
import { CertificatePrintFlow, type CertificateNumberSource, type CertificatePrintOutcome } from '../drivers/printer/certificate-printing';
import certificateLayout from '../documents/layouts/marriage-certificate.json' with { type: 'json' };

const CERTIFICATE_KINDS = new Set(['marriage-certificate']);
const CERTIFICATE_MEDIA = certificateMedia(certificateLayout.page.width, certificateLayout.page.height);

export interface PrintingOptions {
  dataDir: string;
  printers: PrinterTarget[];
  /** The number block leased from the backend (sync); a number taken for a case is recorded against it. */
  certificateNumbers: CertificateNumberSource & { take(type: string, caseId?: string): Promise<string> };
  logger: Logger;
}

/** A certificate's variable text, without its number: the number comes from the lease when it prints. */
export interface CertificateRequest {
  type: string;
  printerId: string;
  data: Record<string, unknown>;
  caseId?: string;
}

export interface Printing {
  service: PrintService;
  /** The PDF bytes of a document, as printed and archived. */
  render(kind: string, data: unknown): Promise<Uint8Array>;
  preview(kind: string, data: unknown, printerId?: string): Promise<{ pdf: string; title: string; pageCount: number; warnings: { code: string; params?: Record<string, string | number> }[] }>;
  print(request: { printerId: string; kind: string; data: unknown; copies?: number; caseId?: string }): Promise<PrintJobRecord>;
  calibration(printerId: string): Promise<{ x: number; y: number }>;
  calibrate(printerId: string, measured: { x: number; y: number }): Promise<{ x: number; y: number }>;
  printCalibrationPage(printerId: string): Promise<PrintJobRecord>;
  printCertificate(request: CertificateRequest): Promise<CertificatePrintOutcome>;
  /** The print came out spoiled: void its number and print again under a new one. */
  reprintCertificate(request: CertificateRequest & { spoiledNumber: string; reason: string }): Promise<CertificatePrintOutcome & { voided: string }>;
  close(): Promise<void>;
}

export async function createPrinting(options: PrintingOptions): Promise<Printing> {
  const service = new PrintService({
    store: new FilePrintQueueStore(join(options.dataDir, 'print-queue')),
    printers: options.printers,
    logger: options.logger,
  });
  const calibrations = new FileCalibrationStore(join(options.dataDir, 'printer-calibration.json'));
  await service.start();

  let engine: Promise<DocumentEngine> | undefined;
  const documents = () => (engine ??= openDocumentEngine());

  async function render(kind: string, data: unknown, printerId: string | undefined) {
    const calibration = printerId && CERTIFICATE_KINDS.has(kind) ? await calibrations.get(printerId) : undefined;
    return (await documents()).render(kind, data, calibration ? { calibration } : {});
  }

  // One certificate at a time per request: the flow holds the data between taking a number and rendering.
  const certificateFlow = (data: Record<string, unknown>, caseId: string | undefined) =>
    new CertificatePrintFlow({
      printing: service,
      numbers: { take: (type) => options.certificateNumbers.take(type, caseId), void: (number, reason) => options.certificateNumbers.void(number, reason) },
      render: async (number, printerId) => (await render('marriage-certificate', { ...data, number }, printerId)).pdf,
    });

  return {
    service,
    render: async (kind, data) => (await render(kind, data, undefined)).pdf,
    async preview(kind, data, printerId) {
      const result = await render(kind, data, printerId);
      return {
        pdf: Buffer.from(result.pdf).toString('base64'),
        title: result.title,
        pageCount: result.pageCount,
        warnings: result.warnings.map(({ code, params }) => ({ code, params })),
      };
    },
    async print({ printerId, kind, data, copies, caseId }) {
      const result = await render(kind, data, printerId);
      const certificate = CERTIFICATE_KINDS.has(kind);
      return service.print({
        printerId,
        document: result.pdf,
        // Printer queues are visible to anyone on the network: no names in job titles.
        documentName: kind,
        purpose: certificate ? 'certificate' : 'document',
        ...(certificate ? { media: CERTIFICATE_MEDIA } : {}),
        ...(copies ? { copies } : {}),
        ...(caseId ? { caseId } : {}),
      });
    },
    calibration: (printerId) => calibrations.get(printerId),
    async calibrate(printerId, measured) {
      const offsets = offsetsFromMeasurement(measured, CALIBRATION_TARGET_MM);
      await calibrations.set(printerId, offsets);
      return offsets;
    },
    async printCalibrationPage(printerId) {
      if (!printerId) throw new TerminalError('printer-unknown', 'no printer chosen');
      const pdf = await calibrationPagePdf({ media: CERTIFICATE_MEDIA, printerLabel: printerId });
      return service.print({ printerId, document: pdf, documentName: 'calibration-page', purpose: 'certificate', media: CERTIFICATE_MEDIA });
    },
    printCertificate: ({ type, printerId, data, caseId }) =>
      certificateFlow(data, caseId).printCertificate({ type, printerId, ...(caseId ? { caseId } : {}) }),
    reprintCertificate: ({ type, printerId, data, caseId, spoiledNumber, reason }) =>
      certificateFlow(data, caseId).reprintAfterSpoil({ type, printerId, spoiledNumber, reason, ...(caseId ? { caseId } : {}) }),
    close: () => service.stop(),
  };
}
