import { z } from 'zod';
import { chineseDate, isoDate, labelPath, optionalText, party, text } from './common';
import { FormSheets } from './form-sheet';
import type { DocumentKind } from './kind';

const KIND_TEXT = { marriage: '结婚登记', divorce: '离婚登记' } as const;

const record = z.object({
  kind: z.enum(['marriage', 'divorce']),
  date: isoDate,
  authority: text(60),
  number: optionalText(40),
  otherParty: text(100),
});

const schema = z.object({
  /** The centre's number for this certificate. */
  number: text(40),
  issuedOn: isoDate,
  /** The person the certificate is about, as identified at the desk. */
  person: party,
  /** Their registrations in the Shanghai index, oldest first; none is a statement of its own. */
  records: z.array(record).max(20),
  registry: optionalText(60),
});

export type RecordCertificateData = z.infer<typeof schema>;

/**
 * 婚姻登记记录证明: what the Shanghai marriage registration index holds for
 * one person, each registration with its date, registry, other party and
 * certificate number, or that it holds none. It states the index's content
 * only (certificates of "no marriage" were abolished in 2015), so it says
 * which index was searched.
 */
export const recordCertificate: DocumentKind<RecordCertificateData> = {
  name: 'record-certificate',
  title: '婚姻登记记录证明',
  schema,
  label: labelPath({ number: '证明编号', issuedOn: '出具日期', person: '当事人', records: '婚姻登记记录', registry: '出具机关' }),
  build(data) {
    const form = new FormSheets().title('婚姻登记记录证明').meta(`编号：${data.number}`, data.registry ?? '');
    const { person } = data;
    form.row([
      { label: '姓名', value: person.name, field: 'person.name' },
      { label: '性别', value: person.sex, field: 'person.sex' },
    ]);
    form.row([
      { label: '国籍', value: person.nationality, field: 'person.nationality' },
      { label: '出生日期', value: chineseDate(person.birthDate), field: 'person.birthDate', wrap: false },
    ]);
    form.row([{ label: '身份证件号', value: person.idNumber, field: 'person.idNumber', wrap: false }]);
    form.space(6);
    if (data.records.length === 0) {
      form.paragraph('records', '经查询上海市婚姻登记信息系统，未查询到该当事人的婚姻登记记录。', 12);
    } else {
      form.paragraph('records', `经查询上海市婚姻登记信息系统，该当事人有以下婚姻登记记录（共 ${data.records.length} 条）：`, 10);
      data.records.forEach((entry, index) => {
        form.row(
          [
            { label: '登记类别', value: KIND_TEXT[entry.kind], field: `records[${index}].kind`, share: 0.8 },
            { label: '登记日期', value: chineseDate(entry.date), field: `records[${index}].date`, wrap: false },
            { label: '对方当事人', value: entry.otherParty, field: `records[${index}].otherParty` },
          ],
          9,
        );
        form.row(
          [
            { label: '登记机关', value: entry.authority, field: `records[${index}].authority`, share: 1.4 },
            { label: '证书字号', value: entry.number ?? '', field: `records[${index}].number`, wrap: false },
          ],
          9,
        );
        form.space(2);
      });
    }
    form.space(4);
    form.paragraph('scope', '本证明仅反映上海市婚姻登记信息系统中的记录，不作为当事人无配偶的证明。', 10);
    form.paragraph('date', `出具日期：${chineseDate(data.issuedOn)}`, 8);
    return { title: `婚姻登记记录证明 ${data.number}`, sheets: form.sheets };
  },
};
