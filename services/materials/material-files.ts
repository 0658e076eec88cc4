/**
 * The files a case's materials are archived as: one PDF per material, its
 * pages in the order the officer left them. A capture that is not a cleaned
 * page (held before this terminal cleaned pages) goes as it was taken.
 */
import type { CapturedMaterialRef } from '../../domain/case';
import type { ServiceItem } from '../../domain/service-item';
import type { MaterialFile } from '../../sync';
import type { CleanedPage } from '../../documents/materials/clean-page';
import { materialPdf } from '../../documents/materials/material-pdf';
import type { Capture } from '../material-captures';

export async function materialFiles(refs: readonly CapturedMaterialRef[], captures: readonly Capture[], item: ServiceItem): Promise<MaterialFile[]> {
  const pagesByKey = new Map<string, CleanedPage[]>();
  const files: MaterialFile[] = [];
  refs.forEach((ref, index) => {
    const capture = captures[index]!;
    if (capture.page) {
      const pages = pagesByKey.get(ref.materialKey) ?? [];
      pages.push(capture.page);
      pagesByKey.set(ref.materialKey, pages);
    } else {
      files.push({ materialKey: ref.materialKey, fileName: `${ref.materialKey}-${index + 1}.${capture.mimeType === 'image/jpeg' ? 'jpg' : 'bin'}`, mimeType: capture.mimeType, data: capture.data });
    }
  });
  for (const [materialKey, pages] of pagesByKey) {
    const title = item.materials.find((material) => material.key === materialKey)?.name ?? materialKey;
    files.push({ materialKey, fileName: `${materialKey}.pdf`, mimeType: 'application/pdf', data: await materialPdf(pages, title) });
  }
  return files;
}
