/**
 * Feeder batches for a material: one at a time per terminal, each page
 * cleaned and held as it arrives and announced to the renderer; the end
 * (empty feeder, stop, or a fault naming the page to put back) announced
 * once. A page that fails to clean is logged and skipped, never the batch.
 */
import { randomUUID } from 'node:crypto';
import { TerminalError } from '../../contract/errors';
import type { BatchOutcome, BatchRequest, ScanBatch, ScannedPage } from '../../drivers/document-scanner/driver';
import type { Logger } from '../../domain/logger';
import { scannerModeFor, type MaterialScanProfile } from '../../domain/material-scan';
import type { MaterialCaptures } from '../material-captures';
import { holdPage, type HeldPage } from './material-pages';

export interface ScanBatchesDeps {
  captures: MaterialCaptures;
  logger: Logger;
  scanBatch(request: BatchRequest, onPage: (page: ScannedPage, index: number) => Promise<void>): ScanBatch;
  pageScanned(event: { batchId: string; materialKey: string; index: number; page: HeldPage }): void;
  batchEnded(event: { batchId: string; materialKey: string; pages: number; stopped: boolean; fault?: { code: string; params: Record<string, string | number> } }): void;
}

export class ScanBatches {
  readonly #running = new Map<string, ScanBatch>();

  constructor(private readonly deps: ScanBatchesDeps) {}

  start(materialKey: string, sides: 'simplex' | 'duplex', profile: MaterialScanProfile): { batchId: string } {
    const batchId = randomUUID();
    let delivered = 0;
    const batch = this.deps.scanBatch({ sides, resolutionDpi: profile.resolutionDpi, mode: scannerModeFor(profile.colour) }, async (scanned, index) => {
      try {
        const page = await holdPage(this.deps.captures, scanned.data, scanned.resolutionDpi, profile);
        delivered++;
        this.deps.pageScanned({ batchId, materialKey, index, page });
      } catch (error) {
        this.deps.logger.warn('a scanned page could not be cleaned', { batchId, index, error: String(error) });
      }
    });
    this.#running.set(batchId, batch);
    void batch.done
      .then((outcome: BatchOutcome) => {
        const fault = outcome.fault
          ? { code: outcome.fault.code, params: { page: outcome.fault.page, sheet: outcome.fault.sheet, kept: delivered } }
          : undefined;
        this.deps.batchEnded({ batchId, materialKey, pages: delivered, stopped: outcome.stopped, ...(fault ? { fault } : {}) });
      })
      .catch((error: unknown) => {
        this.deps.logger.warn('batch failed', { batchId, error: String(error) });
        this.deps.batchEnded({ batchId, materialKey, pages: delivered, stopped: false, fault: { code: 'document-scanner-failed', params: { page: delivered + 1, sheet: delivered + 1, kept: delivered } } });
      })
      .finally(() => this.#running.delete(batchId));
    return { batchId };
  }

  stop(batchId: string): void {
    const batch = this.#running.get(batchId);
    if (!batch) throw new TerminalError('document-scanner-batch-not-running', `batch ${batchId} is not running`, { batchId });
    batch.stop();
  }
}
