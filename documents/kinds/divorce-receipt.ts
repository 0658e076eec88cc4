import { z } from 'zod';
import { chineseDate, isoDate, labelPath, optionalText, pair, party } from './common';
import type { DocumentKind } from './kind';
import { registryPaper } from './registry-paper';

const schema = z.object({
  parties: pair(party),
  /** Day the registry received the joint application. */
  receivedOn: isoDate,
  /** Last day of the 30-day cooling-off period, on the working-day calendar. */
  coolingOffEnds: isoDate,
  windowOpens: isoDate,
  windowCloses: isoDate,
  registry: optionalText(60),
  caseNumber: optionalText(40),
});

export type DivorceReceiptData = z.infer<typeof schema>;

/**
 * 离婚登记申请受理回执: handed to both parties when the registry receives
 * their joint divorce application, with the dates that matter to them
 * (Civil Code arts. 1077): either may withdraw until the cooling-off period
 * ends; both must then appear within the window, or the application counts
 * as withdrawn.
 */
export const divorceReceipt: DocumentKind<DivorceReceiptData> = {
  name: 'divorce-receipt',
  title: '离婚登记申请受理回执',
  schema,
  label: labelPath({ receivedOn: '受理日期', coolingOffEnds: '冷静期届满日', windowOpens: '发证期起', windowCloses: '发证期止', registry: '登记机关', caseNumber: '编号' }),
  build(data) {
    const [first, second] = data.parties;
    return registryPaper({
      title: '离婚登记申请受理回执',
      caseNumber: data.caseNumber,
      registry: data.registry,
      people: { couple: data.parties },
      paragraphs: [
        { field: 'receivedOn', text: `本机关于${chineseDate(data.receivedOn)}受理你们的离婚登记申请。`, height: 12 },
        {
          field: 'coolingOffEnds',
          text: `自受理之日起三十日内（至${chineseDate(data.coolingOffEnds)}止），任何一方不愿意离婚的，可以持本回执向婚姻登记机关撤回离婚登记申请。`,
          height: 12,
        },
        {
          field: 'window',
          text: `上述期限届满后三十日内（${chineseDate(data.windowOpens)}至${chineseDate(data.windowCloses)}），双方应当亲自到婚姻登记机关申请发给离婚证；未申请的，视为撤回离婚登记申请。`,
          height: 12,
        },
      ],
      signers: [
        { caption: '当事人一（签名）', field: 'parties[0].signature', name: first.name },
        { caption: '当事人二（签名）', field: 'parties[1].signature', name: second.name },
      ],
      dated: { label: '受理日期', on: data.receivedOn },
    });
  },
};
