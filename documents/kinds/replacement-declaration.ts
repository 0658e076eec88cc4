import { z } from 'zod';
import { paperTitle } from '../../domain/registry/signed-papers';
import { chineseDate, isoDate, labelPath, optionalText } from './common';
import type { DocumentKind } from './kind';
import { APPLICANT_PAPER_LABELS, applicantPaperFields, applicantSigners, BLANK, BLANK_DATE, registryPaper } from './registry-paper';

const schema = z.object({
  ...applicantPaperFields,
  /** Which certificate is replaced. */
  registration: z.enum(['marriage', 'divorce']),
  /** The registration re-issued, as the centre found it; absent, its date, registry and number are left for ink. */
  original: z.object({ registeredOn: isoDate, number: optionalText(40), authority: optionalText(60) }).optional(),
  /** Why: the booklet was lost or damaged; absent, both boxes are left for the applicant to tick. */
  reason: z.enum(['lost', 'damaged']).optional(),
});

export type ReplacementDeclarationData = z.infer<typeof schema>;

/**
 * 申请补领结婚证/离婚证声明书: the applicant declares the registration the lost or damaged certificate recorded and,
 * for a marriage, that it still stands (a replacement must not re-issue a marriage since dissolved). Signed by hand
 * with a fingerprint before the registrar, who signs as witness.
 */
export const replacementDeclaration: DocumentKind<ReplacementDeclarationData> = {
  name: 'replacement-declaration',
  title: paperTitle('marriage-replacement', 'declaration'),
  schema,
  label: labelPath({ ...APPLICANT_PAPER_LABELS, date: '声明日期', applicant: '申请人', registration: '补领证件', 'original.registeredOn': '原登记日期', reason: '补领原因' }),
  build(data) {
    const marriage = data.registration === 'marriage';
    const title = paperTitle(marriage ? 'marriage-replacement' : 'divorce-replacement', 'declaration');
    const booklet = marriage ? '结婚证' : '离婚证';
    const { applicant, original } = data;
    const when = original ? chineseDate(original.registeredOn) : BLANK_DATE;
    const where = original?.authority ?? `${BLANK}婚姻登记机关`;
    const number = original?.number ?? BLANK;
    const stands = marriage ? '双方的婚姻关系依然存续，未办理离婚登记，也未经人民法院判决或者调解离婚。' : '上述离婚登记事项属实。';
    return registryPaper({
      title,
      caseNumber: data.caseNumber,
      registry: data.registry,
      people: { applicant, spouse: data.spouse },
      paragraphs: [
        { field: 'original', text: `本人${applicant.name}与${data.spouse?.name ?? BLANK}于${when}在${where}办理${marriage ? '结婚' : '离婚'}登记，${booklet}字号为${number}。`, height: 14 },
        { field: 'declaration', text: `现因${booklet}遗失或者损毁，本人申请补领${booklet}。本人声明：${stands}本人上述声明完全真实，如有虚假，愿承担法律责任。`, height: 16 },
        { field: 'reason', text: '补领原因：', height: 7 },
      ],
      choices: [
        { field: 'reason.lost', label: `${booklet}遗失`, checked: data.reason === 'lost' },
        { field: 'reason.damaged', label: `${booklet}损毁`, checked: data.reason === 'damaged' },
      ],
      signers: applicantSigners('声明人', applicant.name, data.registrar),
      dated: { label: '声明日期', on: data.date },
    });
  },
};
