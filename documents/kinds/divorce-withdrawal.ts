import { z } from 'zod';
import { chineseDate, isoDate, labelPath, optionalText, pair, party } from './common';
import type { DocumentKind } from './kind';
import { registryPaper } from './registry-paper';

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
    const withdrawer = data.parties[data.withdrawnBy];
    const where = data.receivingRegistry ?? '婚姻登记机关';
    return registryPaper({
      title: '撤回离婚登记申请确认书',
      registry: data.registry,
      people: { couple: data.parties },
      paragraphs: [
        {
          field: 'withdrawal',
          text: `当事人${withdrawer.name}于${chineseDate(data.withdrawnOn)}在离婚冷静期内（至${chineseDate(data.coolingOffEnds)}止）撤回双方于${chineseDate(data.receivedOn)}向${where}提交的离婚登记申请。`,
          height: 14,
        },
        { field: 'effect', text: '该离婚登记申请已撤回，婚姻登记机关不再据此办理离婚登记。双方如仍需离婚，应当重新共同申请。', height: 12 },
      ],
      signers: [{ caption: '撤回人（签名并按指纹）', field: `parties[${data.withdrawnBy}].signature`, name: withdrawer.name }],
      dated: { label: '撤回日期', on: data.withdrawnOn },
    });
  },
};
