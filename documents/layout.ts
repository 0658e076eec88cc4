import { z } from 'zod';
import { DocumentError } from './errors';
import { formatPath } from './validate';

/**
 * An overlay layout: where each variable text goes on pre-printed stock, in
 * millimetres from the sheet's top-left corner. Layouts are JSON files under
 * documents/layouts/ so admins can adjust them to the stock without a release.
 */
const fieldSchema = z.object({
  x: z.number().min(0),
  y: z.number().min(0),
  width: z.number().positive(),
  height: z.number().positive(),
  size: z.number().positive().max(72).optional(),
  minSize: z.number().positive().max(72).optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
  valign: z.enum(['top', 'middle']).optional(),
  wrap: z.boolean().optional(),
});

export const overlayLayoutSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    page: z.object({ width: z.number().positive().max(1000), height: z.number().positive().max(1000) }),
    text: z.object({ size: z.number().positive().max(72), minSize: z.number().positive().max(72) }),
    fields: z.record(z.string(), fieldSchema),
  })
  .superRefine((layout, context) => {
    for (const [key, field] of Object.entries(layout.fields)) {
      if (field.x + field.width > layout.page.width + 1e-9 || field.y + field.height > layout.page.height + 1e-9) {
        context.addIssue({ code: 'custom', path: ['fields', key], message: 'box extends past the page' });
      }
    }
  });

export type OverlayLayout = z.infer<typeof overlayLayoutSchema>;
export type OverlayField = OverlayLayout['fields'][string];

/** Validates a layout (parsed JSON), naming every problem; `requiredFields` must all be present. */
export function parseOverlayLayout(json: unknown, requiredFields: readonly string[] = []): OverlayLayout {
  const result = overlayLayoutSchema.safeParse(json);
  const problems = result.success ? [] : result.error.issues.map((issue) => ({ field: formatPath(issue.path), problem: issue.message }));
  if (result.success) {
    for (const key of requiredFields) {
      if (!(key in result.data.fields)) problems.push({ field: `fields.${key}`, problem: 'no position for this field' });
    }
  }
  if (!result.success || problems.length > 0) {
    throw new DocumentError('document-layout-invalid', `Layout invalid: ${problems.map((p) => `${p.field} (${p.problem})`).join('; ')}`, { invalid: problems });
  }
  return result.data;
}
