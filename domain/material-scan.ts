/**
 * How a material's pages are archived: the resolution and colour mode a
 * service item asks for each material (text pages grey or bilevel, photos
 * colour), and the size a page may take in the archive. Archivists size the
 * e-archive by page, so the budget is per page, not per material.
 */
export const PAGE_COLOURS = ['bilevel', 'grey', 'colour'] as const;
export type PageColour = (typeof PAGE_COLOURS)[number];

export interface MaterialScanProfile {
  resolutionDpi: number;
  colour: PageColour;
}

/** A text page when the item says nothing: grey at 200 dpi is legible for print and handwriting. */
export const DEFAULT_SCAN_PROFILE: MaterialScanProfile = { resolutionDpi: 200, colour: 'grey' };

/**
 * The most one A4 page may take in a material's PDF, by colour mode, at up to
 * 300 dpi (README, "Materials": the figures measured against it).
 */
export const PAGE_BUDGET_BYTES: Record<PageColour, number> = {
  bilevel: 150 * 1024,
  grey: 450 * 1024,
  colour: 900 * 1024,
};

/** The scanner mode to ask for: bilevel pages are scanned grey and thresholded after deskewing (sharper edges). */
export function scannerModeFor(colour: PageColour): 'Gray' | 'Color' {
  return colour === 'colour' ? 'Color' : 'Gray';
}
