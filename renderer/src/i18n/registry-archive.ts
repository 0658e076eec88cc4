/** The registrar's words for a registration's case: papers signed by hand, photos, completion, the day report. */
import { REGISTRY_BUSINESSES, type RegistryBusiness } from '../../../domain/registry/business';
import { paperNameEn, paperTitle, SIGNED_PAPERS, type SignedPaper } from '../../../domain/registry/signed-papers';
import { documentTitle, identityDocumentTitle, PARTY_DOCUMENT_KINDS, SUPPORTING_DOCUMENTS } from '../../../domain/registry/supporting-documents';

/**
 * Each paper's name per business, as the screen lists it: in Chinese the paper's printed title (one source with the
 * documents), in English its English name. The view sends keys (business, paper); `registryCase.paperNames.<business>.<paper>`.
 */
function paperNames(name: (business: RegistryBusiness, paper: SignedPaper) => string): Record<RegistryBusiness, Record<SignedPaper, string>> {
  return Object.fromEntries(REGISTRY_BUSINESSES.map((business) => [business, Object.fromEntries(SIGNED_PAPERS.map((paper) => [paper, name(business, paper)]))])) as Record<
    RegistryBusiness,
    Record<SignedPaper, string>
  >;
}

/**
 * A party's supporting document as the screen lists it, `registryCase.documentNames.<document>` with the party's
 * `{name}` (and, for a travel permit, the permit's name as `{permit}`): the domain's titles (one source with the
 * refusals), the name left as a placeholder.
 */
function documentNames(locale: 'zh-CN' | 'en'): Record<string, string> {
  return Object.fromEntries(
    SUPPORTING_DOCUMENTS.map((document) => [
      document,
      document === 'travel-permit' ? (locale === 'en' ? "{name}'s {permit}" : '{name}{permit}') : documentTitle(document, { name: '{name}', nationality: '', idNumber: '' }, locale),
    ]),
  );
}

/** Each identity document's plain name, `registryCase.identityNames.<kind>`. */
function identityNames(locale: 'zh-CN' | 'en'): Record<string, string> {
  return Object.fromEntries(PARTY_DOCUMENT_KINDS.map((kind) => [kind, identityDocumentTitle(kind, locale)]));
}

