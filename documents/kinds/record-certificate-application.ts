import { z } from 'zod';
import { paperTitle } from '../../domain/registry/signed-papers';
import { labelPath, optionalText } from './common';
import type { DocumentKind } from './kind';
import { APPLICANT_PAPER_LABELS, applicantPaperFields, applicantSigners, BLANK, registryPaper } from './registry-paper';

const schema = z.object({
  ...applicantPaperFields,
  /** What the certificate is for (e.g. 公证, 出国); absent, a line is left for the applicant to write it. */
  purpose: optionalText(100),
});

export type RecordCertificateApplicationData = z.infer<typeof schema>;

const TITLE = paperTitle('record-certificate', 'declaration');

/**
 * 婚姻登记记录证明申请书: the person asks, in person and for themself, for a certificate of what the Shanghai
 * marriage registration index holds about them, and acknowledges that it states the index's content only (it is no
 * proof of having no spouse: those certificates were abolished in 2015). Signed by hand with a fingerprint before
 * the registrar, who signs as the one receiving it.
 */
export const recordCertificateApplication: DocumentKind<RecordCertificateApplicationData> = {
  name: 'record-certificate-application',
  title: TITLE,
  schema,
  label: labelPath({ ...APPLICANT_PAPER_LABELS, applicant: '申请人', purpose: '用途' }),
  build(data) {
    const { applicant } = data;
    return registryPaper({
      title: TITLE,
      caseNumber: data.caseNumber,
      registry: data.registry,
      people: { applicant },
      paragraphs: [
        { field: 'request', text: `本人${applicant.name}申请查询本人在上海市婚姻登记信息系统中的婚姻登记记录，并出具婚姻登记记录证明。`, height: 14 },
        { field: 'purpose', text: `用途：${data.purpose ?? BLANK}`, height: 8 },
        {
          field: 'statement',
          text: '本人知悉：婚姻登记记录证明仅反映上海市婚姻登记信息系统中的记录，不作为本人无配偶的证明。本人所持证件真实有效，如有虚假，愿承担法律责任。',
          height: 16,
        },
      ],
      signers: applicantSigners('申请人', applicant.name, data.registrar),
      dated: { label: '申请日期', on: data.date },
    });
  },
};
