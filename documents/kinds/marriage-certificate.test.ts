import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import layoutJson from '../layouts/marriage-certificate.json';
import { DocumentError } from '../errors';
import { testEngine } from '../test-support/engine';
import { pdfText, pdfWords, type Word } from '../test-support/poppler';

const MM = 72 / 25.4;
const TOLERANCE_MM = 0.5;

/** A foreign-related marriage, so every printed value is distinct. */
const data = {
  number: 'J310104-2026-000123',
  registeredOn: '2026-05-20',
  registrar: '王芳',
  remarks: '涉外婚姻',
  parties: [
    { name: '张伟', sex: 'male', nationality: '中国', birthDate: '1994-03-15', idNumber: '310104199403152316' },
    { name: '玛丽', sex: '女', nationality: '法国', birthDate: '1996-11-02', idNumber: 'E12345678' },
  ],
};

/** What must be printed where: layout key → text, from the layout file and the data, not from the engine. */
const expected: Record<string, string> = {
  registry: '上海市徐汇区民政局',
  registrar: '王芳',
  holder: '张伟',
  registeredOn: '2026年05月20日',
  number: 'J310104-2026-000123',
  remarks: '涉外婚姻',
  'parties[0].name': '张伟',
  'parties[0].sex': '男',
  'parties[0].nationality': '中国',
  'parties[0].birthDate': '1994年03月15日',
  'parties[0].idNumber': '310104199403152316',
  'parties[1].name': '玛丽',
  'parties[1].sex': '女',
  'parties[1].nationality': '法国',
  'parties[1].birthDate': '1996年11月02日',
  'parties[1].idNumber': 'E12345678',
};

type Field = { x: number; y: number; width: number; height: number };

/** Text is left-aligned at the box's x and centred vertically in it (see README). */
function misplacement(word: Word, field: Field, calibration: { x: number; y: number }): { dx: number; dy: number } {
  const x = (field.x + calibration.x) * MM;
  const centre = (field.y + field.height / 2 + calibration.y) * MM;
  return { dx: Math.abs(word.xMin - x) / MM, dy: Math.abs((word.yMin + word.yMax) / 2 - centre) / MM };
}

async function checkPositions(calibration: { x: number; y: number }): Promise<void> {
  const engine = await testEngine();
  const result = await engine.render('marriage-certificate', { ...data, holder: 0 }, { calibration });
  const words = await pdfWords(result.pdf);
  const fields = layoutJson.fields as Record<string, Field>;
  for (const [key, text] of Object.entries(expected)) {
    const field = fields[key] as Field;
    const candidates = words.filter((word) => word.text === text).map((word) => misplacement(word, field, calibration));
    const best = candidates.sort((a, b) => a.dx + a.dy - (b.dx + b.dy))[0];
    expect(best, `${key} "${text}" not found`).toBeDefined();
    expect(best!.dx, `${key} x off by ${best!.dx} mm`).toBeLessThanOrEqual(TOLERANCE_MM);
    expect(best!.dy, `${key} y off by ${best!.dy} mm`).toBeLessThanOrEqual(TOLERANCE_MM);
  }
  // Only the variable text: nothing else is printed on the pre-printed stock.
  expect(words).toHaveLength(Object.keys(expected).length);
}

