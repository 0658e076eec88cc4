/**
 * Replacements and record certificates against the reference backend's
 * registration index on loopback (requests and answers checked against
 * openapi.yaml): the original found by ID number and name together, a record
 * that does not exist refused by name, a replacement printing only what the
 * original says, a record certificate issued once under the centre's number.
 */
import { describe, expect, it } from 'vitest';
import { heWei, huangTing, printedParty, wuMin, xuJing, zhouJie } from '../../fixtures/registry/sample-parties';
import { TerminalError } from '../../contract/errors';
import { beijingDate } from '../../domain/legal-date';
import { registryDesksOnLoopback } from '../testing/registry-on-loopback';

const startDesk = registryDesksOnLoopback();

/** The printer refuses the next `n` jobs (out of paper, offline). */
const printer = { failNext: 0 };

async function start() {
  const printed: { kind: string; data: unknown }[] = [];
  printer.failNext = 0;
  const { desk, backend, sync } = await startDesk(() => ({
    printDocument: async (_printerId, kind, data) => {
      if (printer.failNext > 0) {
        printer.failNext -= 1;
        throw new TerminalError('printer-offline', 'the printer does not answer');
      }
      printed.push({ kind, data });
      return { id: `job-${printed.length}`, state: 'completed' } as never;
    },
  }));
  return { desk, printed, backend, sync };
}

