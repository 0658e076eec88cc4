/**
 * What a registry case records of its business beyond the papers, against the
 * reference backend on loopback: the divorce application the centre recorded
 * (and its receipt), the record certificate's number. And what the services
 * refuse before anything reaches the centre or the printer, whatever the
 * screen sends: the same person twice, another business's or another
 * couple's case, a party whose document the terminal last read as unfit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { FRENCH_PASSPORT_MRZ, FRENCH_PASSPORT_MRZ_BAD_CHECK } from '../../fixtures/registry/sample-passports';
import { huangTing, printedParty } from '../../fixtures/registry/sample-parties';
import { parseMrz } from '../../domain/mrz';
import { startPair } from '../../sync/testing/harness';
import { MaterialCaptures } from '../material-captures';
import { createRegistryCaseDesk } from './case-handlers';
import { createRegistryDesk, type RegistryDesk } from './handlers';
import { PartyDocuments } from './party-documents';

let pair: Awaited<ReturnType<typeof startPair>> | undefined;
let desk: RegistryDesk | undefined;
afterEach(async () => {
  desk?.close();
  await pair?.close();
  pair = desk = undefined;
});

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const husband = { name: '陈志强', sex: '男', nationality: '中国', birthDate: '1986-09-22', idNumber: '310110198609220011' };
const wife = { name: 'MARTIN SOPHIE MARIE', sex: '女', nationality: '法国', birthDate: '1990-06-15', idNumber: '18FR12345' };

async function start() {
  pair = await startPair();
  const printed: string[] = [];
  const documents = new PartyDocuments();
  const captures = new MaterialCaptures();
  const caseDesk = createRegistryCaseDesk({
    captures,
    review: () => undefined,
    adoptReview: () => {},
    sync: pair.sync,
    registryCode: '310104',
    a4Printer: () => 'a4',
    printDocument: async () => {
      throw new Error('not printing papers here');
    },
    documentProblems: (idNumber) => documents.problemsOf(idNumber),
  });
  desk = createRegistryDesk({
    sync: pair.sync,
    registryCode: '310104',
    reviewChanged: () => undefined,
    hasCapture: () => false,
    calendar: () => ({ holidays: [], workingWeekends: [] }),
    printDocument: async (_printerId, kind) => {
      printed.push(kind);
      return { id: `job-${printed.length}`, state: 'completed' } as never;
    },
    documentProblems: (idNumber) => documents.problemsOf(idNumber),
    cases: () => caseDesk.cases,
  });
  const capture = () => captures.add({ data: JPEG, mimeType: 'image/jpeg' });
  /** The applications the centre holds naming the husband (its sample data has others). */
  const applications = async () =>
    ((await (await fetch(`${pair!.backend.url}/admin/registry/divorce-applications`)).json()) as { applications: { id: string; parties: { idNumber: string }[] }[] }).applications.filter((entry) =>
      entry.parties.some((party) => party.idNumber === husband.idNumber),
    );
  return { desk, cases: caseDesk.cases, printed, documents, capture, applications, backendUrl: pair.backend.url };
}

describe("a registry case records its business's outcome", () => {
  it("a divorce application's case records the application the centre holds and its receipt; it is archived with it", async () => {
    const { desk, cases, capture, applications, backendUrl } = await start();
    const opened = cases.open('divorce-application', [husband, wife]);
    await cases.capturePaper(opened.id, 'declaration', capture());
    await cases.capturePaper(opened.id, 'divorce-agreement', capture());
    for (const { document, party } of cases.view(opened.id).missingDocuments) await cases.captureDocument(opened.id, document, party, capture());
    expect(cases.view(opened.id).outstanding).toEqual(['divorce-receipt']);
    expect(() => cases.complete(opened.id)).toThrow(expect.objectContaining({ code: 'registry-case-incomplete' }));

    const receipt = await desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [husband, wife], caseId: opened.id });
    expect(cases.view(opened.id)).toMatchObject({ missing: [], outstanding: [] });
    expect((await applications()).map((entry) => entry.id)).toEqual([receipt.applicationId]);
    expect((await cases.complete(opened.id)).state).toBe('completed');
    const archived = async () => ((await (await fetch(`${backendUrl}/admin/registry/cases`)).json()) as { cases: { caseId: string; divorceApplicationId?: string }[] }).cases;
    for (let attempt = 0; attempt < 500 && (await archived()).length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await archived()).toEqual([expect.objectContaining({ caseId: opened.id, divorceApplicationId: receipt.applicationId })]);
  });

  it("refuses a receipt for another business's case or other parties, and for the same person twice, before the centre records anything", async () => {
    const { desk, cases, printed, applications } = await start();
    const marriage = cases.open('marriage', [husband, wife]);
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [husband, wife], caseId: marriage.id })).rejects.toMatchObject({
      code: 'registry-case-business-mismatch',
      params: { business: '结婚登记' },
    });
    const application = cases.open('divorce-application', [husband, wife]);
    const stranger = printedParty(huangTing);
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [husband, stranger], caseId: application.id })).rejects.toMatchObject({ code: 'registry-case-parties-mismatch' });
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [husband, { ...husband }] })).rejects.toMatchObject({ code: 'registry-same-person' });
    await expect(desk.handlers['registry.review']({ business: 'marriage', parties: [husband, husband].map(({ idNumber, name }) => ({ idNumber, name })) })).rejects.toMatchObject({ code: 'registry-same-person' });
    expect(printed).toEqual([]);
    expect(await applications()).toEqual([]);
  });

  it('a record certificate issued for its case is recorded in it; refused for another business\'s case', async () => {
    const { desk, cases, printed } = await start();
    const person = printedParty(huangTing);
    const marriage = cases.open('marriage', [husband, wife]);
    await expect(desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person, caseId: marriage.id })).rejects.toMatchObject({ code: 'registry-case-business-mismatch' });
    expect(printed).toEqual([]);
    const opened = cases.open('record-certificate', [person]);
    expect(cases.view(opened.id).outstanding).toEqual(['record-certificate']);
    await desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person, caseId: opened.id });
    expect(cases.view(opened.id).outstanding).toEqual([]);
  });
});

describe('a party whose document the terminal last read as unfit', () => {
  it('an expired card or a failing passport zone refuses the case, the receipt and the record certificate; a valid reading clears it', async () => {
    const { desk, cases, documents, printed, applications } = await start();
    const card = sampleCards.resident;
    const party = { name: card.name, sex: '男', nationality: '中国', birthDate: card.birthDate, idNumber: card.idNumber };
    documents.noteCard({ card, warnings: ['card-expired'] });
    documents.notePassport(parseMrz(FRENCH_PASSPORT_MRZ_BAD_CHECK));
    expect(() => cases.open('marriage', [party, husband])).toThrow(expect.objectContaining({ code: 'registry-party-card-expired', params: { n: 1 } }));
    expect(() => cases.open('marriage', [husband, wife])).toThrow(expect.objectContaining({ code: 'registry-party-passport-invalid', params: { n: 2 } }));
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [husband, wife] })).rejects.toMatchObject({ code: 'registry-party-passport-invalid' });
    await expect(desk.handlers['registry.printRecordCertificate']({ printerId: 'a4', person: party })).rejects.toMatchObject({ code: 'registry-party-card-expired' });
    expect(printed).toEqual([]);
    expect(await applications()).toEqual([]);

    // The same passport read again with a sound zone, a renewed card: the parties are fit.
    documents.notePassport(parseMrz(FRENCH_PASSPORT_MRZ));
    documents.noteCard({ card, warnings: [] });
    expect(cases.open('marriage', [party, wife]).state).toBe('open');
  });
});
