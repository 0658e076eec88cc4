import type { Signature } from '../domain/signature';
import type { DocumentWarning } from './errors';

/**
 * What a document kind produces: sheets of positioned items in millimetres
 * from the sheet's top-left corner (how officers measure paper). The painter
 * turns this into PDF; kinds never touch pdf-lib, which keeps them small and
 * testable.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextItem {
  type: 'text';
  /** Layout key or data path, reported in warnings and errors. */
  field: string;
  text: string;
  box: Box;
  /** Nominal size in points. */
  size: number;
  /** Smallest size the text may shrink to before it wraps (points). */
  minSize?: number;
  align?: 'left' | 'center' | 'right';
  /** Vertical placement in the box; default 'middle'. */
  valign?: 'top' | 'middle';
  /** false keeps the text on one line (numbers, dates): it overflows with a warning instead of wrapping. */
  wrap?: boolean;
  /** Running text (declarations, long answers): wrapping is expected, so only shrinking or overflow is reported. */
  flow?: boolean;
  /** Labels and headings are ours, not the caller's data: fitted like any text but never reported. */
  fixed?: boolean;
}

export interface LineItem {
  type: 'line';
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** Stroke width in points. */
  thickness?: number;
}

export interface RectItem {
  type: 'rect';
  box: Box;
  thickness?: number;
}

export interface CheckboxItem {
  type: 'checkbox';
  field: string;
  box: Box;
  checked: boolean;
}

export interface SignatureItem {
  type: 'signature';
  field: string;
  box: Box;
  signature: Signature;
}

/** A JPEG (a photo) fitted into its box, keeping its proportions, centred. */
export interface ImageItem {
  type: 'image';
  field: string;
  box: Box;
  jpeg: Uint8Array;
}

export type SheetItem = TextItem | LineItem | RectItem | CheckboxItem | SignatureItem | ImageItem;

export interface Sheet {
  /** Sheet size in millimetres; ignored when drawing onto a template page. */
  width: number;
  height: number;
  /** Index of the template page to draw on, when the document has a template. */
  templatePage?: number;
  items: SheetItem[];
}

export interface DocumentModel {
  title: string;
  sheets: Sheet[];
  /** A fixed PDF whose pages the sheets are drawn onto (application form templates). */
  template?: Uint8Array;
  /** Form fields of the template to remove once their values are drawn as text. */
  removeTemplateFields?: boolean;
  /** Found while building (e.g. a field left blank on purpose); painting adds its own. */
  warnings?: DocumentWarning[];
}
