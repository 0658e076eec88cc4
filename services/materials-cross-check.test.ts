/**
 * The OCR cross-check as the reception flow calls it: a photographed ID card
 * copy captured for a material (`captures.add`), then `materials.crossCheck`
 * with the form's name and ID number. Warnings name the field, in Chinese,
 * and never stop the case. Whole services against the reference backend.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../contract/api';
import { silentLogger } from '../domain/logger';
import { SAMPLE_OFFICERS } from '../fixtures/backend/officers';
import { startReferenceBackend, type ReferenceBackend } from '../fixtures/backend/server';
import { renderPage, samplePeople } from '../fixtures/ocr/test-pages';
import { loadConfig } from '../main/shared/config';
import { tempDir } from '../sync/testing/harness';
import { createTerminalServices, type TerminalServices } from './create-services';

const officer = SAMPLE_OFFICERS[0]!;

describe('materials.crossCheck (OCR of a captured material against the form)', () => {
  const dir = tempDir('ocr-cross-check-');
  let backend: ReferenceBackend;
  let services: TerminalServices;

  async function call<K extends CallName>(method: K, params?: CallInput<K>): Promise<CallOutput<K>> {
    const reply = await services.dispatch(method, params);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
    return reply.result as CallOutput<K>;
  }

  beforeAll(async () => {
    backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0 });
    const config = loadConfig({ TERMINAL_DATA_DIR: join(dir.path, 'terminal'), TERMINAL_BACKEND_URL: backend.url });
    services = await createTerminalServices(config, silentLogger, '0.0.0-test');
  }, 30_000);

  afterAll(async () => {
    await services?.close();
    await backend?.close();
    dir.remove();
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
    const reply = await services.dispatch('materials.crossCheck', { captureId: 'gone', name: '张三', idNumber: '310104199001011233' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('capture-not-found');
  });
});