describe('replacements and record certificates from the registration index', () => {
  it('finds the original marriage by ID number and name, and a BJ prints only with its date, parties and remarks', async () => {
    const { desk } = await start();
    // Either spouse may apply; the name must go with the number.
    const draft = await desk.handlers['registry.findOriginalRegistration']({ type: 'BJ', idNumber: xuJing.idNumber, name: xuJing.name });
    expect(draft).toMatchObject({ registeredOn: '2008-08-08', remarks: '补发。原登记日期：2008年08月08日；原证字号：J310101-2008-001808。', record: { number: 'J310101-2008-001808' } });
    expect(draft.parties.map((party) => party.name)).toEqual([zhouJie.name, xuJing.name]);
    const data = { registeredOn: draft.registeredOn, remarks: draft.remarks, parties: draft.parties };
    await expect(desk.guardCertificate({ type: 'BJ', data, originalNumber: 'J310101-2008-001808' })).resolves.toBeUndefined();
    await expect(desk.guardCertificate({ type: 'BJ', data: { ...data, registeredOn: '2026-11-28' }, originalNumber: 'J310101-2008-001808' })).rejects.toMatchObject({ code: 'registry-replacement-differs' });
    await expect(desk.guardCertificate({ type: 'BJ', data: { ...data, remarks: '补发' }, originalNumber: 'J310101-2008-001808' })).rejects.toMatchObject({ code: 'registry-replacement-differs' });
    await expect(desk.guardCertificate({ type: 'BJ', data: { ...data, parties: [printedParty(zhouJie), printedParty(wuMin)] }, originalNumber: 'J310101-2008-001808' })).rejects.toMatchObject({ code: 'registry-replacement-differs' });
    await expect(desk.guardCertificate({ type: 'BL', data, originalNumber: 'J310101-2008-001808' })).rejects.toMatchObject({ code: 'registry-replacement-original-missing' });
    await expect(desk.guardCertificate({ type: 'BJ', data })).rejects.toMatchObject({ code: 'registry-replacement-original-missing' });
  });

  it('refuses a replacement for a record that does not exist, naming the person; a number with another name finds nothing', async () => {
    const { desk } = await start();
    await expect(desk.handlers['registry.findOriginalRegistration']({ type: 'BJ', idNumber: wuMin.idNumber, name: wuMin.name })).rejects.toMatchObject({
      code: 'registry-marriage-record-not-found',
      params: { name: wuMin.name },
    });
    await expect(desk.handlers['registry.findOriginalRegistration']({ type: 'BJ', idNumber: zhouJie.idNumber, name: '周洁' })).rejects.toMatchObject({ code: 'registry-marriage-record-not-found' });
    await expect(desk.handlers['registry.findOriginalRegistration']({ type: 'BL', idNumber: zhouJie.idNumber, name: zhouJie.name })).rejects.toMatchObject({ code: 'registry-divorce-record-not-found' });
  });

  it('refuses a marriage replacement for a marriage since dissolved, and finds the divorce for a BL', async () => {
    const { desk } = await start();
    await expect(desk.handlers['registry.findOriginalRegistration']({ type: 'BJ', idNumber: huangTing.idNumber, name: huangTing.name })).rejects.toMatchObject({
      code: 'registry-marriage-dissolved',
      params: { date: '2020-11-11', number: 'L310107-2020-000912' },
    });
    const divorce = await desk.handlers['registry.findOriginalRegistration']({ type: 'BL', idNumber: heWei.idNumber, name: heWei.name });
    expect(divorce).toMatchObject({ registeredOn: '2020-11-11', remarks: '补发。原登记日期：2020年11月11日；原证字号：L310107-2020-000912。' });
  });

  it('issues a record certificate under the centre number listing the records, once at the centre; none is a statement too', async () => {
    const { desk, printed, backend } = await start();
    const listing = await desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person: printedParty(huangTing) });
    expect(listing.number).toMatch(/^310104-\d{4}-000001$/);
    expect(listing.records.map((record) => [record.kind, record.number])).toEqual([
      ['marriage', 'J310107-2016-000388'],
      ['divorce', 'L310107-2020-000912'],
    ]);
    expect(printed[0]).toMatchObject({ kind: 'record-certificate', data: { number: listing.number, records: [{ otherParty: heWei.name }, { otherParty: heWei.name }] } });
    const none = await desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person: printedParty(wuMin) });
    expect(none.records).toEqual([]);
    const { certificates } = (await (await fetch(`${backend.url}/admin/registry/record-certificates`)).json()) as { certificates: { number: string; recordCount: number }[] };
    expect(certificates.map((entry) => [entry.number, entry.recordCount])).toEqual([
      [listing.number, 2],
      [none.number, 0],
    ]);
    await expect(desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person: { ...printedParty(wuMin), nationality: 'CHN' } })).rejects.toMatchObject({ code: 'certificate-nationality-code' });
  });

  it('issues one record certificate when the answer to its request is lost and the registrar presses again', async () => {
    const { desk, printed, backend } = await start();
    backend.setFaults({ dropAfterApplyRate: 1, pathPrefix: '/v1/registry/record-certificates' });
    await expect(desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person: printedParty(zhouJie) })).rejects.toMatchObject({ code: 'registry-centre-unreachable' });
    expect(printed).toHaveLength(0);
    backend.clearFaults();
    const issued = await desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person: printedParty(zhouJie) });
    const { certificates } = (await (await fetch(`${backend.url}/admin/registry/record-certificates`)).json()) as { certificates: { number: string }[] };
    expect(certificates.map((entry) => entry.number)).toEqual([issued.number]);
    expect(printed).toHaveLength(1);
  });

  it('prints the same number when the print failed and the registrar presses again, reprints it word for word, counted once', async () => {
    const { desk, printed, backend, sync } = await start();
    const issuedAtCentre = async () => ((await (await fetch(`${backend.url}/admin/registry/record-certificates`)).json()) as { certificates: { number: string }[] }).certificates.map((entry) => entry.number);
    printer.failNext = 1;
    await expect(desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person: printedParty(huangTing) })).rejects.toMatchObject({ code: 'printer-offline' });
    const [number] = await issuedAtCentre();
    const issued = await desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person: printedParty(huangTing) });
    expect(issued.number).toBe(number);
    expect(await issuedAtCentre()).toEqual([number]);
    const again = await desk.handlers['registry.reprintRecordCertificate']({ number: issued.number, printerId: 'a4' });
    expect(again).toMatchObject({ number: issued.number, issuedOn: issued.issuedOn, records: issued.records });
    expect(printed.map((entry) => entry.kind)).toEqual(['record-certificate', 'record-certificate']);
    expect(printed[1]!.data).toEqual(printed[0]!.data);
    expect(await issuedAtCentre()).toEqual([number]);
    await expect(desk.handlers['registry.reprintRecordCertificate']({ number: '310104-2026-999999', printerId: 'a4' })).rejects.toMatchObject({ code: 'registry-record-certificate-unknown' });
    // One business of the day for the day report, however often it printed.
    const events = sync.deskEventsOf(beijingDate(sync.serverNow())).filter((event) => event.business === 'record-certificate');
    expect(events.map((event) => event.kind)).toEqual(['started', 'done']);
  });

  it('refuses a person whose data would not print before the centre issues a number', async () => {
    const { desk, printed, backend } = await start();
    await expect(desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person: { ...printedParty(wuMin), birthDate: '' } })).rejects.toMatchObject({ code: 'document-fields-missing' });
    const { certificates } = (await (await fetch(`${backend.url}/admin/registry/record-certificates`)).json()) as { certificates: unknown[] };
    expect(certificates).toEqual([]);
    expect(printed).toEqual([]);
  });
});
