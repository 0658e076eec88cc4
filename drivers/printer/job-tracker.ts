/**
 * Follows jobs a printer accepted until they end (completed, aborted,
 * canceled), polling Get-Job-Attributes on whichever IPP endpoint holds the
 * job (the printer itself, or the CUPS scheduler). States only move forward;
 * a printer that goes away mid-job is asked again less often; a job the
 * printer no longer knows is reported lost.
 */
import type { Logger } from '../../domain/logger';
import type { IppClient } from './ipp/client';
import type { IppMessage } from './ipp/codec';
import { STATUS, getJobAttributesRequest, readJobStatus, statusClass, type IppJobState } from './ipp/operations';
import { TERMINAL_JOB_STATES, type PrintJobRecord, type PrintJobState } from './types';

const STATE_ORDER: Record<PrintJobState, number> = { queued: 0, held: 0, pending: 1, processing: 2, completed: 3, aborted: 3, canceled: 3 };

export function jobStateFromIpp(state: IppJobState): PrintJobState {
  switch (state) {
    case 'pending':
    case 'pending-held':
      return 'pending';
    case 'processing':
    case 'processing-stopped':
      return 'processing';
    default:
      return state;
  }
}

export interface JobTrackerOptions {
  pollIntervalMs: number;
  userName: string;
  logger: Logger;
  /** The IPP client that can ask about this job. */
  clientFor(record: PrintJobRecord): IppClient;
  /** Records a state change (store and event) and returns the new record. */
  advance(record: PrintJobRecord, state: PrintJobState, reasons: string[], problem?: PrintJobRecord['lastError']): Promise<PrintJobRecord>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class JobTracker {
  private readonly following = new Map<string, Promise<void>>();
  private readonly cancelledByUs = new Set<string>();
  private stopped = false;

  constructor(private readonly options: JobTrackerOptions) {}

  start(): void {
    this.stopped = false;
  }

  /** Stops polling and waits for every follower to return. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.following.values()]);
  }

  /** Follows the job in the background unless it is already followed or has no remote job. */
  track(record: PrintJobRecord): void {
    if (this.stopped || this.following.has(record.id) || record.remoteJobId === undefined || !record.remotePrinterUri) return;
    const run = this.follow(record)
      .catch((error: unknown) => this.options.logger.error('job tracking stopped', { jobId: record.id, detail: error instanceof Error ? error.message : String(error) }))
      .finally(() => this.following.delete(record.id));
    this.following.set(record.id, run);
  }

  /** The officer cancelled this job: stop reporting the printer's view of it. */
  markCancelled(jobId: string): void {
    this.cancelledByUs.add(jobId);
  }

  unmarkCancelled(jobId: string): void {
    this.cancelledByUs.delete(jobId);
  }

  private async follow(initial: PrintJobRecord): Promise<void> {
    const { pollIntervalMs, userName, logger } = this.options;
    let record = initial;
    let delay = pollIntervalMs;
    const client = this.options.clientFor(record);
    while (!this.stopped && !TERMINAL_JOB_STATES.has(record.state)) {
      await sleep(delay);
      if (this.stopped || this.cancelledByUs.has(record.id)) return;
      let response: IppMessage;
      try {
        response = await client.send(record.remotePrinterUri!, (requestId) => getJobAttributesRequest(record.remotePrinterUri!, requestId, record.remoteJobId!, userName));
      } catch (error) {
        // The printer went away mid-job: keep the state, ask again less often.
        logger.info('job status unavailable', { jobId: record.id, detail: error instanceof Error ? error.message : String(error) });
        delay = Math.min(delay * 2, 10_000);
        continue;
      }
      delay = pollIntervalMs;
      if (this.cancelledByUs.has(record.id)) return;
      if (response.code === STATUS.clientErrorNotFound) {
        record = await this.options.advance(record, 'aborted', record.stateReasons ?? [], {
          code: 'print-job-lost',
          detail: `${record.remotePrinterUri} no longer knows job ${record.remoteJobId}`,
        });
        continue;
      }
      const status = statusClass(response.code) === 'success' ? readJobStatus(response) : undefined;
      if (!status?.state) continue;
      const next = jobStateFromIpp(status.state);
      if (STATE_ORDER[next] < STATE_ORDER[record.state]) continue; // never report a job going backwards
      const reasonsChanged = (status.stateReasons ?? []).join(',') !== (record.stateReasons ?? []).join(',');
      if (next === record.state && !reasonsChanged) continue;
      let problem: PrintJobRecord['lastError'];
      if (next === 'aborted') problem = { code: 'print-job-aborted', detail: `printer aborted job ${record.remoteJobId}: ${status.stateReasons.join(',')} ${status.stateMessage ?? ''}`.trim() };
      if (next === 'canceled') problem = { code: 'print-job-canceled-by-printer', detail: `job ${record.remoteJobId} was canceled at the printer: ${status.stateReasons.join(',')}` };
      record = await this.options.advance(record, next, status.stateReasons, problem);
    }
  }
}
