import { describe, expect, it } from 'vitest';
import { beijingDayBounds, dayReport } from './day-report';
import type { DeskEvent } from './appointments';

const day = '2026-05-20';
const event = (kind: DeskEvent['kind'], business: DeskEvent['business'], at = '2026-05-20T02:00:00.000Z'): DeskEvent => ({ id: `${kind}-${business}-${at}`, day, kind, ...(business ? { business } : {}), at });

describe('the registry desk end-of-day report', () => {
  it('is the Beijing day: 00:00 to 24:00 at UTC+8', () => {
    expect(beijingDayBounds(day)).toEqual({ from: '2026-05-19T16:00:00.000Z', to: '2026-05-20T16:00:00.000Z' });
  });

  it('counts cases per business, lists the day\'s numbers and balances booklets used against issued + spoiled', () => {
    const report = dayReport({
      reportId: 'r',
      day,
      registryCode: '310104',
      deskEvents: [event('started', 'marriage'), event('started', 'marriage'), event('done', 'marriage'), event('started', 'divorce-application'), event('abandoned', 'divorce-application'), event('check-in', undefined)],
      numbers: [
        { number: 'J310104-2026-000001', type: 'J', state: 'void', takenAt: '2026-05-20T01:00:00.000Z', voidReason: 'spoiled', voidedAt: '2026-05-20T01:05:00.000Z' },
        { number: 'J310104-2026-000002', type: 'J', state: 'issued', takenAt: '2026-05-20T01:05:00.000Z' },
        // Taken yesterday in Beijing (23:59 on the 19th), voided today as part of an expired block: no booklet.
        { number: 'J310104-2026-000003', type: 'J', state: 'void', takenAt: '2026-05-19T15:59:00.000Z', voidReason: 'expired', voidedAt: '2026-05-20T03:00:00.000Z' },
        // Issued before the day began (Beijing): not today's.
        { number: 'J310104-2026-000000', type: 'J', state: 'issued', takenAt: '2026-05-19T15:59:59.000Z' },
      ],
      certificatePrints: 2,
      overrides: [{ reviewId: 'v', reason: '有离婚判决书', at: '2026-05-20T02:30:00.000Z' }],
      abandoned: [
        { caseId: 'c1', business: 'divorce-application', reason: '双方未带离婚协议', at: '2026-05-20T03:00:00.000Z' },
        // Abandoned before the day began (Beijing): not today's.
        { caseId: 'c0', business: 'marriage', reason: '昨日', at: '2026-05-19T15:00:00.000Z' },
      ],
      generatedAt: '2026-05-20T09:00:00.000Z',
    });
    expect(report.businesses.find((entry) => entry.business === 'marriage')).toEqual({ business: 'marriage', started: 2, completed: 1, abandoned: 0 });
    expect(report.businesses.find((entry) => entry.business === 'divorce-application')).toEqual({ business: 'divorce-application', started: 1, completed: 0, abandoned: 1 });
    expect(report.abandoned.map((entry) => entry.caseId)).toEqual(['c1']);
    expect(report.certificates.issued).toEqual([{ number: 'J310104-2026-000002', type: 'J' }]);
    expect(report.certificates.voided.map((entry) => [entry.number, entry.reason])).toEqual([
      ['J310104-2026-000001', 'spoiled'],
      ['J310104-2026-000003', 'expired'],
    ]);
    expect(report.booklets).toEqual({ used: 2, issued: 1, voided: 1, balanced: true });
    expect(report.overrides).toHaveLength(1);
  });

  it('does not balance when a print left no issued or spoiled number', () => {
    const report = dayReport({ reportId: 'r', day, registryCode: '310104', deskEvents: [], numbers: [], certificatePrints: 1, overrides: [], generatedAt: '' });
    expect(report.booklets).toEqual({ used: 1, issued: 0, voided: 0, balanced: false });
  });
});
