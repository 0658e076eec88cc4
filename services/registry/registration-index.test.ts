/**
 * The centre's registration index as one source: the national review answers
 * from the same records the record lookup reads, so a couple with a pending
 * divorce application (married) is a review hit, and a marriage registered at
 * a desk is in the index from the moment its J prints, with the number in
 * force once reported: the couple cannot marry again at any desk. The whole
 * services against the reference backend on loopback and an IPP printer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { certificateMedia } from '../../drivers/printer/media';
import certificateLayout from '../../documents/layouts/marriage-certificate.json' with { type: 'json' };
import { beijingDate } from '../../domain/legal-date';
import { startIppEvePrinter, type RunningIppEvePrinter } from '../../fixtures/printer/ippeveprinter';
import { fengJun, jiangMei, qianJia, zhengHao } from '../../fixtures/registry/sample-parties';
import { servicesOnLoopback, until, type ServicesOnLoopback } from '../testing/loopback-services';

let terminal: ServicesOnLoopback | undefined;
let printer: RunningIppEvePrinter | undefined;
afterEach(async () => {
  await terminal?.close();
  await printer?.stop();
  terminal = printer = undefined;
});

const reviewed = (card: { idNumber: string; name: string }) => ({ idNumber: card.idNumber, name: card.name });

describe('the registration index the review and the record lookup share', () => {
  it('finds the couples with a pending divorce application married (a review hit)', async () => {
    terminal = await servicesOnLoopback({ prefix: 'registration-index-', env: { TERMINAL_PROFILE: 'registry-desk' } });
    await terminal.signIn();
    for (const couple of [
      [zhengHao, qianJia],
      [fengJun, jiangMei],
    ]) {
      const review = await terminal.call('registry.review', { business: 'marriage', parties: couple.map(reviewed) });
      expect(review).toMatchObject({ state: 'answered', hit: true });
      expect(review.parties.map((party) => party.currentlyMarried)).toEqual([true, true]);
      expect(review.parties[0]!.records).toEqual([expect.objectContaining({ kind: 'marriage', otherParty: couple[1]!.name })]);
    }
  });

  it('holds a marriage registered at the desk from its J on: the review of either party is a hit with the J in force, and the lookup lists it', async () => {
    printer = await startIppEvePrinter({ name: 'certificate-printer', media: ['iso_a4_210x297mm', certificateMedia(certificateLayout.page.width, certificateLayout.page.height).name] });
    terminal = await servicesOnLoopback({ prefix: 'registration-index-', env: { TERMINAL_PROFILE: 'registry-desk', TERMINAL_PRINTER_URI: printer.uri } });
    await terminal.signIn();
    const parties = [
      { name: '林悦', sex: '女', nationality: '中国', birthDate: '1996-05-06', idNumber: '310104199605060027' },
      { name: '郭晨', sex: '男', nationality: '中国', birthDate: '1994-09-09', idNumber: '310105199409090013' },
    ];
    const review = await terminal.call('registry.review', { business: 'marriage', parties: parties.map(reviewed) });
    expect(review).toMatchObject({ state: 'answered', hit: false });
    const opened = await terminal.call('registryCase.open', { business: 'marriage', parties, reviewId: review.id });
    const data = { registeredOn: beijingDate(), parties };
    const printed = await terminal.call('certificates.print', { type: 'J', data, reviewId: review.id, caseId: opened.id });
    // A spoiled booklet printed again: the same registration, under the new number.
    const reprinted = await terminal.call('certificates.reprint', { type: 'J', data, reviewId: review.id, spoiledNumber: printed.number, reason: 'spoiled' });

    const again = await until(async () => {
      const answer = await terminal!.call('registry.review', { business: 'marriage', parties: [reviewed(parties[1]!), { idNumber: '310104199701010020', name: '新人' }] });
      return answer.state === 'answered' && answer.parties[0]!.records[0]?.number === reprinted.number ? answer : undefined;
    }, 'the J in force in the review');
    expect(again).toMatchObject({ hit: true, parties: [{ currentlyMarried: true }, { currentlyMarried: false }] });
    expect(again.parties[0]!.records).toEqual([expect.objectContaining({ kind: 'marriage', date: data.registeredOn, otherParty: '林悦', number: reprinted.number })]);
    // The record lookup reads the same index: one marriage, the number in force.
    const found = await terminal.call('registry.findOriginalRegistration', { type: 'BJ', idNumber: parties[0]!.idNumber, name: parties[0]!.name });
    expect(found.record).toMatchObject({ kind: 'marriage', date: data.registeredOn, number: reprinted.number, authority: '上海市徐汇区民政局婚姻登记处' });
  });
});
