import { z } from 'zod';
import { BUSINESS_TITLES, REGISTRY_BUSINESSES } from '../../domain/registry/business';
import { chineseDate, isoDate, labelPath, optionalText } from './common';
import { FormSheets } from './form-sheet';
import type { DocumentKind } from './kind';

const count = z.number().int().min(0);
const schema = z.object({
  day: isoDate,
  registryCode: z.string().max(12),
  registry: optionalText(60),
  businesses: z.array(z.object({ business: z.enum(REGISTRY_BUSINESSES), started: count, completed: count, abandoned: count.default(0) })),
  certificates: z.object({
    issued: z.array(z.object({ number: z.string().max(40), type: z.string().max(4) })),
    voided: z.array(z.object({ number: z.string().max(40), type: z.string().max(4), reason: z.string().max(20) })),
  }),
  booklets: z.object({ used: count, issued: count, voided: count, balanced: z.boolean() }),
  overrides: z.array(z.object({ reviewId: z.string().max(64), reason: z.string().max(2000), at: z.string().max(40) })),
  abandoned: z.array(z.object({ caseId: z.string().max(64), business: z.enum(REGISTRY_BUSINESSES), reason: z.string().max(500), at: z.string().max(40) })).default([]),
  generatedAt: z.string().max(40),
});

export type RegistryDayReportData = z.infer<typeof schema>;

const VOID_REASONS: Record<string, string> = { spoiled: '打印损坏', expired: '号段过期', unused: '未使用', other: '其他' };
const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * 婚姻登记处日终报表: the desk's day for the registry's records and the
 * booklet stock check (booklets used = certificates issued + voided).
 */
export const registryDayReport: DocumentKind<RegistryDayReportData> = {
  name: 'registry-day-report',
  title: '婚姻登记日终报表',
  schema,
  label: labelPath({ day: '日期', registry: '登记机关' }),
  build(data) {
    const form = new FormSheets().title('婚姻登记日终报表').meta(`日期：${chineseDate(data.day)}`, data.registry ?? `登记机关代码 ${data.registryCode}`);
    form.heading('业务量');
    data.businesses.forEach((entry, index) => {
      const abandoned = entry.abandoned > 0 ? `，放弃 ${entry.abandoned} 件` : '';
      form.row([{ label: BUSINESS_TITLES[entry.business], value: `受理 ${entry.started} 件，办结 ${entry.completed} 件${abandoned}`, field: `businesses[${index}]`, share: 2 }]);
    });
    form.heading('证书发放与作废');
    const issued = data.certificates.issued.map((entry) => entry.number).join('、') || '无';
    const voided = data.certificates.voided.map((entry) => `${entry.number}（${VOID_REASONS[entry.reason] ?? entry.reason}）`).join('、') || '无';
    form.block('certificates.issued', `发放 ${data.certificates.issued.length} 本：${issued}`, 16, 10, '发放');
    form.block('certificates.voided', `作废 ${data.certificates.voided.length} 个：${voided}`, 16, 10, '作废');
    form.heading('证书簿册核对');
    form.row([
      { label: '领用簿册', value: `${data.booklets.used} 本`, field: 'booklets.used' },
      { label: '发放 + 作废', value: `${data.booklets.issued} + ${data.booklets.voided} = ${data.booklets.issued + data.booklets.voided} 本`, field: 'booklets.sum' },
    ]);
    form.row([{ label: '核对结果', value: data.booklets.balanced ? '相符' : '不符，请清点簿册并说明原因', field: 'booklets.balanced' }]);
    form.heading('审查结果继续办理（在婚记录）');
    const overrides = data.overrides.map((entry) => `${timeFormat.format(new Date(entry.at))} ${entry.reason}`).join('\n') || '无';
    form.block('overrides', overrides, Math.max(12, 7 * data.overrides.length + 5), 10, `共 ${data.overrides.length} 件`);
    form.heading('放弃的办件');
    const abandoned = data.abandoned.map((entry) => `${timeFormat.format(new Date(entry.at))} ${BUSINESS_TITLES[entry.business]} ${entry.caseId.slice(0, 8).toUpperCase()}：${entry.reason}`).join('\n') || '无';
    form.block('abandoned', abandoned, Math.max(12, 7 * data.abandoned.length + 5), 10, `共 ${data.abandoned.length} 件`);
    form.space(8);
    form.signers([
      { caption: '婚姻登记员（签名）', field: 'registrar.signature' },
      { caption: '负责人（签名）', field: 'head.signature' },
    ]);
    return { title: '婚姻登记日终报表', sheets: form.sheets };
  },
};
