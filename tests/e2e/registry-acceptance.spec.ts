/**
 * Whole registry businesses from the registrar's side, each to its archive:
 * a domestic marriage from the couple's appointment check-in, a replacement
 * divorce certificate (BL) and a divorce application. Real peers (reader
 * simulator, reference backend checked against openapi.yaml, ippeveprinter
 * read back with pdftotext, SANE test scanner); each test asserts what the
 * backend holds — the case, its papers, the numbers — exactly once.
 */
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { heWei, huangTing } from '../../fixtures/registry/sample-parties';
import { expect, test } from './harness';
import { completeCase, deskEvents, expectArchivedOnce, expectNumbersOnce, openCase, paperKeys, printAndCapturePapers, printCertificate, readCards, scanDocuments, spooledText } from './registry-steps';

test.use({ profile: 'registry-desk' });

test("a domestic marriage from the couple's appointment check-in to the certificate and the archive, each once at the backend", async ({ app, reader, printer, backend }) => {
  // The couple's 09:00 appointment, checked in by the groom's card on the desk's appointment list.
  const appointment = app.locator('[data-testid^="appointment-reg-"]').first();
  await expect(appointment.getByTestId('appointment-parties')).toHaveText('王**、马**');
  reader.placeCard(sampleCards.residentLongTerm);
  await expect(appointment).toHaveAttribute('data-state', 'checked-in');
  const appointmentId = (await appointment.getAttribute('data-testid'))!.replace('appointment-', '');
  reader.removeCard();
  await app.waitForTimeout(1500);

  await readCards(app, reader, sampleCards.resident, sampleCards.residentLongTerm);
  await expect(app.getByTestId('review')).toHaveAttribute('data-state', 'clear');
  await openCase(app, 'marriage');
  const { number, text } = await printCertificate(app, printer);
  expect(number).toMatch(/^J310104-\d{4}-\d{6}$/);
  expect(text).toContain(number);
  for (const card of [sampleCards.resident, sampleCards.residentLongTerm]) {
    expect(text).toContain(card.name);
    expect(text).toContain(card.idNumber);
  }
  // Both parties' nationality, in Chinese (twice: one booklet each, two parties each), never a code.
  expect(text.match(/中国/g)?.length).toBeGreaterThanOrEqual(2);
  expect(text).not.toMatch(/CHN/);

  await printAndCapturePapers(app, ['declaration', 'review-form', 'handover-receipt']);
  expect(await spooledText(printer, '结婚登记审查处理表')).toContain(number);
  await completeCase(app);

  const archived = await expectArchivedOnce(backend, {
    business: 'marriage',
    parties: [sampleCards.resident.name, sampleCards.residentLongTerm.name],
    certificateNumbers: [number],
    materials: paperKeys('declaration', 'review-form', 'handover-receipt'),
  });
  expect(archived.parties.map((party) => party.nationality)).toEqual(['中国', '中国']);
  expect(archived.appointmentId).toBe(appointmentId);
  await expectNumbersOnce(backend, archived.caseId, { issued: [number] });

  // The appointment went checked in → in progress → done, each told to the centre once.
  await app.getByTestId('nav-registry').click();
  await expect(app.getByTestId(`appointment-${appointmentId}`)).toHaveAttribute('data-state', 'done');
  await expect
    .poll(async () => (await deskEvents(backend.url)).map((event) => [event.kind, event.appointmentId]), { timeout: 30_000 })
    .toEqual([
      ['check-in', appointmentId],
      ['started', appointmentId],
      ['done', appointmentId],
    ]);
});