describe('marriage certificate overlay', () => {
  it('prints every field within 0.5 mm of its layout position', async () => {
    await checkPositions({ x: 0, y: 0 });
  });

  it('shifts every field by the printer calibration offsets', async () => {
    await checkPositions({ x: 1.5, y: -2 });
    await fc.assert(
      // Offsets a printer drifts by; larger ones would push the outermost boxes off the sheet.
      fc.asyncProperty(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), async (x, y) => {
        await checkPositions({ x, y });
      }),
      { numRuns: 6 },
    );
  });

  it('warns when the calibration pushes a field off the sheet', async () => {
    const engine = await testEngine();
    const result = await engine.render('marriage-certificate', { ...data, holder: 0 }, { calibration: { x: 8, y: 0 } });
    const offPage = result.warnings.filter((warning) => warning.code === 'document-text-off-page').map((warning) => warning.field);
    // Birth dates end at 188 mm and ID numbers at 184 mm on a 190 mm sheet; remarks end at 182 mm (190 with the offset: still on).
    expect(offPage.sort()).toEqual(['parties[0].birthDate', 'parties[0].idNumber', 'parties[1].birthDate', 'parties[1].idNumber']);
  });

  it('uses the page size of the layout, one booklet per holder', async () => {
    const engine = await testEngine();
    const result = await engine.render('marriage-certificate', data);
    const doc = await PDFDocument.load(result.pdf);
    expect(doc.getPageCount()).toBe(2);
    for (const page of doc.getPages()) {
      expect(page.getWidth() / MM).toBeCloseTo(layoutJson.page.width, 3);
      expect(page.getHeight() / MM).toBeCloseTo(layoutJson.page.height, 3);
    }
    const [first, second] = (await pdfText(result.pdf)).split('\f');
    // The holder line is the first text on each booklet's right page.
    expect(first).toContain('张伟');
    expect(second).toContain('玛丽');
    expect(result.warnings).toEqual([]);
  });

  it('warns when the registrar is left blank for a hand stamp', async () => {
    const engine = await testEngine();
    const { registrar: _registrar, ...withoutRegistrar } = data;
    const result = await engine.render('marriage-certificate', withoutRegistrar);
    expect(result.warnings.map((warning) => [warning.code, warning.field])).toEqual([['document-field-blank', 'registrar']]);
    expect(await pdfText(result.pdf)).not.toContain('王芳');
  });

  it('lists every missing field in one error', async () => {
    const engine = await testEngine();
    const error = await engine
      .render('marriage-certificate', { number: '', parties: [{ name: '张伟', sex: '男', nationality: '中国', birthDate: '1994-03-15' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentError);
    const documentError = error as DocumentError;
    expect(documentError.code).toBe('document-fields-missing');
    expect(documentError.details.missing).toEqual(['number', 'registeredOn', 'parties[0].idNumber', 'parties[1]']);
    expect(documentError.details.missingLabels).toEqual(['结婚证字号', '登记日期', '当事人一 身份证件号', '当事人二']);
    expect(documentError.params.missingLabels).toBe('结婚证字号、登记日期、当事人一 身份证件号、当事人二');
  });

  it('rejects malformed values with every problem named', async () => {
    const engine = await testEngine();
    const error = (await engine
      .render('marriage-certificate', { ...data, number: 'X310104-2026-000123', registeredOn: '2026-02-30', parties: [{ ...data.parties[0], sex: 'x' }, data.parties[1]] })
      .catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-data-invalid');
    expect(error.details.invalid?.map((problem) => problem.field).sort()).toEqual(['number', 'parties[0].sex', 'registeredOn']);
  });

  it('checks the number year against the registration date, except for replacements', async () => {
    const engine = await testEngine();
    const error = (await engine.render('marriage-certificate', { ...data, number: 'J310104-2025-000123' }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.details.invalid).toEqual([{ field: 'number', problem: 'year 2025 differs from the registration date 2026-05-20' }]);
    const replacement = await engine.render('marriage-certificate', { ...data, number: 'BJ310104-2027-000001', holder: 1 });
    expect(await pdfText(replacement.pdf)).toContain('BJ310104-2027-000001');
  });

  it('needs the registry when the number names an unknown division', async () => {
    const engine = await testEngine();
    const error = (await engine.render('marriage-certificate', { ...data, number: 'J110101-2026-000001' }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-fields-missing');
    expect(error.details.missing).toEqual(['registry']);
    const named = await engine.render('marriage-certificate', { ...data, number: 'J110101-2026-000001', registry: '北京市东城区民政局', holder: 0 });
    expect(await pdfText(named.pdf)).toContain('北京市东城区民政局');
  });
});
