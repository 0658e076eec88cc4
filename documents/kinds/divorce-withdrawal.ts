import { z } from 'zod';
import { chineseDate, isoDate, labelPath, optionalText, pair, party } from './common';
import { FormSheets } from './form-sheet';
import type { DocumentKind } from './kind';

const schema = z.object({
  parties: pair(party),
  /** Day the joint application was received (at `receivingRegistry`). */
  receivedOn: isoDate,
  coolingOffEnds: isoDate,
  /** Day the withdrawal was recorded. */
  withdrawnOn: isoDate,
  /** Which party withdrew. */
  withdrawnBy: z.union([z.literal(0), z.literal(1)]),
  receivingRegistry: optionalText(60),
  registry: optionalText(60),
});

export type DivorceWithdrawalData = z.infer<typeof schema>;

/**
 * 撤回离婚登记申请确认书: given when either party withdraws the joint divorce
 * application within the cooling-off period (Civil Code art. 1077). It names
 * the application it ends and says that no registration follows from it; the
 * withdrawing party signs the registry's copy by hand.
 */
export const divorceWithdrawal: DocumentKind<DivorceWithdrawalData> = {
  name: 'divorce-withdrawal',
  title: '撤回离婚登记申请确认书',
  schema,
  label: labelPath({ receivedOn: '受理日期', coolingOffEnds: '冷静期届满日', withdrawnOn: '撤回日期', withdrawnBy: '撤回人', receivingRegistry: '受理机关', registry: '登记机关' }),
  build(data) {
    const [first, second] = data.parties;
    const withdrawer = data.parties[data.withdrawnBy];
    const form = new FormSheets().title('撤回离婚登记申请确认书').meta('', data.registry ?? '');
    form.row([
      { label: '', value: '当事人一', field: 'parties[0]' },
      { label: '', value: '当事人二', field: 'parties[1]' },
    ]);
    for (const [label, key] of [['姓名', 'name'], ['性别', 'sex'], ['国籍', 'nationality'], ['身份证件号', 'idNumber']] as const) {
      form.row([
        { label, value: first[key], field: `parties[0].${key}` },
        { label, value: second[key], field: `parties[1].${key}` },
      ]);
    }
    form.space(6);
    const where = data.receivingRegistry ? `${data.receivingRegistry}` : '婚姻登记机关';
    form.paragraph(
      'withdrawal',
      `当事人${withdrawer.name}于${chineseDate(data.withdrawnOn)}在离婚冷静期内（至${chineseDate(data.coolingOffEnds)}止）撤回双方于${chineseDate(data.receivedOn)}向${where}提交的离婚登记申请。`,
      14,
    );
    form.paragraph('effect', '该离婚登记申请已撤回，婚姻登记机关不再据此办理离婚登记。双方如仍需离婚，应当重新共同申请。', 12);
    form.signers([{ caption: '撤回人（签名并按指纹）', field: `parties[${data.withdrawnBy}].signature`, name: withdrawer.name }]);
    form.paragraph('date', `撤回日期：${chineseDate(data.withdrawnOn)}`, 8);
    return { title: '撤回离婚登记申请确认书', sheets: form.sheets };
  },
};