test('a replacement divorce certificate (BL): found by ID number and name, printed with the original in its remarks and both nationalities in Chinese, archived once', async ({ app, reader, printer, backend }) => {
  await readCards(app, reader, huangTing);
  await app.getByTestId('certificate-type').selectOption('BL');
  await app.getByTestId('replacement-find').click();
  await expect(app.getByTestId('replacement-original')).toContainText('L310107-2020-000912');
  // The parties (in the record's order) and the original date come from the divorce record.
  await expect(app.getByTestId('party-0-name')).toHaveValue(heWei.name);
  await expect(app.getByTestId('party-1-name')).toHaveValue(huangTing.name);
  const originalDate = await app.getByTestId('certificate-date').inputValue();
  expect(originalDate).toMatch(/^2020-/);
  await expect(app.getByTestId('certificate-remarks')).toHaveValue(/原证字号：L310107-2020-000912/);
  await expect(app.getByTestId('registry-problems')).toHaveCount(0);

  await openCase(app);
  const { number, text } = await printCertificate(app, printer);
  expect(number).toMatch(/^BL310104-\d{4}-\d{6}$/);
  expect(text).toContain(number);
  expect(text).toContain(huangTing.name);
  expect(text).toContain(huangTing.idNumber);
  expect(text).toContain(heWei.name);
  expect(text).toContain('原证字号：L310107-2020-000912');
  const [year, month, day] = originalDate.split('-');
  expect(text).toContain(`${year}年${month}月${day}日`);
  expect(text.match(/中国/g)?.length).toBeGreaterThanOrEqual(2);
  expect(text).not.toMatch(/CHN/);

  await printAndCapturePapers(app, ['declaration', 'review-form', 'handover-receipt']);
  const declaration = await spooledText(printer, '申请补领离婚证声明书');
  expect(declaration).toContain(`本人${huangTing.name}与${heWei.name}于`);
  expect(declaration).toContain('L310107-2020-000912');
  expect(await spooledText(printer, '证件领取签收单')).toContain(number);
  await completeCase(app);

  const archived = await expectArchivedOnce(backend, {
    business: 'divorce-replacement',
    // The case is the applicant's, though the record (and the certificate) names her second.
    parties: [huangTing.name],
    certificateNumbers: [number],
    materials: paperKeys('declaration', 'review-form', 'handover-receipt'),
  });
  await expectNumbersOnce(backend, archived.caseId, { issued: [number] });
});

test('a divorce application: its receipt names both parties as 中国; the centre holds the application once, the case once with its declaration and agreement, and no number', async ({ app, reader, printer, backend }) => {
  await readCards(app, reader, sampleCards.resident, sampleCards.residentLongTerm);
  await app.getByTestId('certificate-type').selectOption('L');
  await openCase(app, 'divorce-application');
  await app.getByTestId('divorce-receipt-print').click();
  await expect(app.getByTestId('divorce-receipt-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const receipt = await spooledText(printer, '离婚登记申请受理回执');
  expect(receipt).toContain(sampleCards.resident.name);
  expect(receipt).toContain(sampleCards.residentLongTerm.name);
  expect(receipt.match(/中国/g)?.length).toBeGreaterThanOrEqual(2);
  expect(receipt).not.toMatch(/CHN/);

  await printAndCapturePapers(app, ['declaration', 'divorce-agreement']);
  await scanDocuments(app, ['marriage-certificate-party-1', 'marriage-certificate-party-2']);
  await completeCase(app);

  const archived = await expectArchivedOnce(backend, {
    business: 'divorce-application',
    parties: [sampleCards.resident.name, sampleCards.residentLongTerm.name],
    certificateNumbers: [],
    materials: [...paperKeys('declaration', 'divorce-agreement'), 'document:marriage-certificate:party-1', 'document:marriage-certificate:party-2'],
  });
  await expectNumbersOnce(backend, archived.caseId, { issued: [] });
  expect(backend.certificateNumbers()).toEqual([]);
  const { applications } = (await (await fetch(`${backend.url}/admin/registry/divorce-applications`)).json()) as {
    applications: { state: string; parties: { idNumber: string; nationality: string }[] }[];
  };
  expect(applications.filter((entry) => entry.parties.some((party) => party.idNumber === sampleCards.resident.idNumber))).toEqual([
    expect.objectContaining({ state: 'received', parties: [expect.objectContaining({ nationality: '中国' }), expect.objectContaining({ nationality: '中国' })] }),
  ]);
});
