/**
 * The registry desk's end of day reads its audit facts from the terminal's
 * real store (SQLite, the hash-chained audit log): only the day's entries,
 * found by action and time, never a walk of the whole chain (a terminal keeps
 * years of it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../sync/audit/audit-log';
import { openDatabase, type Db } from '../../sync/store/database';
import type { DayReport } from '../../domain/registry/day-report';
import { createDayReportDesk } from './day-report';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'day-report-'));
  db = openDatabase(join(dir, 't.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 10:00 in Beijing on 2026-05-20. */
const NOW = Date.parse('2026-05-20T02:00:00.000Z');

function desk(audit: AuditLog) {
  return createDayReportDesk({
    sync: { serverNow: () => NOW, deskEventsOf: () => [], certificateNumbersBetween: () => [], audit: () => audit, submitDayReport: () => undefined, terminalId: () => 'wt-test' },
    registryCode: '310104',
    printDocument: () => Promise.reject(new Error('not printed here')),
    a4Printer: () => 'a4',
  });
}

describe('the day report on a terminal with a long audit chain', () => {
  it("counts today's certificate prints and overrides from the day's entries only, without walking the chain", () => {
    let at = NOW - 3 * 86_400_000;
    const audit = new AuditLog(db, () => at);
    const day = (offset: number) => {
      at = NOW + offset;
      audit.append('document.printed', 'job', { kind: 'marriage-certificate' });
      audit.append('document.printed', 'job', { kind: 'registry-declaration' });
      audit.append('registry.review-overridden', 'review', { reason: `判决书 ${offset}` });
      audit.append('case.created', 'case');
    };
    day(-3 * 86_400_000);
    day(-86_400_000);
    // 23:59 in Beijing the day before (15:59 UTC): not today's.
    day(Date.parse('2026-05-19T15:59:00.000Z') - NOW);
    day(0);
    day(60_000);
    const walk = vi.spyOn(audit, 'entries');
    const report = desk(audit)['registryDay.report'](undefined) as DayReport;
    expect(report.day).toBe('2026-05-20');
    expect(report.booklets.used).toBe(2);
    expect(report.overrides.map((entry) => entry.reason)).toEqual(['判决书 0', '判决书 60000']);
    expect(walk).not.toHaveBeenCalled();
    expect(audit.verify()).toEqual({ ok: true, entries: 20 });
  });
});
