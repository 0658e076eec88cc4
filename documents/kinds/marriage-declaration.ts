import { z } from 'zod';
import { chineseDate, isoDate, labelPath, optionalText, pair, party, type Party } from './common';
import { FormSheets } from './form-sheet';
import type { DocumentKind } from './kind';

const declarant = party.extend({
  ethnicity: optionalText(20),
  occupation: optionalText(40),
  education: optionalText(20),
});
type Declarant = z.infer<typeof declarant>;

const schema = z.object({
  parties: pair(declarant),
  /** Day the parties declare before the registrar. */
  date: isoDate,
  registry: optionalText(60),
  /** The registrar who witnesses the declaration (监誓人). */
  registrar: optionalText(30),
  caseNumber: optionalText(40),
});

export type MarriageDeclarationData = z.infer<typeof schema>;

/**
 * 申请结婚登记声明书. Signed by hand on paper with a fingerprint in front of
 * the registrar (the Electronic Signature Law does not cover marriage), so the
 * signature boxes are left empty for ink.
 */
export const marriageDeclaration: DocumentKind<MarriageDeclarationData> = {
  name: 'marriage-declaration',
  title: '申请结婚登记声明书',
  schema,
  label: labelPath({ date: '声明日期', registry: '登记机关', registrar: '监誓人', caseNumber: '编号' }),
  build(data) {
    const [first, second] = data.parties;
    const form = new FormSheets().title('申请结婚登记声明书').meta(data.caseNumber ? `编号：${data.caseNumber}` : '', data.registry ?? '');
    form.row([
      { label: '', value: '当事人一', field: 'parties[0]' },
      { label: '', value: '当事人二', field: 'parties[1]' },
    ]);
    for (const [label, key] of PARTY_ROWS) {
      form.row([
        { label, value: show(first, key), field: `parties[0].${key}`, wrap: key !== 'idNumber' },
        { label, value: show(second, key), field: `parties[1].${key}`, wrap: key !== 'idNumber' },
      ]);
    }
    form.space(6);
    data.parties.forEach((person, index) => {
      const other = data.parties[1 - index] as Party;
      form.paragraph(`declaration[${index}]`, declarationText(person.name, other.name), 16);
      form.signers([
        { caption: '声明人（签名并按指纹）', field: `parties[${index}].signature`, name: person.name },
        { caption: '监誓人（婚姻登记员签名）', field: `registrar[${index}]`, name: data.registrar },
      ]);
    });
    form.paragraph('date', `声明日期：${chineseDate(data.date)}`, 8);
    return { title: '申请结婚登记声明书', sheets: form.sheets };
  },
};

const PARTY_ROWS: [string, keyof Declarant][] = [
  ['姓名', 'name'],
  ['性别', 'sex'],
  ['出生日期', 'birthDate'],
  ['国籍', 'nationality'],
  ['民族', 'ethnicity'],
  ['身份证件号', 'idNumber'],
  ['职业', 'occupation'],
  ['文化程度', 'education'],
];

function show(person: Declarant, key: keyof Declarant): string {
  const value = person[key] ?? '';
  return key === 'birthDate' ? chineseDate(value) : value;
}

/** The statement each party makes (Civil Code arts. 1046, 1048, 1051). */
export function declarationText(name: string, other: string): string {
  return `本人${name}与${other}自愿结婚。本人声明：本人无配偶，与对方没有直系血亲和三代以内旁系血亲关系。本人上述声明完全真实，如有虚假，愿承担法律责任。`;
}
