import { describe, expect, it } from 'vitest';
import { DocumentError } from './errors';
import { DOCUMENT_KINDS } from './engine';
import { DOCUMENT_MESSAGES } from './messages';
import { testEngine } from './test-support/engine';
import { pdfFontNames, pdfText } from './test-support/poppler';
import * as samples from './test-support/samples';

/** pdftotext breaks wrapped lines and table cells apart; compare without whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

const cases: { kind: string; data: unknown; expected: string[] }[] = [
  {
    kind: 'marriage-certificate',
    data: samples.certificate,
    expected: ['张伟', '李娜', '2026年05月20日', 'J310104-2026-000123', '上海市徐汇区民政局', '王芳', '1994年03月15日', '31010519961102002X', '男', '女', '中国'],
  },
  {
    kind: 'marriage-declaration',
    data: samples.declaration,
    expected: [
      '申请结婚登记声明书',
      '本人张伟与李娜自愿结婚。本人声明：本人无配偶，与对方没有直系血亲和三代以内旁系血亲关系。本人上述声明完全真实，如有虚假，愿承担法律责任。',
      '本人李娜与张伟自愿结婚。',
      '声明人（签名并按指纹）',
      '监誓人（婚姻登记员签名）',
      '回族',
      '硕士研究生',
      '声明日期：2026年05月20日',
      '编号：HY2026052000017',
    ],
  },
  {
    kind: 'review-form',
    data: samples.review,
    expected: ['结婚登记审查处理表', '居民身份证、申请结婚登记声明书', '经全国婚姻登记信息系统查询，双方均无婚姻登记记录。', '准予登记', 'J310104-2026-000123', '审批人', '赵敏', '领证签名', '当事人一（签名并按指纹）'],
  },
  {
    kind: 'application-form',
    data: samples.application,
    expected: ['困境儿童基本生活费申请表', '儿童姓名', '陈小雨', '2015年04月15日', '祖父母', '由祖父陈建国抚养', '申请人（签名）', '监护人（签名）', '代理人（签名）', '刘洋', '✓本人承诺所填信息及所交材料真实、完整、有效，如有虚假，愿承担相应法律责任。'],
  },
  {
    kind: 'pledge-confirmation',
    data: samples.pledge,
    expected: ['告知承诺书', '✓本人承诺所填信息及所交材料真实、完整、有效。', '承诺人（签名）', '陈建国', '日期：2026年05月20日'],
  },
];

describe('document engine', () => {
  it.each(cases)('$kind: pdftotext shows the Chinese text', async ({ kind, data, expected }) => {
    const engine = await testEngine();
    const result = await engine.render(kind, data);
    const text = squeeze(await pdfText(result.pdf));
    for (const phrase of expected) expect(text).toContain(squeeze(phrase));
    // Only subset fonts are embedded: a whole CJK font would be megabytes.
    for (const name of await pdfFontNames(result.pdf)) expect(name).toMatch(/^[A-Z]{6}\+/);
    expect(result.pdf.length).toBeLessThan(150 * 1024);
  });

  it('knows every kind it exports', async () => {
    const engine = await testEngine();
    expect([...engine.kinds].sort()).toEqual(DOCUMENT_KINDS.map((kind) => kind.name).sort());
  });

  it('refuses an unknown kind with a coded error', async () => {
    const engine = await testEngine();
    const error = (await engine.render('birth-certificate', {}).catch((caught: unknown) => caught)) as DocumentError;
    expect(error).toBeInstanceOf(DocumentError);
    expect(error.code).toBe('document-kind-unknown');
    expect(error.params.kind).toBe('birth-certificate');
  });

  it('refuses calibration offsets no printer drifts by', async () => {
    const engine = await testEngine();
    const error = (await engine.render('marriage-certificate', samples.certificate, { calibration: { x: 25, y: Number.NaN } }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-data-invalid');
    expect(error.details.invalid?.map((problem) => problem.field)).toEqual(['calibration.x', 'calibration.y']);
  });

  it('reports data that is not an object as one missing-data error', async () => {
    const engine = await testEngine();
    const error = (await engine.render('marriage-declaration', null).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-fields-missing');
    expect(error.details.missing).toEqual(['(data)']);
  });

  it('has zh-CN and English officer text for every code', async () => {
    const { DOCUMENT_ERROR_CODES, DOCUMENT_WARNING_CODES } = await import('./errors');
    for (const code of [...DOCUMENT_ERROR_CODES, ...DOCUMENT_WARNING_CODES]) {
      expect(DOCUMENT_MESSAGES[code]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(DOCUMENT_MESSAGES[code].en.length).toBeGreaterThan(10);
    }
  });
});
