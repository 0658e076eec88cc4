/**
 * The end-of-day report sent to the reference backend on loopback (every
 * request checked against openapi.yaml): one report per terminal and day, a
 * later send replaces it at the centre and the desk says it updated it; an
 * older report arriving again changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { beijingDate } from '../../domain/legal-date';
import type { DayReport } from '../../domain/registry/day-report';
import { startPair, waitFor } from '../../sync/testing/harness';
import { createDayReportDesk } from './day-report';

let pair: Awaited<ReturnType<typeof startPair>> | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

type Held = DayReport & { terminalId: string };
async function reportsAtCentre(url: string): Promise<Held[]> {
  return ((await (await fetch(`${url}/admin/registry/day-reports`)).json()) as { reports: Held[] }).reports;
}
/** The centre's reports once `enough` holds (the outbox delivers in the background). */
async function reportsWhen(url: string, enough: (reports: Held[]) => boolean): Promise<Held[]> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const reports = await reportsAtCentre(url);
    if (enough(reports)) return reports;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the centre never held the expected reports');
}
const completed = (report: DayReport) => report.businesses.find((entry) => entry.business === 'record-certificate')!.completed;

describe('the end-of-day report at the centre', () => {
  it('keeps one report per terminal and day: a later send replaces it, and the desk says so', async () => {
    pair = await startPair();
    const sync = pair.sync;
    const desk = createDayReportDesk({ sync, registryCode: '310104', printDocument: () => Promise.reject(new Error('not printed here')), a4Printer: () => 'a4' });
    const day = beijingDate(sync.serverNow());
    const first = desk['registryDay.sendReport'](undefined) as DayReport & { updated: boolean };
    expect(first.updated).toBe(false);
    await reportsWhen(pair.backend.url, (reports) => reports.length === 1);
    // More work after the first send: a record certificate issued.
    for (const kind of ['started', 'done'] as const) sync.recordDeskEvent({ day, kind, business: 'record-certificate' });
    const second = desk['registryDay.sendReport'](undefined) as DayReport & { updated: boolean };
    expect(second).toMatchObject({ updated: true, reportId: first.reportId });
    const held = await reportsWhen(pair.backend.url, (reports) => reports.some((report) => completed(report) === 1));
    expect(held).toEqual([expect.objectContaining({ terminalId: sync.terminalId(), day, reportId: second.reportId, generatedAt: second.generatedAt })]);

    // The first report arriving again (as after a lost answer or a restore): the later one stays.
    sync.submitDayReport(first.reportId, { ...first, updated: undefined });
    await waitFor(() => sync.status().queued === 0, 10_000, 'the re-send delivered');
    const after = await reportsAtCentre(pair.backend.url);
    expect(after).toHaveLength(1);
    expect(completed(after[0]!)).toBe(1);
  });
});
