/** Sample data for the engine's tests (the CLI's sample files live in fixtures/documents). */
import type { Signature, SignaturePoint } from '../../domain/signature';
import type { ServiceItem } from '../../domain/service-item';

export const parties = [
  { name: '张伟', sex: '男', nationality: '中国', birthDate: '1994-03-15', idNumber: '310104199403152316' },
  { name: '李娜', sex: '女', nationality: '中国', birthDate: '1996-11-02', idNumber: '31010519961102002X' },
];

export const certificate = { number: 'J310104-2026-000123', registeredOn: '2026-05-20', registrar: '王芳', parties };

export const declaration = {
  parties: [
    { ...parties[0], ethnicity: '汉族', occupation: '工程师', education: '大学本科' },
    { ...parties[1], ethnicity: '回族', occupation: '教师', education: '硕士研究生' },
  ],
  date: '2026-05-20',
  registry: '上海市徐汇区民政局',
  registrar: '王芳',
  caseNumber: 'HY2026052000017',
};

export const review = {
  parties,
  documentsChecked: ['居民身份证', '申请结婚登记声明书'],
  nationalReview: '经全国婚姻登记信息系统查询，双方均无婚姻登记记录。',
  reviewOpinion: '双方自愿结婚，符合结婚登记条件。',
  registrar: '王芳',
  reviewedOn: '2026-05-20',
  decision: 'approved',
  certificateNumber: 'J310104-2026-000123',
  registeredOn: '2026-05-20',
  approver: '赵敏',
};

/** A zig-zag with a pen lift in the middle, pressure rising along each stroke. */
export function zigzag(aspectRatio?: number): Signature {
  const points: SignaturePoint[] = [];
  for (let i = 0; i <= 20; i++) points.push({ x: 0.05 + i * 0.02, y: i % 2 ? 0.2 : 0.8, pressure: 0.2 + i * 0.03, t: i * 8 });
  points.push({ x: 0.45, y: 0.8, pressure: 0, t: 170 });
  for (let i = 0; i <= 20; i++) points.push({ x: 0.55 + i * 0.02, y: i % 2 ? 0.8 : 0.2, pressure: 0.9, t: 180 + i * 8 });
  return aspectRatio === undefined ? { points } : { points, aspectRatio };
}

export const serviceItem: ServiceItem = {
  id: 'item-child-allowance',
  code: 'SH-MZ-0421',
  name: '困境儿童基本生活费',
  category: '社会救助',
  revision: 3,
  formSchema: [
    { key: 'childName', label: '儿童姓名', type: 'text', required: true },
    { key: 'childIdNumber', label: '儿童身份证号', type: 'id-number', required: true },
    { key: 'birthDate', label: '出生日期', type: 'date', required: true },
    { key: 'guardianName', label: '监护人姓名', type: 'text', required: true, prefill: 'name' },
    {
      key: 'relation',
      label: '与儿童关系',
      type: 'select',
      required: true,
      options: [
        { value: 'parent', label: '父母' },
        { value: 'grandparent', label: '祖父母' },
      ],
    },
    { key: 'phone', label: '联系电话', type: 'phone', required: false },
    { key: 'situation', label: '家庭情况说明', type: 'textarea', required: false },
  ],
  materials: [
    { key: 'id', name: '儿童及监护人身份证', required: true },
    { key: 'proof', name: '困境情形证明材料', required: false },
  ],
  signers: ['applicant', 'guardian', 'agent'],
  pledge: '本人承诺所填信息及所交材料真实、完整、有效，如有虚假，愿承担相应法律责任。',
};

export const application = {
  serviceItem,
  values: {
    childName: '陈小雨',
    childIdNumber: '310104201504150023',
    birthDate: '2015-04-15',
    guardianName: '陈建国',
    relation: 'grandparent',
    situation: '儿童父母均因病丧失劳动能力，由祖父陈建国抚养。',
  },
  caseNumber: 'SQ2026052000042',
  date: '2026-05-20',
  signatures: { applicant: zigzag(2.5), guardian: zigzag(2.5) },
  signerNames: { agent: '刘洋' },
  pledgeAccepted: true,
  pledgeSignature: zigzag(2.5),
  materials: ['id'],
};

export const pledge = {
  serviceName: '困境儿童基本生活费',
  pledge: '本人承诺所填信息及所交材料真实、完整、有效。',
  accepted: true,
  signerName: '陈建国',
  signature: zigzag(),
  date: '2026-05-20',
};
