/**
 * The OCR cross-check as the reception flow calls it: a photographed ID card
 * copy captured for a material (`captures.add`), then `materials.crossCheck`
 * with the form's name and ID number. Warnings name the field, in Chinese,
 * and never stop the case. Whole services against the reference backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_OFFICERS } from '../fixtures/backend/officers';
import { renderPage, samplePeople } from '../fixtures/ocr/test-pages';
import { servicesOnLoopback, type Call, type ServicesOnLoopback } from './testing/loopback-services';

const officer = SAMPLE_OFFICERS[0]!;

describe('materials.crossCheck (OCR of a captured material against the form)', () => {
  let terminal: ServicesOnLoopback;
  const call: Call = (method, params) => terminal.call(method, params);

  beforeAll(async () => {
    terminal = await servicesOnLoopback({ prefix: 'ocr-cross-check-' });
  }, 30_000);

  afterAll(async () => {
    await terminal?.close();
  });

  it('warns of a mistyped ID number naming the field, and finds the form right once corrected', async () => {
    await call('officer.signIn', { account: officer.account, password: officer.password });
    const [person] = samplePeople(1, 7);
    const page = await renderPage('residence-certificate', person!, 3);
    const { captureId } = await call('captures.add', { mimeType: 'image/jpeg', data: page.image.toString('base64') });
    // A transposed pair of digits, as typed at a counter.
    const typed = person!.idNumber.slice(0, 10) + person!.idNumber[11] + person!.idNumber[10] + person!.idNumber.slice(12);
    const mistyped = await call('materials.crossCheck', { captureId, name: person!.name, idNumber: typed });
    expect(mistyped.warnings).toEqual([{ code: 'ocr-id-number-mismatch', field: 'idNumber', params: { found: person!.idNumber } }]);
    const messages = await call('app.messages');
    expect(messages['ocr-id-number-mismatch']?.['zh-CN']).toContain('证件号码');
    const right = await call('materials.crossCheck', { captureId, name: person!.name, idNumber: person!.idNumber });
    expect(right.warnings).toEqual([]);
    expect(right.ms).toBeGreaterThan(0);
  }, 60_000);

  it('answers a capture the terminal no longer holds with its code', async () => {
    const reply = await terminal.services.dispatch('materials.crossCheck', { captureId: 'gone', name: '张三', idNumber: '310104199001011233' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('capture-not-found');
  });
});
