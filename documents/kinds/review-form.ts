import { z } from 'zod';
import { paperTitle } from '../../domain/registry/signed-papers';
import { chineseDate, isoDate, labelPath, optionalText, party, text, type Party } from './common';
import { FormSheets } from './form-sheet';
import type { DocumentKind } from './kind';
import { applicantTable } from './registry-paper';

/** What is reviewed: a registration of the couple, or the replacement of a certificate one applicant asks for. */
const REGISTRATIONS = ['marriage', 'divorce', 'marriage-replacement', 'divorce-replacement'] as const;
type Registration = (typeof REGISTRATIONS)[number];
const isReplacement = (registration: Registration): boolean => registration.endsWith('-replacement');
const BUSINESS = { marriage: 'marriage', divorce: 'divorce-registration', 'marriage-replacement': 'marriage-replacement', 'divorce-replacement': 'divorce-replacement' } as const;

const schema = z
  .object({
    /** Both parties of a registration; a replacement's applicant (and the spouse, when the desk has read both). */
    parties: z.array(party).max(2),
    /** Documents the registrar checked, e.g. 居民身份证, 外国人永久居留身份证. */
    documentsChecked: z.array(text(60)).min(1, 'list at least one document'),
    /** Result of the national review of existing records (全国审查). */
    nationalReview: text(200),
    reviewOpinion: text(500),
    /** Blank when printed for signing: the registrar signs by hand. */
    registrar: optionalText(30),
    reviewedOn: isoDate,
    /** Absent while the review form is printed for signing before the decision: the registrar writes it then. */
    decision: z.enum(['approved', 'refused'], { message: 'expected approved or refused' }).optional(),
    certificateNumber: optionalText(40),
    registeredOn: isoDate.optional(),
    approver: optionalText(30),
    approvalOpinion: optionalText(300),
    registry: optionalText(60),
    caseNumber: optionalText(40),
    /** The business reviewed, in the title and the certificate labels (default marriage). */
    registration: z.enum(REGISTRATIONS).default('marriage'),
    /** The registration a replacement re-issues, as the centre found it; absent, its cells are left for ink. */
    original: z.object({ registeredOn: isoDate, number: optionalText(40), authority: optionalText(60) }).optional(),
    /**
     * The parties' photos, printed on the form at 2-inch size: the couple's joint photo (landscape, 53 × 35 mm) or
     * each party's own (portrait, 35 × 49 mm). JPEG, base64.
     */
    photos: z
      .array(
        z.object({
          caption: text(20),
          shape: z.enum(['joint', 'single']),
          jpegBase64: z.string().max(1_400_000, 'photo too large').regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64'),
        }),
      )
      .max(3)
      .optional(),
  })
  .superRefine((data, context) => {
    // A registration names both parties; a replacement at least its applicant. Each absent one is reported missing.
    const needed = isReplacement(data.registration) ? 1 : 2;
    for (let index = data.parties.length; index < needed; index++) context.addIssue({ code: 'custom', path: ['parties', index], message: 'required' });
    if (data.decision !== 'approved') return;
    // An approved registration is the one that takes a certificate number.
    if (!data.certificateNumber) context.addIssue({ code: 'custom', path: ['certificateNumber'], message: 'required when approved' });
    if (!data.registeredOn) context.addIssue({ code: 'custom', path: ['registeredOn'], message: 'required when approved' });
  });

export type ReviewFormData = z.infer<typeof schema>;

/**
 * 登记审查处理表: what the registrar checked, the decision, and the receipt column where each party signs (by hand,
 * with a fingerprint) when the certificates are handed over. One kind for the marriage and divorce registrations and
 * for the replacements (补发结婚证/离婚证审查处理表), titled as the desk lists the paper (`paperTitle`).
 */
