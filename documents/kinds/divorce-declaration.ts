import { z } from 'zod';
import { chineseDate, isoDate, labelPath, optionalText, pair, party } from './common';
import { FormSheets } from './form-sheet';
import type { DocumentKind } from './kind';

const schema = z.object({
  parties: pair(party),
  /** Day the parties declare before the registrar. */
  date: isoDate,
  registry: optionalText(60),
  registrar: optionalText(30),
  caseNumber: optionalText(40),
});

export type DivorceDeclarationData = z.infer<typeof schema>;

/**
 * 申请离婚登记声明书: each party declares before the registrar that the divorce is voluntary and that the divorce
 * agreement settles the children, property and debts (Civil Code art. 1076). Signed by hand with a fingerprint,
 * outside the Electronic Signature Law, then captured back into the case's e-archive.
 */
export const divorceDeclaration: DocumentKind<DivorceDeclarationData> = {
  name: 'divorce-declaration',
  title: '申请离婚登记声明书',
  schema,
  label: labelPath({ date: '声明日期', registry: '登记机关', registrar: '监誓人', caseNumber: '编号' }),
  build(data) {
    const [first, second] = data.parties;
    const form = new FormSheets().title('申请离婚登记声明书').meta(data.caseNumber ? `编号：${data.caseNumber}` : '', data.registry ?? '');
    form.row([
      { label: '', value: '当事人一', field: 'parties[0]' },
      { label: '', value: '当事人二', field: 'parties[1]' },
    ]);
    for (const [label, key] of [['姓名', 'name'], ['性别', 'sex'], ['出生日期', 'birthDate'], ['国籍', 'nationality'], ['身份证件号', 'idNumber']] as const) {
      const show = (value: string) => (key === 'birthDate' ? chineseDate(value) : value);
      form.row([
        { label, value: show(first[key]), field: `parties[0].${key}`, wrap: key !== 'idNumber' },
        { label, value: show(second[key]), field: `parties[1].${key}`, wrap: key !== 'idNumber' },
      ]);
    }
    form.space(6);
    data.parties.forEach((person, index) => {
      const other = data.parties[1 - index]!;
      form.paragraph(`declaration[${index}]`, divorceDeclarationText(person.name, other.name), 16);
      form.signers([
        { caption: '声明人（签名并按指纹）', field: `parties[${index}].signature`, name: person.name },
        { caption: '监誓人（婚姻登记员签名）', field: `registrar[${index}]`, name: data.registrar },
      ]);
    });
    form.paragraph('date', `声明日期：${chineseDate(data.date)}`, 8);
    return { title: '申请离婚登记声明书', sheets: form.sheets };
  },
};

export function divorceDeclarationText(name: string, other: string): string {
  return `本人${name}与${other}自愿离婚。本人声明：双方已对子女抚养、财产以及债务处理等事项协商一致，并签订了离婚协议书。本人上述声明完全真实，如有虚假，愿承担法律责任。`;
}
