import { describe, expect, it } from 'vitest';
import type { DocumentError } from '../errors';
import { testEngine } from '../test-support/engine';
import { inkShare, pdfText, pdfWords } from '../test-support/poppler';
import * as samples from '../test-support/samples';

const MM = 72 / 25.4;

describe('generated application form', () => {
  it('lists every missing required answer by its label in one error', async () => {
    const engine = await testEngine();
    const values = { ...samples.application.values, childName: ' ', birthDate: '' } as Record<string, string>;
    delete values.relation;
    const error = (await engine.render('application-form', { ...samples.application, values }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-fields-missing');
    expect(error.details.missing).toEqual(['values.childName', 'values.birthDate', 'values.relation']);
    expect(error.params.missingLabels).toBe('儿童姓名、出生日期、与儿童关系');
  });

  it('refuses answers the form cannot print rather than dropping them', async () => {
    const engine = await testEngine();
    const values = { ...samples.application.values, relation: 'cousin', nickname: '小雨' };
    const error = (await engine.render('application-form', { ...samples.application, values }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-data-invalid');
    expect(error.details.invalid?.map((problem) => problem.field)).toEqual(['values.relation', 'values.nickname']);
  });

  it('names a shrunk answer by its label, keeping the data path for the log', async () => {
    const engine = await testEngine();
    const values = { ...samples.application.values, guardianName: '欧阳陈建国'.repeat(4) };
    const result = await engine.render('application-form', { ...samples.application, values });
    const shrunk = result.warnings.find((warning) => warning.code === 'document-text-shrunk');
    expect(shrunk).toMatchObject({ field: 'values.guardianName', params: { field: '监护人姓名' } });
  });

  it('gives each signer role its box, draws captured signatures and leaves the others for ink', async () => {
    const engine = await testEngine();
    const result = await engine.render('application-form', samples.application);
    const words = await pdfWords(result.pdf);
    const caption = (text: string) => words.find((word) => word.text === text);
    const applicant = caption('申请人（签名）');
    const agent = caption('代理人（签名）');
    expect(applicant && caption('监护人（签名）') && agent).toBeTruthy();
    // The inside of the box under its caption (6 mm caption row, then a 54 x 22 mm box).
    const boxBelow = (word: NonNullable<typeof applicant>) => ({ x: word.xMin + 3 * MM, y: word.yMin + 8 * MM, width: 45 * MM, height: 18 * MM });
    expect(await inkShare(result.pdf, applicant!.page, boxBelow(applicant!))).toBeGreaterThan(0.005);
    expect(await inkShare(result.pdf, agent!.page, boxBelow(agent!))).toBe(0);
  });

  it('prints the pledge ticked only when the resident accepted it', async () => {
    const engine = await testEngine();
    const accepted = await pdfText((await engine.render('application-form', samples.application)).pdf);
    expect(accepted.replace(/\s+/g, '')).toContain('✓本人承诺');
    const open = await pdfText((await engine.render('application-form', { ...samples.application, pledgeAccepted: false })).pdf);
    expect(open).toContain('本人承诺');
    expect(open).not.toContain('✓本人承诺');
  });

  it('continues on a second sheet when the form is longer than a page', async () => {
    const engine = await testEngine();
    const formSchema = Array.from({ length: 60 }, (_, index) => ({ key: `f${index}`, label: `项目${index + 1}`, type: 'text' as const, required: false }));
    const values = Object.fromEntries(formSchema.map((field, index) => [field.key, `答案${index + 1}`]));
    const result = await engine.render('application-form', { serviceItem: { ...samples.serviceItem, formSchema }, values });
    expect(result.pageCount).toBeGreaterThan(1);
    const text = await pdfText(result.pdf);
    for (let index = 1; index <= 60; index++) expect(text).toContain(`答案${index}`);
  });
});
