import { z } from 'zod';
import { REGISTRY_BUSINESSES, type RegistryBusiness } from '../../domain/registry/business';
import { chineseDate, isoDate, labelPath, optionalText, party, text } from './common';
import { FormSheets } from './form-sheet';
import type { DocumentKind } from './kind';

const schema = z.object({
  parties: z.array(party).min(1, 'at least one party').max(2),
  business: z.enum(REGISTRY_BUSINESSES),
  date: isoDate,
  certificateNumbers: z.array(text(40)).max(4).default([]),
  registry: optionalText(60),
  caseNumber: optionalText(40),
});

export type HandoverReceiptData = z.infer<typeof schema>;

/** What is handed over for each business (the booklets, or the record certificate). */
const HANDED_OVER: Record<RegistryBusiness, string> = {
  marriage: '结婚证',
  'divorce-application': '离婚登记申请受理回执',
  'divorce-withdrawal': '撤回离婚登记申请确认书',
  'divorce-registration': '离婚证',
  'marriage-replacement': '结婚证（补领）',
  'divorce-replacement': '离婚证（补领）',
  'record-certificate': '婚姻登记记录证明',
};

/**
 * 证件领取签收单: each party signs (by hand, with a fingerprint) that they
 * received their certificate; captured back into the case's e-archive.
 */
export const handoverReceipt: DocumentKind<HandoverReceiptData> = {
  name: 'handover-receipt',
  title: '证件领取签收单',
  schema,
  label: labelPath({ date: '领取日期', registry: '登记机关', caseNumber: '编号', certificateNumbers: '证书字号' }),
  build(data) {
    const form = new FormSheets().title('证件领取签收单').meta(data.caseNumber ? `编号：${data.caseNumber}` : '', data.registry ?? '');
    form.row([
      { label: '领取证件', value: HANDED_OVER[data.business], field: 'business' },
      { label: '证书字号', value: data.certificateNumbers.join('、'), field: 'certificateNumbers', wrap: false },
    ]);
    data.parties.forEach((person, index) => {
      form.row([
        { label: `当事人${index === 0 ? '一' : '二'}`, value: `${person.name}（${person.sex}）`, field: `parties[${index}].name` },
        { label: '身份证件号', value: person.idNumber, field: `parties[${index}].idNumber`, wrap: false },
      ]);
    });
    form.space(6);
    form.paragraph('statement', `本人已当面领取上述${HANDED_OVER[data.business]}，并核对无误。`, 10);
    form.signers(
      data.parties.map((person, index) => ({ caption: `领取人${data.parties.length > 1 ? (index === 0 ? '一' : '二') : ''}（签名并按指纹）`, field: `parties[${index}].signature`, name: person.name })),
      22,
    );
    form.paragraph('date', `领取日期：${chineseDate(data.date)}`, 8);
    return { title: '证件领取签收单', sheets: form.sheets };
  },
};
