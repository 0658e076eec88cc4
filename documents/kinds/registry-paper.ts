import { z } from 'zod';
import type { DocumentModel } from '../model';
import { chineseDate, isoDate, optionalText, party, text, type Party } from './common';
import { FormSheets, type SignerBox } from './form-sheet';

/** The fields of every paper one applicant signs at the desk (withdrawal, replacement, record certificate). */
export const applicantPaperFields = {
  applicant: party,
  /** The spouse the paper names (the other party of the application or registration), when the desk knows them. */
  spouse: z.object({ name: text(60), idNumber: optionalText(40) }).optional(),
  /** The registry's day the applicant signs. */
  date: isoDate,
  registry: optionalText(60),
  /** The registrar who witnesses the signature; absent, the name is written by hand. */
  registrar: optionalText(30),
  caseNumber: optionalText(40),
};

export const APPLICANT_PAPER_LABELS = { date: '申请日期', registry: '登记机关', registrar: '婚姻登记员', caseNumber: '编号', 'spouse.name': '对方姓名' };

/**
 * The applicant's box (signature and fingerprint) and the registrar's beside it: 监誓人 witnessing a declaration,
 * 受理人 receiving an application.
 */
export function applicantSigners(role: '声明人' | '申请人', name: string, registrar: string | undefined): SignerBox[] {
  return [
    { caption: `${role}（签名并按指纹）`, field: 'applicant.signature', name },
    { caption: `${role === '声明人' ? '监誓人' : '受理人'}（婚姻登记员签名）`, field: 'registrar', name: registrar },
  ];
}

/** A blank to fill in by hand where the desk does not know the value. */
export const BLANK = '＿＿＿＿＿＿';
/** A date to fill in by hand. */
export const BLANK_DATE = '＿＿＿＿年＿＿月＿＿日';

/**
 * The one layout of the registry desk's plain A4 papers about a divorce application and of the single applicant's
 * papers (withdrawal, replacement, record certificate): title, case number and registry, the people it concerns,
 * its running text, the boxes signed by hand, and the dated line that ends it. The kinds only say what goes in.
 */
export interface RegistryPaperLayout {
  title: string;
  caseNumber?: string | undefined;
  registry?: string | undefined;
  /** The couple side by side, or the one applicant with the spouse the paper names. */
  people: { couple: readonly [Party, Party] } | { applicant: Party; spouse?: { name: string; idNumber?: string | undefined } | undefined };
  /** Tick boxes after the text (e.g. why a certificate is replaced); `checked` false leaves them for ink. */
  choices?: { field: string; label: string; checked: boolean }[];
  paragraphs: { field: string; text: string; height: number }[];
  signers: SignerBox[];
  /** The closing line, e.g. `受理日期` and its day. */
  dated: { label: string; on: string };
}

const COUPLE_ROWS = [
  ['姓名', 'name'],
  ['性别', 'sex'],
  ['国籍', 'nationality'],
  ['身份证件号', 'idNumber'],
] as const;

export function registryPaper(layout: RegistryPaperLayout): DocumentModel {
  const form = new FormSheets().title(layout.title).meta(layout.caseNumber ? `编号：${layout.caseNumber}` : '', layout.registry ?? '');
  if ('couple' in layout.people) coupleTable(form, layout.people.couple);
  else applicantTable(form, layout.people.applicant, 'applicant', layout.people.spouse);
  form.space(6);
  for (const paragraph of layout.paragraphs) form.paragraph(paragraph.field, paragraph.text, paragraph.height);
  if (layout.choices) form.checklist(layout.choices).space(2);
  form.signers(layout.signers);
  form.paragraph('date', `${layout.dated.label}：${chineseDate(layout.dated.on)}`, 8);
  return { title: layout.title, sheets: form.sheets };
}

/** Both parties side by side, one row per particular; ID numbers never wrap. */
export function coupleTable(form: FormSheets, [first, second]: readonly [Party, Party]): void {
  form.row([
    { label: '', value: '当事人一', field: 'parties[0]' },
    { label: '', value: '当事人二', field: 'parties[1]' },
  ]);
  for (const [label, key] of COUPLE_ROWS) {
    form.row([
      { label, value: first[key], field: `parties[0].${key}`, wrap: key !== 'idNumber' },
      { label, value: second[key], field: `parties[1].${key}`, wrap: key !== 'idNumber' },
    ]);
  }
}

/** One person's particulars (data path `field`), and the spouse the paper names when there is one (at `spouseField`). */
export function applicantTable(form: FormSheets, person: Party, field: string, spouse?: { name: string; idNumber?: string | undefined }, spouseField = 'spouse'): void {
  form.row([
    { label: '姓名', value: person.name, field: `${field}.name` },
    { label: '性别', value: person.sex, field: `${field}.sex` },
  ]);
  form.row([
    { label: '国籍', value: person.nationality, field: `${field}.nationality` },
    { label: '出生日期', value: chineseDate(person.birthDate), field: `${field}.birthDate`, wrap: false },
  ]);
  form.row([{ label: '身份证件号', value: person.idNumber, field: `${field}.idNumber`, wrap: false }]);
  if (!spouse) return;
  form.row([
    { label: '对方姓名', value: spouse.name, field: `${spouseField}.name` },
    { label: '对方证件号', value: spouse.idNumber ?? '', field: `${spouseField}.idNumber`, wrap: false },
  ]);
}