export const registryArchiveMessages = {
  'zh-CN': {
    title: '签字材料与归档',
    hint: '打印下列文书，当事人当面手写签名并按指纹后，扫描或用高拍仪拍摄归档；当事人的证件和证明材料核对原件后同样扫描归档。必交材料齐全后方可办结。',
    business: '办理业务',
    open: '开始办理',
    print: '打印',
    scan: '扫描',
    photo: '拍摄',
    discard: '删除',
    required: '（必交）',
    pages: '已归档 {n} 页',
    notCaptured: '未归档',
    missing: '尚未办齐：{names}',
    missingDocuments: '尚缺证件及证明材料：{names}',
    documents: '证件及证明材料',
    documentsParty: '当事人{n}：{name}',
    documentMissing: '需提交',
    noDocuments: '无需另交材料（身份证件已读卡核验）。',
    documentKind: '当事人{n}证件',
    documentKinds: {
      resident: '居民身份证',
      'gat-residence': '港澳台居民居住证',
      'foreign-permanent-2017': '外国人永久居留身份证（2017 版）',
      'foreign-permanent-2023': '外国人永久居留身份证（2023 版）',
      passport: '护照',
      'hk-macao-travel-permit': '港澳居民来往内地通行证',
      'taiwan-travel-permit': '台湾居民来往大陆通行证',
    },
    documentNames: documentNames('zh-CN'),
    identityNames: identityNames('zh-CN'),
    recapture: '以下材料在本机已找不到，请重新扫描或拍摄：{names}',
    rescanOverride: '重新扫描审查例外证明材料',
    resumed: '已恢复未办结的登记业务（终端重启前已采集的材料均保留）。',
    left: '当事人已更换：原办件尚未办结，仍保留在本机；为新当事人打印时将开始新的办件。',
    complete: '办结归档',
    completed: '已办结，案卷已提交中心归档。',
    abandon: '放弃办件',
    abandonReason: '放弃原因（记入审计日志）',
    abandonConfirm: '确认放弃',
    abandonCancel: '返回',
    abandonHint: '放弃后本办件的当事人信息和已采集的材料将从本机删除；已签发的证书须先作废。',
    abandoned: '办件已放弃，本机已删除其材料。',
    photos: '照片',
    photoHint: '结婚登记拍双方合影，离婚登记拍每人单人照；将人像放在 2 寸框内。',
    photoKeys: { joint: '双方合影', 'party-1': '当事人一照片', 'party-2': '当事人二照片' },
    paperNames: paperNames(paperTitle),
    overrideDocument: '联网审查例外的证明材料',
    outstanding: {
      'review-missing': '全国联网审查（未进行）',
      'review-pending': '全国联网审查结果（待返回）',
      'review-hit': '全国联网审查（有在婚记录，未经核查准予继续办理）',
      'certificate-J': '结婚证（J 字号未签发）',
      'certificate-L': '离婚证（L 字号未签发）',
      'certificate-BJ': '补发的结婚证（BJ 字号未签发）',
      'certificate-BL': '补发的离婚证（BL 字号未签发）',
      'divorce-receipt': '离婚登记申请受理回执（未打印）',
      'record-certificate': '婚姻登记记录证明（未出具）',
    },
    listSeparator: '、',
    takePhoto: '拍摄',
    scanPhoto: '扫描照片',
    cropGuide: '2 寸照片取景框（35 × 49 毫米）',
    cropGuideJoint: '2 寸合影取景框（53 × 35 毫米）',
    dayReport: {
      title: '日终报表',
      show: '生成今日报表',
      print: '打印报表',
      send: '提交中心',
      sent: '日终报表已提交中心。',
      updated: '今日日终报表已更新，中心以本次提交为准（每台终端每天一份）。',
      started: '受理',
      completed: '办结',
      abandonedCount: '放弃',
      abandoned: '放弃的办件 {n} 件',
      issued: '发放证书 {n} 本：{numbers}',
      voided: '作废证号 {n} 个：{numbers}',
      balanced: '证书簿册核对相符：领用 {used} 本 = 发放 {issued} + 作废 {voided}',
      unbalanced: '证书簿册核对不符：领用 {used} 本，发放 {issued} + 作废 {voided}。请清点簿册。',
      overrides: '审查结果继续办理 {n} 件',
    },
  },
  en: {
    title: 'Signed papers and archive',
    hint: "Print these papers; once the parties have signed and fingerprinted them before you, scan or photograph them; check the parties' documents and certificates against the originals and capture them too. The case completes once everything required is captured.",
    business: 'Business',
    open: 'Start',
    print: 'Print',
    scan: 'Scan',
    photo: 'Photograph',
    discard: 'Remove',
    required: ' (required)',
    pages: '{n} page(s) captured',
    notCaptured: 'not captured',
    missing: 'Still missing: {names}',
    missingDocuments: 'Documents and certificates still missing: {names}',
    documents: 'Identity documents and certificates',
    documentsParty: 'Party {n}: {name}',
    documentMissing: 'to bring',
    noDocuments: 'Nothing more to bring (the identity document was read from its chip).',
    documentKind: "Party {n}'s document",
    documentKinds: {
      resident: 'Resident ID card',
      'gat-residence': 'HK/Macao/Taiwan residence permit',
      'foreign-permanent-2017': 'Foreign permanent resident card (2017)',
      'foreign-permanent-2023': 'Foreign permanent resident card (2023)',
      passport: 'Passport',
      'hk-macao-travel-permit': 'HK/Macao travel permit to the mainland',
      'taiwan-travel-permit': 'Taiwan travel permit to the mainland',
    },
    documentNames: documentNames('en'),
    identityNames: identityNames('en'),
    recapture: 'No longer on this terminal, capture again: {names}',
    rescanOverride: 'Scan the override document again',
    resumed: 'An open registration was resumed (what was captured before the restart is kept).',
    left: 'Other parties were identified: the previous case is not completed and stays on this terminal; printing for the new parties starts a new case.',
    complete: 'Complete and archive',
    completed: 'Completed; the case file was sent to the centre for archiving.',
    abandon: 'Abandon case',
    abandonReason: 'Reason (recorded in the audit log)',
    abandonConfirm: 'Abandon',
    abandonCancel: 'Back',
    abandonHint: "Abandoning removes the parties' data and the captured pages from this terminal; void any certificate issued in it first.",
    abandoned: 'The case was abandoned; its pages were removed from this terminal.',
    photos: 'Photos',
    photoHint: "The couple's joint photo for a marriage, each party's own for a divorce; keep the face inside the 2-inch frame.",
    photoKeys: { joint: 'Joint photo', 'party-1': "Party 1's photo", 'party-2': "Party 2's photo" },
    paperNames: paperNames(paperNameEn),
    overrideDocument: 'Override supporting document',
    outstanding: {
      'review-missing': 'national review (not asked)',
      'review-pending': 'national review (answer pending)',
      'review-hit': 'national review (a party on record as married, not overridden)',
      'certificate-J': 'marriage certificate (no J number in force)',
      'certificate-L': 'divorce certificate (no L number in force)',
      'certificate-BJ': 'replacement marriage certificate (no BJ number in force)',
      'certificate-BL': 'replacement divorce certificate (no BL number in force)',
      'divorce-receipt': 'divorce application receipt (not printed)',
      'record-certificate': 'registration record certificate (not issued)',
    },
    listSeparator: ', ',
    takePhoto: 'Take',
    scanPhoto: 'Scan photo',
    cropGuide: '2-inch photo frame (35 × 49 mm)',
    cropGuideJoint: '2-inch joint photo frame (53 × 35 mm)',
    dayReport: {
      title: 'End of day',
      show: "Today's report",
      print: 'Print report',
      send: 'Send to the centre',
      sent: 'The end-of-day report was sent to the centre.',
      updated: "Today's end-of-day report was updated; the centre keeps this one (one report per terminal and day).",
      started: 'Started',
      completed: 'Completed',
      abandonedCount: 'Abandoned',
      abandoned: '{n} case(s) abandoned',
      issued: '{n} certificate(s) issued: {numbers}',
      voided: '{n} number(s) voided: {numbers}',
      balanced: 'Booklets balance: {used} used = {issued} issued + {voided} voided',
      unbalanced: 'Booklets do not balance: {used} used, {issued} issued + {voided} voided. Count the booklets.',
      overrides: '{n} review override(s)',
    },
  },
};
