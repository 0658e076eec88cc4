import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DocumentError } from '../errors';
import { testEngine } from '../test-support/engine';
import { pdfText, pdfWords } from '../test-support/poppler';

const MM = 72 / 25.4;

/** A one-page template with the field kinds a service item's PDF uses. Rectangles in points. */
const FIELDS = {
  applicantName: { x: 150, y: 700, width: 200, height: 24, required: true, label: '申请人姓名' },
  idNumber: { x: 150, y: 660, width: 200, height: 24, required: true, label: '公民身份号码' },
  reason: { x: 150, y: 560, width: 300, height: 80, required: false, label: '申请事由' },
};

async function makeTemplate(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Application (template)', { x: 50, y: 780, size: 14, font: helvetica });
  const form = doc.getForm();
  for (const [name, spec] of Object.entries(FIELDS)) {
    const field = form.createTextField(name);
    if (spec.required) field.enableRequired();
    if (name === 'reason') field.enableMultiline();
    field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(spec.label));
    field.addToPage(page, { x: spec.x, y: spec.y, width: spec.width, height: spec.height });
  }
  form.createCheckBox('consent').addToPage(page, { x: 150, y: 520, width: 12, height: 12 });
  return doc.save();
}

describe('application form from a fixed PDF template', () => {
  it('draws each value into its form field rectangle and removes the fields', async () => {
    const engine = await testEngine();
    const template = await makeTemplate();
    const values = { applicantName: '周桂英', idNumber: '310104194002021228', reason: '年满85周岁，申请高龄老人营养补贴。', consent: 'true', date: '2026年05月20日' };
    const result = await engine.render('application-form-template', { template, values, placements: { date: { x: 50, y: 200, width: 60, height: 8 } } });

    const words = await pdfWords(result.pdf);
    const pageHeight = 841.89;
    for (const key of ['applicantName', 'idNumber'] as const) {
      const field = FIELDS[key];
      const word = words.find((candidate) => candidate.text === values[key]);
      expect(word, key).toBeDefined();
      expect(Math.abs(word!.xMin - field.x) / MM).toBeLessThan(0.5);
      const centre = pageHeight - field.y - field.height / 2;
      expect(Math.abs((word!.yMin + word!.yMax) / 2 - centre) / MM).toBeLessThan(0.5);
    }
    const date = words.find((word) => word.text === '2026年05月20日');
    expect(Math.abs(date!.xMin / MM - 50)).toBeLessThan(0.5);
    const text = await pdfText(result.pdf);
    expect(text).toContain('Application (template)');
    expect(text.replace(/\s+/g, '')).toContain('年满85周岁，申请高龄老人营养补贴。');
    expect(text).toContain('✓');

    const output = await PDFDocument.load(result.pdf);
    expect(output.getForm().getFields()).toHaveLength(0);
    expect(output.getPage(0).node.Annots()?.size() ?? 0).toBe(0);
  });

  it('names the missing required fields by their tooltips', async () => {
    const engine = await testEngine();
    const error = (await engine.render('application-form-template', { template: await makeTemplate(), values: { reason: '无' } }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-fields-missing');
    expect(error.details.missing).toEqual(['values.applicantName', 'values.idNumber']);
    expect(error.params.missingLabels).toBe('申请人姓名、公民身份号码');
  });

  it('refuses a value the template has no place for', async () => {
    const engine = await testEngine();
    const values = { applicantName: '周桂英', idNumber: '310104194002021228', bankAccount: '6222 0210' };
    const error = (await engine.render('application-form-template', { template: await makeTemplate(), values }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-data-invalid');
    expect(error.details.invalid).toEqual([{ field: 'values.bankAccount', problem: 'the template has no field or placement for it' }]);
  });

  it('reports a template that is not a PDF', async () => {
    const engine = await testEngine();
    const error = (await engine.render('application-form-template', { template: new TextEncoder().encode('not a pdf'), values: {} }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-template-invalid');
  });
});
