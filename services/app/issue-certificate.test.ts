/**
 * Every certificate number is issued in a case: the whole services against
 * the reference backend and an IPP printer. A first print without a case is
 * refused; one under the couple's registry case is linked to it, the reprint
 * of a spoiled booklet stays in the spoiled number's case, and the backend
 * holds each number once, linked to that case. A marriage or divorce
 * certificate carries the registry's day (the centre's clock) whatever date
 * the screen sent, and the marriage age is counted on that day; a registered
 * divorce joins the centre's index with the L number in force.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateMedia } from '../../drivers/printer/media';
import certificateLayout from '../../documents/layouts/marriage-certificate.json' with { type: 'json' };
import { beijingDate } from '../../domain/legal-date';
import { SAMPLE_OFFICERS } from '../../fixtures/backend/officers';
import { startIppEvePrinter, type RunningIppEvePrinter } from '../../fixtures/printer/ippeveprinter';
import { printedParty, sunLi, zhaoLei, zhouJie } from '../../fixtures/registry/sample-parties';
import { codeOf, servicesOnLoopback, until, type Call, type ServicesOnLoopback } from '../testing/loopback-services';

const officer = SAMPLE_OFFICERS[0]!;
const DAY_MS = 24 * 3600_000;
/** 2026-11-28 → 2026年11月28日, as the certificate prints it. */
const chineseDate = (iso: string): string => {
  const [year, month, day] = iso.split('-');
  return `${year}年${month}月${day}日`;
};
/** The same calendar day `years` earlier. */
const yearsBefore = (iso: string, years: number): string => `${Number(iso.slice(0, 4)) - years}${iso.slice(4)}`;
const marriage = {
  registeredOn: beijingDate(),
  parties: [
    { name: '王芳', sex: '女', nationality: '中国', birthDate: '1995-04-12', idNumber: '310104199504120027' },
    { name: '陈刚', sex: '男', nationality: '中国', birthDate: '1993-08-30', idNumber: '310105199308300014' },
  ],
};

