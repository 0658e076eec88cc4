import { z } from 'zod';
import { chineseDate, isoDate, labelPath, optionalText, text } from './common';
import { FormSheets } from './form-sheet';
import type { DocumentKind } from './kind';
import { signatureSchema } from './signature-schema';

const schema = z.object({
  title: optionalText(40),
  serviceName: optionalText(80),
  pledge: text(2000),
  /** Ticked on the pad or screen; false prints an empty box to tick by hand. */
  accepted: z.boolean(),
  signerName: text(60),
  signature: signatureSchema.optional(),
  date: isoDate,
  caseNumber: optionalText(40),
});

export type PledgeConfirmationData = z.infer<typeof schema>;

/** 告知承诺书: the resident ticks the pledge text and signs instead of copying it out. */
export const pledgeConfirmation: DocumentKind<PledgeConfirmationData> = {
  name: 'pledge-confirmation',
  title: '告知承诺书',
  schema,
  label: labelPath({ pledge: '承诺内容', accepted: '是否勾选承诺', signerName: '承诺人', date: '日期' }),
  build(data) {
    const title = data.title ?? '告知承诺书';
    const form = new FormSheets().title(title).meta(data.caseNumber ? `编号：${data.caseNumber}` : '', data.serviceName ?? '');
    form.space(4);
    form.pledge('pledge', data.pledge, data.accepted, { caption: '承诺人（签名）', field: 'signature', signature: data.signature, name: data.signerName }, 60);
    form.paragraph('date', `日期：${chineseDate(data.date)}`, 8);
    return { title, sheets: form.sheets };
  },
};
