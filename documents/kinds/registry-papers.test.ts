import { describe, expect, it } from 'vitest';
import { testEngine } from '../test-support/engine';
import { pdfText } from '../test-support/poppler';
import * as samples from '../test-support/samples';

/** pdftotext breaks table cells apart; compare without whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the registry desk papers signed by hand', () => {
  it('the divorce declaration: both parties, each one\'s statement, boxes for ink', async () => {
    const { pdf } = await (await testEngine()).render('divorce-declaration', { parties: samples.review.parties, date: '2026-05-20', registry: '上海市徐汇区民政局' });
    const text = squeeze(await pdfText(pdf));
    expect(text).toContain('申请离婚登记声明书');
    expect(text).toContain('本人张伟与李娜自愿离婚。本人声明：双方已对子女抚养、财产以及债务处理等事项协商一致，并签订了离婚协议书。');
    expect(text).toContain('本人李娜与张伟自愿离婚。');
    expect(text).toContain('声明人（签名并按指纹）');
  });

  it('the hand-over receipt names what was handed over, its numbers, and each party', async () => {
    const { pdf } = await (await testEngine()).render('handover-receipt', { parties: samples.review.parties, business: 'divorce-registration', date: '2026-07-04', certificateNumbers: ['L310104-2026-000007'] });
    const text = squeeze(await pdfText(pdf));
    expect(text).toContain('证件领取签收单');
    expect(text).toContain('离婚证');
    expect(text).toContain('L310104-2026-000007');
    expect(text).toContain('本人已当面领取上述离婚证，并核对无误。');
    expect(text).toContain('领取人一（签名并按指纹）');
  });

  it('the review form of a divorce says so, and one printed before the decision leaves it for ink', async () => {
    const { decision: _decision, certificateNumber: _number, ...undecided } = samples.review;
    const { pdf } = await (await testEngine()).render('review-form', { ...undecided, registration: 'divorce' });
    const text = squeeze(await pdfText(pdf));
    expect(text).toContain('离婚登记审查处理表');
    expect(text).toContain('离婚证字号');
    expect(text).not.toContain('准予登记');
  });
});