describe('issuing a certificate', () => {
  let terminal: ServicesOnLoopback;
  let printer: RunningIppEvePrinter;
  let printerId: string;
  const call: Call = (method, params) => terminal.call(method, params);

  beforeAll(async () => {
    printer = await startIppEvePrinter({ name: 'certificate-printer', media: ['iso_a4_210x297mm', certificateMedia(certificateLayout.page.width, certificateLayout.page.height).name] });
    // Every request the terminal sends and every answer it gets is checked against openapi.yaml.
    terminal = await servicesOnLoopback({ prefix: 'issue-certificate-', env: { TERMINAL_PRINTER_URI: printer.uri, TERMINAL_PROFILE: 'registry-desk' }, backend: { contract: true } });
    printerId = terminal.config.printers[0]!.id;
    await terminal.signIn(officer);
  });

  afterAll(async () => {
    const violations = terminal?.backend.contractViolations() ?? [];
    await terminal?.close();
    await printer?.stop();
    if (violations.length > 0) throw new Error(`contract violations (openapi.yaml):\n${JSON.stringify(violations.slice(0, 10), null, 1)}`);
  });

  it("links each number to the couple's case, here and at the backend, exactly once; a reprint stays in the spoiled number's case", async () => {
    const review = await call('registry.review', { business: 'marriage', parties: marriage.parties.map(({ idNumber, name }) => ({ idNumber, name })) });
    // No case, no number: the desk opens the couple's registration first.
    await expect(codeOf(call('certificates.print', { type: 'J', printerId, data: marriage, reviewId: review.id }))).resolves.toBe('certificate-case-required');
    const opened = await call('registryCase.open', { business: 'marriage', parties: marriage.parties, reviewId: review.id });
    const first = await call('certificates.print', { type: 'J', printerId, data: marriage, reviewId: review.id, caseId: opened.id });
    expect(first.caseId).toBe(opened.id);

    // The reprint names no case: it stays in the spoiled number's.
    const reprinted = await call('certificates.reprint', { type: 'J', printerId, data: marriage, reviewId: review.id, spoiledNumber: first.number, reason: 'spoiled' });
    expect(reprinted).toMatchObject({ voided: first.number, caseId: opened.id });
    expect(reprinted.number).not.toBe(first.number);
    expect((await call('registryCase.get', { caseId: opened.id })).certificateNumbers).toEqual([reprinted.number]);

    await until(() => terminal.backend.certificateNumbers().filter((entry) => entry.number === first.number || entry.number === reprinted.number).length === 2, 'numbers at the backend');
    await until(() => terminal.backend.certificateNumbers().find((entry) => entry.number === first.number)?.state === 'void', 'void at the backend');
    const held = terminal.backend.certificateNumbers().filter((entry) => entry.number === first.number || entry.number === reprinted.number);
    expect(held.map(({ number, state, caseId }) => ({ number, state, caseId }))).toEqual([
      { number: first.number, state: 'void', caseId: opened.id },
      { number: reprinted.number, state: 'issued', caseId: opened.id },
    ]);
    expect(terminal.backend.arrivals().filter((arrival) => arrival.kind === 'certificate-issued' && arrival.refId === reprinted.number && arrival.status === 'applied')).toHaveLength(1);
  });

  it("refuses a case this terminal does not hold, another business's case, and a reprint moved to another case", async () => {
    await expect(codeOf(call('certificates.print', { type: 'BJ', printerId, data: marriage, caseId: '00000000-0000-4000-8000-000000000000' }))).resolves.toBe('certificate-case-unknown');
    // A replacement re-issues the original registration the centre finds (registry/registration-records.ts).
    const original = await call('registry.findOriginalRegistration', { type: 'BJ', idNumber: zhouJie.idNumber, name: zhouJie.name });
    const replacement = { type: 'BJ' as const, printerId, data: { registeredOn: original.registeredOn, parties: original.parties, remarks: original.remarks }, originalNumber: original.record.number! };
    const opened = await call('registryCase.open', { business: 'marriage-replacement', parties: [original.parties[0]!] });
    // Another case this desk holds (a registry desk stores no reception cases: its services refuse cases.create).
    const stored = await call('registryCase.open', { business: 'marriage-replacement', parties: [original.parties[0]!] });
    const printed = await call('certificates.print', { ...replacement, caseId: opened.id });
    await expect(codeOf(call('certificates.reprint', { ...replacement, caseId: stored.id, spoiledNumber: printed.number, reason: 'spoiled' }))).resolves.toBe('certificate-case-mismatch');
    // A divorce replacement is not issued in a marriage replacement's case.
    await expect(codeOf(call('certificates.print', { ...replacement, type: 'BL', caseId: opened.id }))).resolves.toBe('certificate-case-business');
    expect((await call('registryCase.get', { caseId: opened.id })).certificateNumbers).toEqual([printed.number]);
  });

  it("issues nothing under another couple's case, nor under a completed one: the archived record keeps its numbers", async () => {
    // Two couples of their own (the first test's couple is married at the centre now).
    const couple = {
      registeredOn: marriage.registeredOn,
      parties: [
        { name: '刘洋', sex: '女', nationality: '中国', birthDate: '1996-05-21', idNumber: '310108199605210026' },
        { name: '周杰', sex: '男', nationality: '中国', birthDate: '1991-09-09', idNumber: '310109199109090013' },
      ],
    };
    const others = {
      registeredOn: marriage.registeredOn,
      parties: [
        { name: '李娜', sex: '女', nationality: '中国', birthDate: '1994-02-03', idNumber: '310106199402030048' },
        { name: '张伟', sex: '男', nationality: '中国', birthDate: '1992-11-20', idNumber: '310107199211200031' },
      ],
    };
    const review = await call('registry.review', { business: 'marriage', parties: couple.parties.map(({ idNumber, name }) => ({ idNumber, name })) });
    const othersReview = await call('registry.review', { business: 'marriage', parties: others.parties.map(({ idNumber, name }) => ({ idNumber, name })) });
    const opened = await call('registryCase.open', { business: 'marriage', parties: couple.parties, reviewId: review.id });
    await expect(codeOf(call('certificates.print', { type: 'J', printerId, data: others, reviewId: othersReview.id, caseId: opened.id }))).resolves.toBe('certificate-case-parties');
    const issued = await call('certificates.print', { type: 'J', printerId, data: couple, reviewId: review.id, caseId: opened.id });
    const page = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]).toString('base64');
    for (const paper of ['declaration', 'review-form', 'handover-receipt'] as const) {
      const { captureId } = await call('captures.add', { mimeType: 'image/jpeg', data: page });
      await call('registryCase.capturePaper', { caseId: opened.id, paper, captureId });
    }
    expect((await call('registryCase.complete', { caseId: opened.id })).certificateNumbers).toEqual([issued.number]);

    // After completion: neither a reprint (it stays in the completed case) nor a first print under it.
    await expect(codeOf(call('certificates.reprint', { type: 'J', printerId, data: couple, reviewId: review.id, spoiledNumber: issued.number, reason: 'spoiled' }))).resolves.toBe('certificate-case-completed');
    await expect(codeOf(call('certificates.print', { type: 'J', printerId, data: couple, reviewId: review.id, caseId: opened.id }))).resolves.toBe('certificate-case-completed');
    await until(() => terminal.backend.certificateNumbers().some((entry) => entry.number === issued.number), 'the number at the backend');
    expect(terminal.backend.certificateNumbers().filter((entry) => entry.caseId === opened.id).map(({ number, state }) => ({ number, state }))).toEqual([{ number: issued.number, state: 'issued' }]);
  });

  /** The text of the last certificate the printer spooled, read back with poppler. */
  async function lastSpooledText(): Promise<string> {
    const spooled = await printer.spooledPdfs();
    return execFileSync('pdftotext', [spooled.at(-1)!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }

  /** A couple reviewed and their registration case opened, as the desk does before printing a J. */
  async function reviewedCouple(parties: typeof marriage.parties): Promise<{ reviewId: string; caseId: string }> {
    const review = await call('registry.review', { business: 'marriage', parties: parties.map(({ idNumber, name }) => ({ idNumber, name })) });
    const opened = await call('registryCase.open', { business: 'marriage', parties, reviewId: review.id });
    return { reviewId: review.id, caseId: opened.id };
  }

  it("dates a marriage certificate the registry's day whatever date the screen sent, and counts the marriage age on that day", async () => {
    const now = Date.now();
    const today = beijingDate(now);
    const yesterday = beijingDate(now - DAY_MS);
    const tomorrow = beijingDate(now + DAY_MS);

    // A screen opened yesterday (or a PC clock a day behind) sends yesterday: the booklet carries today. Another couple
    // than the first test's: that one is married now, and the centre's review says so.
    const other = {
      registeredOn: marriage.registeredOn,
      parties: [
        { name: '周敏', sex: '女', nationality: '中国', birthDate: '1996-02-15', idNumber: '310104199602150026' },
        { name: '孙浩', sex: '男', nationality: '中国', birthDate: '1994-10-10', idNumber: '310105199410100019' },
      ],
    };
    const couple = await reviewedCouple(other.parties);
    const printed = await call('certificates.print', { type: 'J', printerId, data: { ...other, registeredOn: yesterday }, ...couple });
    expect(printed.registeredOn).toBe(today);
    await until(async () => (await printer.spooledPdfs()).length > 0 && (await lastSpooledText()).includes(printed.number), 'the certificate spooled');
    const text = await lastSpooledText();
    expect(text).toContain(chineseDate(today));
    expect(text).not.toContain(chineseDate(yesterday));
    // So does the reprint of that booklet.
    const reprinted = await call('certificates.reprint', { type: 'J', printerId, data: { ...other, registeredOn: yesterday }, reviewId: couple.reviewId, spoiledNumber: printed.number, reason: 'spoiled' });
    expect(reprinted.registeredOn).toBe(today);

    // She turns 20 today: of age on the registry's day, although the screen's date (yesterday) says 19.
    const bride = { name: '林晓', sex: '女', nationality: '中国', birthDate: yearsBefore(today, 20), idNumber: `310104${yearsBefore(today, 20).replaceAll('-', '')}0028` };
    const groom = { name: '高翔', sex: '男', nationality: '中国', birthDate: '1998-03-03', idNumber: '310104199803030031' };
    const young = [bride, groom] as typeof marriage.parties;
    const married = await call('certificates.print', { type: 'J', printerId, data: { registeredOn: yesterday, parties: young }, ...(await reviewedCouple(young)) });
    expect(married.registeredOn).toBe(today);

    // He turns 22 tomorrow: under age today, although a screen a day ahead says tomorrow.
    const early = { name: '邵宇', sex: '男', nationality: '中国', birthDate: yearsBefore(tomorrow, 22), idNumber: `310104${yearsBefore(tomorrow, 22).replaceAll('-', '')}0017` };
    const tooEarly = [{ ...bride, name: '唐琳', idNumber: '310104199901010024', birthDate: '1999-01-01' }, early] as typeof marriage.parties;
    const refused = await call('certificates.print', { type: 'J', printerId, data: { registeredOn: tomorrow, parties: tooEarly }, ...(await reviewedCouple(tooEarly)) }).then(
      () => undefined,
      (error: { code?: string; message?: string }) => error,
    );
    expect(refused).toMatchObject({ code: 'marriage-not-allowed', message: expect.stringContaining('marriage-under-age:1:22:21') });
  });

  it('dates a divorce certificate the registry\u2019s day; the registered divorce joins the centre\u2019s index with the L number in force, which a replacement then names', async () => {
    const yesterday = beijingDate(Date.now() - DAY_MS);
    const today = beijingDate(Date.now());
    const parties = [printedParty(zhaoLei), printedParty(sunLi)];
    // The sample couple applied 40 days ago: inside the certificate window today.
    const [found] = (await call('registry.findDivorceApplications', { idNumbers: parties.map((party) => party.idNumber) })).applications;
    expect(found?.verdict).toBe('within-window');
    const opened = await call('registryCase.open', { business: 'divorce-registration', parties });
    const request = { type: 'L' as const, printerId, data: { registeredOn: yesterday, parties }, divorceApplicationId: found!.application.id };
    const first = await call('certificates.print', { ...request, caseId: opened.id });
    expect(first.registeredOn).toBe(today);
    await until(async () => (await lastSpooledText()).includes(first.number), 'the L spooled');
    expect(await lastSpooledText()).toContain(chineseDate(today));

    // A spoiled booklet printed again: the index shows the number in force, the new one.
    const second = await call('certificates.reprint', { ...request, spoiledNumber: first.number, reason: 'spoiled' });
    await until(() => terminal.backend.certificateNumbers().find((entry) => entry.number === first.number)?.state === 'void' && terminal.backend.certificateNumbers().some((entry) => entry.number === second.number), 'both numbers at the backend');
    const divorces = async () => (await call('registry.findOriginalRegistration', { type: 'BL', idNumber: zhaoLei.idNumber, name: zhaoLei.name }));
    const original = await divorces();
    expect(original.record).toMatchObject({ kind: 'divorce', date: today, number: second.number });
    expect(original.remarks).toBe(`补发。原登记日期：${chineseDate(today)}；原证字号：${second.number}。`);
    // The record certificate lists it with that number too.
    const listed = await call('registry.printRecordCertificate', { person: printedParty(zhaoLei) });
    expect(listed.records.filter((record) => record.kind === 'divorce')).toEqual([expect.objectContaining({ date: today, number: second.number })]);
  });
});
