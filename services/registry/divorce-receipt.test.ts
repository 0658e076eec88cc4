/**
 * The divorce application receipt: the terminal dates it (today in Beijing) and counts the periods on the backend's
 * working-day calendar, whatever the screen sends; the receipt's text is read back from the rendered PDF.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDocumentEngine } from '../../documents/node';
import { divorcePeriods } from '../../domain/divorce-periods';
import { beijingDate } from '../../domain/legal-date';
import { registryDesksOnLoopback } from '../testing/registry-on-loopback';

const startDesk = registryDesksOnLoopback();

const parties = [
  { name: '陈志强', sex: '男', nationality: '中国', birthDate: '1986-09-22', idNumber: '310110198609220011' },
  { name: 'MARTIN SOPHIE MARIE', sex: '女', nationality: '法国', birthDate: '1990-06-15', idNumber: '18FR12345' },
];

describe('divorce application receipt', () => {
  it('prints today as the application date with the cooling-off end and the window on the calendar, nationality in Chinese', async () => {
    const calendar = { holidays: ['2026-12-28'], workingWeekends: [] };
    const printed: { kind: string; data: unknown }[] = [];
    const engine = await openDocumentEngine();
    const { desk, sync, dir } = await startDesk((pair) => ({
      calendar: () => calendar,
      printDocument: async (_printerId, kind, data) => {
        printed.push({ kind, data });
        const pdf = (await engine.render(kind, data)).pdf;
        writeFileSync(join(pair.dir, 'receipt.pdf'), pdf);
        return { id: 'job-1', state: 'completed' } as never;
      },
    }));
    const outcome = await desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties });
    const today = beijingDate(sync.serverNow());
    expect(outcome).toMatchObject({ receivedOn: today, ...divorcePeriods(today, calendar) });
    expect(printed[0]!.kind).toBe('divorce-receipt');
    const text = execFileSync('pdftotext', [join(dir, 'receipt.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('离婚登记申请受理回执');
    expect(text).toContain('法国');
    const [year, month, day] = outcome.coolingOffEnds.split('-');
    expect(text).toContain(`至${year}年${month}月${day}日止`);
  });

  it('refuses a party whose nationality is a code, printing nothing', async () => {
    let prints = 0;
    const { desk } = await startDesk(() => ({
      printDocument: async () => {
        prints++;
        return {} as never;
      },
    }));
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [parties[0]!, { ...parties[1]!, nationality: 'FRA' }] })).rejects.toMatchObject({ code: 'certificate-nationality-code' });
    expect(prints).toBe(0);
  });
});
