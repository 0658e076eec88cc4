/**
 * Marriage registries by administrative division code, for deriving the
 * registry printed on a certificate from its number (J310104-… → 徐汇区).
 * Only Shanghai's 16 districts are known; other codes must be given in the
 * data. The central configuration should replace this when it carries names.
 */
const SHANGHAI_DISTRICTS: Record<string, string> = {
  '310101': '黄浦区',
  '310104': '徐汇区',
  '310105': '长宁区',
  '310106': '静安区',
  '310107': '普陀区',
  '310109': '虹口区',
  '310110': '杨浦区',
  '310112': '闵行区',
  '310113': '宝山区',
  '310114': '嘉定区',
  '310115': '浦东新区',
  '310116': '金山区',
  '310117': '松江区',
  '310118': '青浦区',
  '310120': '奉贤区',
  '310151': '崇明区',
};

export function registryForDivision(code: string): string | undefined {
  const district = SHANGHAI_DISTRICTS[code];
  return district ? `上海市${district}民政局` : undefined;
}
