import { z } from 'zod';
import { paperTitle } from '../../domain/registry/signed-papers';
import { chineseDate, isoDate, labelPath, optionalText } from './common';
import type { DocumentKind } from './kind';
import { APPLICANT_PAPER_LABELS, applicantPaperFields, applicantSigners, BLANK, BLANK_DATE, registryPaper } from './registry-paper';

const schema = z.object({
  ...applicantPaperFields,
  /** The joint application withdrawn, as the centre holds it; absent, its date and registry are left for ink. */
  application: z.object({ receivedOn: isoDate, coolingOffEnds: isoDate, registry: optionalText(60) }).optional(),
});

export type WithdrawalApplicationData = z.infer<typeof schema>;

const TITLE = paperTitle('divorce-withdrawal', 'declaration');

/**
 * 撤回离婚登记申请书: the written request of the one party who withdraws the couple's joint divorce application
 * within the cooling-off period (Civil Code art. 1077), signed by hand with a fingerprint before the registrar, who
 * signs as the one receiving it. The registry's confirmation (divorce-withdrawal) is printed once the centre has
 * recorded the withdrawal; this is the party's own paper for the e-archive.
 */
export const withdrawalApplication: DocumentKind<WithdrawalApplicationData> = {
  name: 'withdrawal-application',
  title: TITLE,
  schema,
  label: labelPath({ ...APPLICANT_PAPER_LABELS, applicant: '申请人', 'application.receivedOn': '受理日期', 'application.coolingOffEnds': '冷静期届满日' }),
  build(data) {
    const { applicant, application } = data;
    const other = data.spouse?.name ?? BLANK;
    const filed = application
      ? `于${chineseDate(application.receivedOn)}向${application.registry ?? '婚姻登记机关'}共同提交离婚登记申请。现本人在离婚冷静期内（至${chineseDate(application.coolingOffEnds)}止）`
      : `于${BLANK_DATE}向${BLANK}婚姻登记机关共同提交离婚登记申请。现本人在离婚冷静期内`;
    return registryPaper({
      title: TITLE,
      caseNumber: data.caseNumber,
      registry: data.registry,
      people: { applicant, spouse: data.spouse },
      paragraphs: [
        { field: 'withdrawal', text: `本人${applicant.name}与${other}${filed}，自愿撤回该离婚登记申请。`, height: 16 },
        {
          field: 'statement',
          text: '本人知悉：申请撤回后，婚姻登记机关不再依据该申请办理离婚登记；双方如仍需离婚，应当重新共同申请。本人上述陈述完全真实，如有虚假，愿承担法律责任。',
          height: 16,
        },
      ],
      signers: applicantSigners('申请人', applicant.name, data.registrar),
      dated: { label: '申请日期', on: data.date },
    });
  },
};
