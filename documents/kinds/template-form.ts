import { PDFCheckBox, PDFDocument, PDFHexString, PDFName, PDFString, PDFTextField, type PDFField } from 'pdf-lib';
import { z } from 'zod';
import { DocumentError } from '../errors';
import type { Box, SheetItem } from '../model';
import { POINTS_PER_MM } from '../units';
import type { DocumentKind } from './kind';

const placement = z.object({
  page: z.number().int().min(0).default(0),
  x: z.number().min(0),
  y: z.number().min(0),
  width: z.number().positive(),
  height: z.number().positive(),
  size: z.number().positive().max(72).optional(),
  wrap: z.boolean().optional(),
});

const schema = z.object({
  /** The fixed PDF of the service item (the CLI reads it from a path). */
  template: z.instanceof(Uint8Array, { message: 'expected the template PDF' }),
  values: z.record(z.string(), z.string()),
  /** Text placed at coordinates (mm from the page's top-left) for templates without form fields. */
  placements: z.record(z.string(), placement).optional(),
  /** Keys that must have a value, besides form fields marked required in the template. */
  required: z.array(z.string()).optional(),
  /** zh-CN names for the missing-fields message; defaults to the form field's tooltip. */
  labels: z.record(z.string(), z.string()).optional(),
  title: z.string().optional(),
});

export type TemplateFormData = z.infer<typeof schema>;

interface Slot {
  page: number;
  box: Box;
  checkbox: boolean;
  multiline: boolean;
  required: boolean;
  label?: string;
}

const TICKED = new Set(['true', '1', 'yes', 'on', '是', '✓']);
const VALUE_SIZE = 11;

/**
 * An application form on the service item's fixed PDF: each value is drawn
 * as text into its AcroForm field's rectangle (or at a given placement), then
 * the fields are removed, so the print shows exactly what was drawn and the
 * text stays extractable. Filling fields through pdf-lib's appearance streams
 * instead would need one font per field, losing the rare-character fallback.
 */
export const templateForm: DocumentKind<TemplateFormData> = {
  name: 'application-form-template',
  title: '申请表',
  schema,
  label: (path) => path.map(String).join('.'),
  async build(data) {
    let doc: PDFDocument;
    try {
      doc = await PDFDocument.load(data.template);
    } catch (error) {
      throw new DocumentError('document-template-invalid', `Template PDF cannot be read: ${(error as Error).message}`);
    }
    const pages = doc.getPages();
    const slots = new Map<string, Slot>();
    for (const field of doc.getForm().getFields()) {
      const widget = field.acroField.getWidgets()[0];
      if (!widget) continue;
      const page = pageIndexOf(doc, field, widget.P());
      const height = (pages[page] ?? pages[0])?.getHeight() ?? 0;
      const rect = widget.getRectangle();
      const slot: Slot = {
        page,
        box: toMm(rect, height),
        checkbox: field instanceof PDFCheckBox,
        multiline: field instanceof PDFTextField && field.isMultiline(),
        required: field.isRequired(),
      };
      const label = tooltip(field);
      if (label) slot.label = label;
      slots.set(field.getName(), slot);
    }
    for (const [key, spec] of Object.entries(data.placements ?? {})) {
      slots.set(key, { page: spec.page, box: spec, checkbox: false, multiline: false, required: false });
    }

    const required = new Set([...(data.required ?? []), ...[...slots].filter(([, slot]) => slot.required).map(([key]) => key)]);
    const missing = [...required].filter((key) => !(data.values[key] ?? '').trim());
    const unplaced = Object.keys(data.values).filter((key) => !slots.has(key) && data.values[key]?.trim());
    const badPages = [...slots].filter(([, slot]) => slot.page >= pages.length).map(([key]) => key);
    const invalid = [
      ...unplaced.map((key) => ({ field: `values.${key}`, problem: 'the template has no field or placement for it' })),
      ...badPages.map((key) => ({ field: `placements.${key}`, problem: `the template has only ${pages.length} page(s)` })),
    ];
    if (missing.length > 0) {
      const labels = missing.map((key) => data.labels?.[key] ?? slots.get(key)?.label ?? key);
      throw new DocumentError('document-fields-missing', `Missing: ${missing.join(', ')}`, { missing: missing.map((key) => `values.${key}`), missingLabels: labels, invalid });
    }
    if (invalid.length > 0) {
      throw new DocumentError('document-data-invalid', `Invalid: ${invalid.map((item) => `${item.field} (${item.problem})`).join('; ')}`, { invalid });
    }

    const perPage: SheetItem[][] = pages.map(() => []);
    for (const [key, slot] of slots) {
      const value = (data.values[key] ?? '').trim();
      if (value === '') continue;
      const items = perPage[slot.page] as SheetItem[];
      if (slot.checkbox) {
        items.push({ type: 'checkbox', field: `values.${key}`, box: slot.box, checked: TICKED.has(value.toLowerCase()) });
        continue;
      }
      const spec = data.placements?.[key];
      items.push({
        type: 'text',
        field: `values.${key}`,
        text: value,
        box: slot.box,
        size: spec?.size ?? VALUE_SIZE,
        wrap: spec?.wrap ?? true,
        ...(slot.multiline ? { valign: 'top' as const, flow: true } : {}),
      });
    }
    return {
      title: data.title ?? doc.getTitle() ?? '申请表',
      template: data.template,
      removeTemplateFields: true,
      sheets: pages.map((page, index) => ({ width: page.getWidth() / POINTS_PER_MM, height: page.getHeight() / POINTS_PER_MM, templatePage: index, items: perPage[index] ?? [] })),
    };
  },
};

function pageIndexOf(doc: PDFDocument, field: PDFField, pageRef: ReturnType<ReturnType<PDFField['acroField']['getWidgets']>[number]['P']>): number {
  const pages = doc.getPages();
  if (pageRef) {
    const index = pages.findIndex((page) => page.ref === pageRef);
    if (index >= 0) return index;
  }
  const widgetRef = doc.context.getObjectRef(field.acroField.getWidgets()[0]?.dict as never);
  const page = widgetRef ? doc.findPageForAnnotationRef(widgetRef) : undefined;
  const index = page ? pages.indexOf(page) : -1;
  return index >= 0 ? index : 0;
}

function toMm(rect: { x: number; y: number; width: number; height: number }, pageHeight: number): Box {
  return {
    x: rect.x / POINTS_PER_MM,
    y: (pageHeight - rect.y - rect.height) / POINTS_PER_MM,
    width: rect.width / POINTS_PER_MM,
    height: rect.height / POINTS_PER_MM,
  };
}

function tooltip(field: PDFField): string | undefined {
  const value = field.acroField.dict.lookup(PDFName.of('TU'));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}
