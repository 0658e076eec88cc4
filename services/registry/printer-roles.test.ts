/**
 * Each paper goes to the printer of its role without the registrar picking:
 * the whole services against the reference backend and two IPP printers
 * configured as `npm start` configures them (an A4 printer, a certificate
 * printer). A record certificate (A4) lands on the A4 printer, a marriage
 * certificate booklet on the certificate printer; a terminal without an A4
 * printer refuses the A4 paper in Chinese before the centre issues anything;
 * a role the configuration does not know is refused at start-up.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import certificateLayout from '../../documents/layouts/marriage-certificate.json' with { type: 'json' };
import { certificateMedia } from '../../drivers/printer/media';
import { beijingDate } from '../../domain/legal-date';
import { SAMPLE_OFFICERS } from '../../fixtures/backend/officers';
import { startIppEvePrinter, type RunningIppEvePrinter } from '../../fixtures/printer/ippeveprinter';
import { printedParty, wuMin } from '../../fixtures/registry/sample-parties';
import { loadConfig } from '../../main/shared/config';
import { OFFICER_MESSAGES } from '../officer-messages';
import { startLoopbackBackend, startServices, type LoopbackBackend, type RunningServices } from '../testing/loopback-services';

const officer = SAMPLE_OFFICERS[0]!;
const marriage = {
  registeredOn: beijingDate(),
  parties: [
    { name: '王芳', sex: '女', nationality: '中国', birthDate: '1995-04-12', idNumber: '310104199504120027' },
    { name: '陈刚', sex: '男', nationality: '中国', birthDate: '1993-08-30', idNumber: '310105199308300014' },
  ],
};

describe('printers by role', () => {
  let peer: LoopbackBackend;
  let a4: RunningIppEvePrinter;
  let booklets: RunningIppEvePrinter;
  const running: RunningServices[] = [];

  async function terminal(name: string, printers: unknown[]) {
    const configPath = join(peer.dir, `${name}.json`);
    writeFileSync(configPath, JSON.stringify({ printers }));
    const started = await startServices({ TERMINAL_CONFIG: configPath, TERMINAL_DATA_DIR: join(peer.dir, name), TERMINAL_BACKEND_URL: peer.backend.url, TERMINAL_PROFILE: 'registry-desk' });
    running.push(started);
    await started.signIn(officer);
    return started.call;
  }

  beforeAll(async () => {
    peer = await startLoopbackBackend('printer-roles-');
    a4 = await startIppEvePrinter({ name: 'A4', media: ['iso_a4_210x297mm'] });
    booklets = await startIppEvePrinter({ name: 'Certificate', media: [certificateMedia(certificateLayout.page.width, certificateLayout.page.height).name, 'iso_a4_210x297mm'] });
  });

  afterAll(async () => {
    for (const services of running) await services.close();
    await a4?.stop();
    await booklets?.stop();
    await peer?.close();
  });

  it('prints an A4 paper on the A4 printer and a certificate on the certificate printer, the registrar naming neither', async () => {
    // The certificate printer first in the list: the role decides, not the order.
    const call = await terminal('both', [
      { kind: 'ipp', id: 'desk-certificate', name: '证书打印机', uri: booklets.uri, role: 'certificate' },
      { kind: 'ipp', id: 'desk-a4', name: 'A4 打印机', uri: a4.uri, role: 'a4' },
    ]);
    const record = await call('registry.printRecordCertificate', { person: printedParty(wuMin) });
    expect(record.job.printerId).toBe('desk-a4');

    const review = await call('registry.review', { business: 'marriage', parties: marriage.parties.map(({ idNumber, name }) => ({ idNumber, name })) });
    const opened = await call('registryCase.open', { business: 'marriage', parties: marriage.parties, reviewId: review.id });
    const certificate = await call('certificates.print', { type: 'J', data: marriage, reviewId: review.id, caseId: opened.id });
    expect(certificate.job.printerId).toBe('desk-certificate');
    // The declaration, signed by hand, is an A4 paper of the case.
    const declaration = await call('registryCase.printPaper', { caseId: opened.id, paper: 'declaration' });
    expect(declaration.printerId).toBe('desk-a4');
  });

  it('refuses an A4 paper in Chinese on a terminal with no A4 printer, before the centre issues anything', async () => {
    const call = await terminal('no-a4', [{ kind: 'ipp', id: 'only-certificate', name: '证书打印机', uri: booklets.uri, role: 'certificate' }]);
    const before = ((await (await fetch(`${peer.backend.url}/admin/registry/record-certificates`)).json()) as { certificates: unknown[] }).certificates.length;
    const refused = await call('registry.printRecordCertificate', { person: printedParty(wuMin) }).then(
      () => undefined,
      (error: { code?: string }) => error.code,
    );
    expect(refused).toBe('printer-a4-missing');
    expect(OFFICER_MESSAGES['printer-a4-missing']?.['zh-CN']).toContain('未配置 A4 打印机');
    const after = ((await (await fetch(`${peer.backend.url}/admin/registry/record-certificates`)).json()) as { certificates: unknown[] }).certificates.length;
    expect(after).toBe(before);
  });

  it('refuses a printer role the configuration does not know', () => {
    const configPath = join(peer.dir, 'bad-role.json');
    writeFileSync(configPath, JSON.stringify({ printers: [{ kind: 'ipp', id: 'x', name: 'x', uri: a4.uri, role: 'booklet' }] }));
    expect(() => loadConfig({ TERMINAL_CONFIG: configPath, TERMINAL_DATA_DIR: join(peer.dir, 'bad'), TERMINAL_BACKEND_URL: peer.backend.url })).toThrow(/role/);
  });
});
