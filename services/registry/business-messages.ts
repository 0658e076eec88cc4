/** Officer-facing text of the registry businesses' error codes (divorce applications, replacements, record certificates). */
type Message = { 'zh-CN': string; en: string };

export const REGISTRY_BUSINESS_MESSAGES: Record<string, Message> = {
  'registry-centre-unreachable': {
    'zh-CN': '暂时无法连接婚姻登记信息系统，本次业务未办理、未打印。请检查网络后重试。',
    en: 'The marriage registration system cannot be reached; nothing was done or printed. Check the network and try again.',
  },
  'registry-centre-refused': {
    'zh-CN': '婚姻登记信息系统拒绝了本次业务（{reason}），未打印。',
    en: 'The marriage registration system refused this step ({reason}); nothing was printed.',
  },
  'registry-centre-invalid-payload': {
    'zh-CN': '婚姻登记信息系统认为提交的内容不完整或格式不正确（请核对双方的姓名、性别、国籍、出生日期和证件号码），本次业务未办理、未打印。',
    en: "The marriage registration system found the data incomplete or malformed (check both parties' name, sex, nationality, birth date and ID number); nothing was done or printed.",
  },
  'registry-record-certificate-unknown': {
    'zh-CN': '婚姻登记记录证明（{number}）不是本登记台出具的，或本机已重新启动，不能补打；如需要请重新出具。',
    en: 'Record certificate {number} was not issued at this desk (or the terminal has restarted); it cannot be reprinted. Issue a new one if needed.',
  },
  'registry-marriage-not-today': {
    'zh-CN': '婚姻登记信息系统的日期与本机登记日期不一致，结婚登记未录入、结婚证未打印。请核对本机时间后重试。',
    en: "The registration system's date differs from the registration date here; the marriage was not recorded and nothing printed. Check the terminal clock and try again.",
  },
  'registry-divorce-application-not-withdrawn': {
    'zh-CN': '该离婚登记申请（{receivedOn} 受理）没有撤回记录，不能补打撤回确认书。',
    en: 'The divorce application received on {receivedOn} has not been withdrawn; there is no withdrawal confirmation to reprint.',
  },
  'registry-party-missing': {
    'zh-CN': '请先读取当事人的身份证件（或填写姓名和证件号）。',
    en: "Read the party's identity document first (or type the name and number).",
  },
  'registry-divorce-application-pending': {
    'zh-CN': '当事人已有一份尚未办结的离婚登记申请（在冷静期或发证期内），不能重复申请。请查找该申请办理撤回或登记。',
    en: 'A party already has a pending divorce application (in its cooling-off period or window); look it up to withdraw or register it.',
  },
  'registry-divorce-application-not-today': {
    'zh-CN': '离婚登记申请只能以当天为受理日期，请核对本机时间后重试。',
    en: 'A divorce application is received today only; check the terminal clock and try again.',
  },
  'registry-divorce-application-same-person': {
    'zh-CN': '双方当事人为同一人，不能受理离婚登记申请。',
    en: 'Both parties are the same person; the application cannot be received.',
  },
  'registry-divorce-application-not-found': {
    'zh-CN': '未找到该离婚登记申请，请先按当事人证件号查找。',
    en: 'The divorce application was not found; look it up by the parties\' ID numbers first.',
  },
  'registry-divorce-application-not-pending': {
    'zh-CN': '该离婚登记申请已撤回、已登记或已过发证期，不能再办理。',
    en: 'The divorce application has been withdrawn, registered or has lapsed; nothing more can be done with it.',
  },
  'registry-divorce-application-withdrawn': {
    'zh-CN': '该离婚登记申请（{receivedOn} 受理）已撤回，不能办理离婚登记。双方如仍需离婚，须重新申请。',
    en: 'The divorce application received on {receivedOn} was withdrawn; no registration can follow. The couple must apply again.',
  },
  'registry-divorce-application-registered': {
    'zh-CN': '该离婚登记申请（{receivedOn} 受理）已办理离婚登记，不能再次办理或撤回。',
    en: 'The divorce application received on {receivedOn} has already been registered.',
  },
  'registry-divorce-application-lapsed': {
    'zh-CN': '该离婚登记申请（{receivedOn} 受理）已超过发证期限（{windowCloses}），视为撤回，不能办理。双方如仍需离婚，须重新申请。',
    en: 'The divorce application received on {receivedOn} passed its window ({windowCloses}) and counts as withdrawn; the couple must apply again.',
  },
  'registry-withdrawal-after-cooling-off': {
    'zh-CN': '离婚冷静期已于 {coolingOffEnds} 届满，不能再撤回离婚登记申请。双方可在 {windowOpens} 至 {windowCloses} 共同申请发给离婚证，逾期未申请的视为撤回。',
    en: 'The cooling-off period ended on {coolingOffEnds}; the application can no longer be withdrawn. Both may come for the certificate from {windowOpens} to {windowCloses}; otherwise it counts as withdrawn.',
  },
  'registry-divorce-withdrawal-too-late': {
    'zh-CN': '婚姻登记信息系统显示离婚冷静期已届满，不能再撤回离婚登记申请。',
    en: 'The registration system shows the cooling-off period has ended; the application can no longer be withdrawn.',
  },
  'registry-divorce-withdrawal-not-party': {
    'zh-CN': '只有该离婚登记申请的当事人本人才能撤回申请。',
    en: 'Only a party to the divorce application may withdraw it.',
  },
  'registry-divorce-cooling-off': {
    'zh-CN': '婚姻登记信息系统显示该申请仍在离婚冷静期内，暂不能发给离婚证。',
    en: 'The registration system shows the application is still in its cooling-off period; no certificate yet.',
  },
  'registry-divorce-application-missing': {
    'zh-CN': '请先读取双方证件并查找离婚登记申请，再打印离婚证。',
    en: "Read both parties' documents and look up the divorce application before printing the certificate.",
  },
  'registry-divorce-application-other-parties': {
    'zh-CN': '离婚证上的当事人与所查找的离婚登记申请不一致，请重新读取双方证件并查找。',
    en: 'The parties on the certificate are not those of the application found; read both documents and look it up again.',
  },
  'registry-registration-not-today': {
    'zh-CN': '登记日期须为办理当天（{today}）。',
    en: 'The registration date must be today ({today}).',
  },
  'registry-marriage-record-not-found': {
    'zh-CN': '婚姻登记信息系统中没有与“{name}”的证件号和姓名相符的结婚登记记录，不能补领结婚证。请核对证件号与姓名，或请当事人到原登记机关查询。',
    en: 'The registration system holds no marriage registration matching the ID number and name of "{name}"; no replacement can be issued. Check both, or refer the applicant to the original registry.',
  },
  'registry-divorce-record-not-found': {
    'zh-CN': '婚姻登记信息系统中没有与“{name}”的证件号和姓名相符的离婚登记记录，不能补领离婚证。请核对证件号与姓名，或请当事人到原登记机关查询。',
    en: 'The registration system holds no divorce registration matching the ID number and name of "{name}"; no replacement can be issued. Check both, or refer the applicant to the original registry.',
  },
  'registry-marriage-dissolved': {
    'zh-CN': '该婚姻已于 {date} 办理离婚登记（{number}），不能补领结婚证；如需要，可补领离婚证。',
    en: 'This marriage was dissolved on {date} ({number}); no marriage certificate replacement. A divorce certificate replacement is possible.',
  },
  'registry-replacement-original-missing': {
    'zh-CN': '补领证书须先按当事人证件号和姓名查找原登记记录。',
    en: 'A replacement needs the original registration, looked up by the applicant\'s ID number and name.',
  },
  'registry-replacement-differs': {
    'zh-CN': '补领证书的登记日期、当事人或备注与原登记记录（{number}）不一致，请重新查找后打印。',
    en: 'The replacement\'s date, parties or remarks differ from the original registration ({number}); look it up again before printing.',
  },
};
