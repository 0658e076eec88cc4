/**
 * HTML equivalents of the benchmarked documents, for the Chromium baseline:
 * the same text at the same millimetre positions (certificate) or the same
 * table, boxes and signature strokes (application form), in the same font.
 */
import layout from '../../documents/layouts/marriage-certificate.json';
import { signatureStrokes, type Signature } from '../../domain/signature';
import type { ServiceItem } from '../../domain/service-item';

const FONT = "font-family: 'Noto Sans CJK SC', sans-serif;";

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const chineseDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日');

interface CertificateInput {
  number: string;
  registeredOn: string;
  registrar: string;
  holder: number;
  parties: { name: string; sex: string; nationality: string; birthDate: string; idNumber: string }[];
}

export function certificateHtml(data: CertificateInput): string {
  const values: Record<string, string> = {
    registry: '上海市徐汇区民政局',
    registrar: data.registrar,
    holder: data.parties[data.holder]?.name ?? '',
    registeredOn: chineseDate(data.registeredOn),
    number: data.number,
  };
  data.parties.forEach((party, index) => {
    values[`parties[${index}].name`] = party.name;
    values[`parties[${index}].sex`] = party.sex;
    values[`parties[${index}].nationality`] = party.nationality;
    values[`parties[${index}].birthDate`] = chineseDate(party.birthDate);
    values[`parties[${index}].idNumber`] = party.idNumber;
  });
  const fields = layout.fields as Record<string, { x: number; y: number; width: number; height: number }>;
  const divs = Object.entries(values)
    .map(([key, text]) => {
      const box = fields[key];
      if (!box) return '';
      return `<div style="position:absolute;left:${box.x}mm;top:${box.y}mm;width:${box.width}mm;height:${box.height}mm;display:flex;align-items:center;font-size:11pt;white-space:nowrap">${escape(text)}</div>`;
    })
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:190mm 130mm;margin:0}body{margin:0;${FONT}}</style></head><body><div style="position:relative;width:190mm;height:130mm">${divs}</div></body></html>`;
}

export interface ApplicationInput {
  serviceItem: ServiceItem;
  values: Record<string, string>;
  caseNumber?: string;
  date?: string;
  signatures?: Partial<Record<string, Signature>>;
  pledgeSignature?: Signature;
  signerNames?: Partial<Record<string, string>>;
  materials?: string[];
}

function signatureSvg(signature: Signature | undefined): string {
  if (!signature) return '';
  const lines = signatureStrokes(signature.points)
    .map((stroke) => `<polyline fill="none" stroke="#005" stroke-width="0.012" stroke-linecap="round" points="${stroke.map((point) => `${point.x},${point.y}`).join(' ')}"/>`)
    .join('');
  return `<svg viewBox="0 0 1 1" preserveAspectRatio="none" style="width:100%;height:100%">${lines}</svg>`;
}

export function applicationHtml(data: ApplicationInput): string {
  const item = data.serviceItem;
  const rows = item.formSchema
    .map((field) => {
      let value = data.values[field.key] ?? '';
      if (field.type === 'date') value = chineseDate(value);
      if (field.type === 'select') value = field.options?.find((option) => option.value === value)?.label ?? value;
      return `<tr><th>${escape(field.label)}</th><td>${escape(value)}</td></tr>`;
    })
    .join('');
  const materials = item.materials
    .map((material) => `<div>${data.materials?.includes(material.key) ? '✓' : '□'} ${escape(material.name)}${material.required ? '（必交）' : ''}</div>`)
    .join('');
  const captions: Record<string, string> = { applicant: '申请人（签名）', guardian: '监护人（签名）', agent: '代理人（签名）' };
  const signers = item.signers
    .map((role) => `<div class="signer"><div>${captions[role]}</div><div class="box">${signatureSvg(data.signatures?.[role])}</div><div>${escape(data.signerNames?.[role] ?? '')}</div></div>`)
    .join('');
  const pledge = item.pledge
    ? `<h2>告知承诺</h2><p>✓ ${escape(item.pledge)}</p><div class="signer"><div>承诺人（签名）</div><div class="box">${signatureSvg(data.pledgeSignature)}</div></div>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page{size:A4;margin:18mm}body{${FONT}font-size:11pt}h1{text-align:center;font-size:18pt;font-weight:normal}h2{font-size:12pt;font-weight:normal}
table{width:100%;border-collapse:collapse}th,td{border:0.6pt solid #000;padding:1mm 2mm;height:8mm}th{width:26mm;font-weight:normal;font-size:10.5pt}
.signer{display:inline-block;width:54mm;margin-right:6mm;font-size:10pt}.box{border:0.6pt solid #000;height:22mm}
</style></head><body><h1>${escape(item.name)}申请表</h1><div>编号：${escape(data.caseNumber ?? '')}<span style="float:right">日期：${chineseDate(data.date ?? '')}</span></div>
<h2>申请信息</h2><table>${rows}</table><h2>申请材料</h2>${materials}<h2>签名</h2>${signers}${pledge}</body></html>`;
}
