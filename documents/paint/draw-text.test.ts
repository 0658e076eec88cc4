import { describe, expect, it } from 'vitest';
import { testEngine } from '../test-support/engine';
import { pdfText, pdfWords } from '../test-support/poppler';
import * as samples from '../test-support/samples';

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('text too long for its box', () => {
  it('shrinks a long name and warns, printing all of it', async () => {
    const engine = await testEngine();
    const name = '玛丽亚·费尔南德斯';
    const result = await engine.render('marriage-certificate', { ...samples.certificate, holder: 1, parties: [samples.parties[0], { ...samples.parties[1], name }] });
    const codes = result.warnings.filter((warning) => warning.field === 'parties[1].name').map((warning) => warning.code);
    expect(codes[0]).toBe('document-text-shrunk');
    expect(squeeze(await pdfText(result.pdf))).toContain(name);
  });

  it('shrinks to the minimum size and then wraps, with a warning for each', async () => {
    const engine = await testEngine();
    const remarks = '当事人一方为外国人，已提交经认证的无配偶证明及中文译本，按涉外婚姻登记程序办理。';
    const result = await engine.render('marriage-certificate', { ...samples.certificate, holder: 0, remarks });
    const warnings = result.warnings.filter((warning) => warning.field === 'remarks');
    expect(warnings.map((warning) => warning.code).sort()).toEqual(['document-text-shrunk', 'document-text-wrapped']);
    const lines = (await pdfWords(result.pdf)).filter((word) => remarks.includes(word.text));
    expect(lines.length).toBeGreaterThan(1);
    expect(squeeze(lines.map((word) => word.text).join(''))).toBe(remarks);
  });

  it('warns of overflow when even the minimum size does not fit, and cuts nothing', async () => {
    const engine = await testEngine();
    const remarks = '备注'.repeat(100);
    const result = await engine.render('marriage-certificate', { ...samples.certificate, holder: 0, remarks });
    const warning = result.warnings.find((candidate) => candidate.field === 'remarks');
    expect(warning?.code).toBe('document-text-overflow');
    expect(warning?.params.size).toBe(7);
    expect(squeeze(await pdfText(result.pdf))).toContain(remarks);
  });
});