export const reviewForm: DocumentKind<ReviewFormData> = {
  name: 'review-form',
  title: '结婚登记审查处理表',
  schema,
  label: labelPath({
    documentsChecked: '查验证件',
    nationalReview: '全国审查结果',
    reviewOpinion: '审查意见',
    registrar: '登记员',
    reviewedOn: '审查日期',
    decision: '处理结果',
    certificateNumber: '证书字号',
    registeredOn: '登记日期',
    'original.registeredOn': '原登记日期',
  }),
  build(data) {
    const title = paperTitle(BUSINESS[data.registration], 'review-form');
    const form = new FormSheets().title(title).meta(data.caseNumber ? `编号：${data.caseNumber}` : '', data.registry ?? '');
    const replacement = isReplacement(data.registration);
    if (replacement) replacementRows(form, data);
    else coupleRows(form, data.parties as [Party, Party]);
    form.photos(
      (data.photos ?? []).map((photo, index) => ({
        field: `photos[${index}]`,
        caption: photo.caption,
        jpeg: base64Bytes(photo.jpegBase64),
        ...(photo.shape === 'joint' ? { widthMm: 53, heightMm: 35 } : { widthMm: 35, heightMm: 49 }),
      })),
    );
    form.block('documentsChecked', data.documentsChecked.join('、'), 12, 11, '查验证件');
    form.block('nationalReview', data.nationalReview, 12, 11, '全国审查');
    form.block('reviewOpinion', data.reviewOpinion, 24, 11, '审查意见');
    form.row([
      { label: '登记员', value: data.registrar ?? '', field: 'registrar' },
      { label: '审查日期', value: chineseDate(data.reviewedOn), field: 'reviewedOn', wrap: false },
    ]);
    const certificate = { marriage: '结婚证字号', divorce: '离婚证字号', 'marriage-replacement': '补发结婚证字号', 'divorce-replacement': '补发离婚证字号' }[data.registration];
    const approved = replacement ? '准予补发' : '准予登记';
    const refused = replacement ? '不予补发' : '不予登记';
    form.row([
      { label: '处理结果', value: data.decision === undefined ? '' : data.decision === 'approved' ? approved : refused, field: 'decision' },
      { label: certificate, value: data.certificateNumber ?? '', field: 'certificateNumber', wrap: false },
    ]);
    form.row([
      { label: replacement ? '补发日期' : '登记日期', value: data.registeredOn ? chineseDate(data.registeredOn) : '', field: 'registeredOn', wrap: false },
      { label: '审批人', value: data.approver ?? '', field: 'approver' },
    ]);
    form.block('approvalOpinion', data.approvalOpinion ?? '', 16, 11, '审批意见');
    form.space(4).heading('领证签名');
    const receivers = replacement
      ? [{ caption: '申请人（签名并按指纹）', field: 'parties[0].receipt', name: data.parties[0]!.name }]
      : data.parties.map((person, index) => ({ caption: `当事人${index === 0 ? '一' : '二'}（签名并按指纹）`, field: `parties[${index}].receipt`, name: person.name }));
    form.signers([...receivers, { caption: '婚姻登记员（签名）', field: 'registrar.signature', name: data.registrar }], 20);
    return { title, sheets: form.sheets };
  },
};

/** A registration's couple side by side. */
function coupleRows(form: FormSheets, [first, second]: readonly [Party, Party]): void {
  form.row([
    { label: '当事人一', value: `${first.name}（${first.sex}）`, field: 'parties[0].name' },
    { label: '当事人二', value: `${second.name}（${second.sex}）`, field: 'parties[1].name' },
  ]);
  form.row([
    { label: '出生日期', value: chineseDate(first.birthDate), field: 'parties[0].birthDate', wrap: false },
    { label: '出生日期', value: chineseDate(second.birthDate), field: 'parties[1].birthDate', wrap: false },
  ]);
  form.row([
    { label: '国籍', value: first.nationality, field: 'parties[0].nationality' },
    { label: '国籍', value: second.nationality, field: 'parties[1].nationality' },
  ]);
  form.row([
    { label: '身份证件号', value: first.idNumber, field: 'parties[0].idNumber', wrap: false },
    { label: '身份证件号', value: second.idNumber, field: 'parties[1].idNumber', wrap: false },
  ]);
}

/** A replacement's applicant, the spouse when read, and the registration it re-issues (blank for ink when unknown). */
function replacementRows(form: FormSheets, data: ReviewFormData): void {
  const [applicant, spouse] = data.parties;
  applicantTable(form, applicant!, 'parties[0]', spouse ? { name: spouse.name, idNumber: spouse.idNumber } : undefined, 'parties[1]');
  const kind = data.registration === 'marriage-replacement' ? '结婚' : '离婚';
  form.row([
    { label: '原登记日期', value: data.original ? chineseDate(data.original.registeredOn) : '', field: 'original.registeredOn', wrap: false },
    { label: `原${kind}证字号`, value: data.original?.number ?? '', field: 'original.number', wrap: false },
  ]);
  form.row([{ label: '原登记机关', value: data.original?.authority ?? '', field: 'original.authority' }]);
}

/** atob is global in Node and in browsers alike. */
function base64Bytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
