import type { Signature } from '../../domain/signature';
import type { Box, Sheet, SheetItem } from '../model';
import { A4 } from '../units';

/** One labelled value in a table row. `share` is its part of the row width (default equal). */
export interface Cell {
  label: string;
  value: string;
  /** Data path reported in warnings. */
  field: string;
  share?: number;
  /** Numbers and dates stay on one line. */
  wrap?: boolean;
}

export interface SignerBox {
  /** Printed above the box, e.g. 申请人（签名）. */
  caption: string;
  field: string;
  signature?: Signature | undefined;
  /** Printed name under the box so a scan shows whose signature it is. */
  name?: string | undefined;
}

const MARGIN = 18;
const LABEL_WIDTH = 26;
const LABEL_SIZE = 10.5;
const VALUE_SIZE = 11;
const MIN_VALUE_SIZE = 7.5;

/**
 * Lays out printed A4 forms top to bottom: title, tables of labelled values,
 * text blocks, signer boxes and pledges, starting a new sheet when the next
 * block would cross the bottom margin. Frames and labels are drawn here
 * because these forms go on plain paper (unlike the certificate overlay).
 */
export class FormSheets {
  readonly sheets: Sheet[] = [];
  private items: SheetItem[] = [];
  private y = MARGIN;
  private readonly width = A4.width - 2 * MARGIN;

  constructor() {
    this.newSheet();
  }

  title(text: string): this {
    this.add({ type: 'text', field: 'title', text, box: { x: MARGIN, y: this.y, width: this.width, height: 12 }, size: 18, align: 'center', fixed: true });
    this.y += 15;
    return this;
  }

  /** A small line above the table, e.g. the case number on the left and the date on the right. */
  meta(left: string, right: string): this {
    const half = this.width / 2;
    if (left) this.add({ type: 'text', field: 'meta', text: left, box: { x: MARGIN, y: this.y, width: half, height: 6 }, size: 10, fixed: true });
    if (right) this.add({ type: 'text', field: 'meta', text: right, box: { x: MARGIN + half, y: this.y, width: half, height: 6 }, size: 10, align: 'right', fixed: true });
    this.y += 7;
    return this;
  }

  heading(text: string): this {
    this.ensure(10);
    this.add({ type: 'text', field: 'heading', text, box: { x: MARGIN, y: this.y, width: this.width, height: 8 }, size: 12, fixed: true });
    this.y += 9;
    return this;
  }

  /** A bordered row of label/value cells. */
  row(cells: Cell[], height = 9): this {
    this.ensure(height);
    const totalShare = cells.reduce((sum, cell) => sum + (cell.share ?? 1), 0);
    let x = MARGIN;
    for (const cell of cells) {
      const cellWidth = (this.width * (cell.share ?? 1)) / totalShare;
      const labelWidth = Math.min(LABEL_WIDTH, cellWidth / 2);
      this.add({ type: 'rect', box: { x, y: this.y, width: labelWidth, height } });
      this.add({ type: 'rect', box: { x: x + labelWidth, y: this.y, width: cellWidth - labelWidth, height } });
      this.add({ type: 'text', field: `${cell.field}:label`, text: cell.label, box: inset({ x, y: this.y, width: labelWidth, height }), size: LABEL_SIZE, minSize: 6, align: 'center', fixed: true });
      if (cell.value !== '') {
        this.add({
          type: 'text',
          field: cell.field,
          text: cell.value,
          box: inset({ x: x + labelWidth, y: this.y, width: cellWidth - labelWidth, height }),
          size: VALUE_SIZE,
          minSize: MIN_VALUE_SIZE,
          wrap: cell.wrap ?? true,
        });
      }
      x += cellWidth;
    }
    this.y += height;
    return this;
  }

  /** A bordered block of running text (declarations, opinions, long answers). */
  block(field: string, text: string, height: number, size = VALUE_SIZE, label?: string): this {
    this.ensure(height);
    const labelWidth = label ? LABEL_WIDTH : 0;
    if (label) {
      this.add({ type: 'rect', box: { x: MARGIN, y: this.y, width: labelWidth, height } });
      this.add({ type: 'text', field: `${field}:label`, text: label, box: inset({ x: MARGIN, y: this.y, width: labelWidth, height }), size: LABEL_SIZE, minSize: 6, align: 'center', fixed: true });
    }
    const box = { x: MARGIN + labelWidth, y: this.y, width: this.width - labelWidth, height };
    this.add({ type: 'rect', box });
    if (text !== '') this.add({ type: 'text', field, text, box: inset(box, 2), size, minSize: MIN_VALUE_SIZE, valign: 'top', flow: true });
    this.y += height;
    return this;
  }

  /** Running text without a frame. */
  paragraph(field: string, text: string, height: number, size = VALUE_SIZE): this {
    this.ensure(height);
    this.add({ type: 'text', field, text, box: { x: MARGIN, y: this.y, width: this.width, height }, size, minSize: MIN_VALUE_SIZE, valign: 'top', flow: true });
    this.y += height;
    return this;
  }

  /** Signature boxes side by side (up to three per line), one per signer. */
  signers(boxes: SignerBox[], boxHeight = 22): this {
    const perLine = Math.min(3, Math.max(1, boxes.length));
    const gap = 6;
    // Wide enough for a handwritten name, not the whole page width.
    const boxWidth = Math.min(80, (this.width - gap * (perLine - 1)) / perLine);
    for (let start = 0; start < boxes.length; start += perLine) {
      this.ensure(boxHeight + 14);
      boxes.slice(start, start + perLine).forEach((signer, column) => {
        const x = MARGIN + column * (boxWidth + gap);
        this.add({ type: 'text', field: `${signer.field}:caption`, text: signer.caption, box: { x, y: this.y, width: boxWidth, height: 6 }, size: 10, minSize: 6, fixed: true });
        const box = { x, y: this.y + 6, width: boxWidth, height: boxHeight };
        this.add({ type: 'rect', box });
        if (signer.signature) this.add({ type: 'signature', field: signer.field, box: inset(box, 1.5), signature: signer.signature });
        if (signer.name) this.add({ type: 'text', field: `${signer.field}:name`, text: signer.name, box: { x, y: this.y + 6 + boxHeight, width: boxWidth, height: 6 }, size: 9, minSize: 6, align: 'center' });
      });
      this.y += boxHeight + 14;
    }
    return this;
  }

  /** A pledge the resident ticks instead of copying it out by hand, then signs. */
  pledge(field: string, text: string, accepted: boolean, signer: SignerBox, textHeight = 24): this {
    this.ensure(textHeight + 42);
    this.add({ type: 'checkbox', field: `${field}:accepted`, box: { x: MARGIN, y: this.y + 1, width: 4.5, height: 4.5 }, checked: accepted });
    this.add({ type: 'text', field, text, box: { x: MARGIN + 7, y: this.y, width: this.width - 7, height: textHeight }, size: 10.5, minSize: MIN_VALUE_SIZE, valign: 'top', flow: true });
    this.y += textHeight + 2;
    return this.signers([signer]);
  }

  /** Tick boxes with captions, e.g. the materials handed in. */
  checklist(entries: { field: string; label: string; checked: boolean }[]): this {
    for (const entry of entries) {
      this.ensure(7);
      this.add({ type: 'checkbox', field: entry.field, box: { x: MARGIN, y: this.y + 1, width: 4.5, height: 4.5 }, checked: entry.checked });
      this.add({ type: 'text', field: `${entry.field}:label`, text: entry.label, box: { x: MARGIN + 7, y: this.y, width: this.width - 7, height: 6.5 }, size: 10.5, minSize: 6 });
      this.y += 7;
    }
    return this;
  }

  /** Photos side by side at their printed size (e.g. 2-inch), each framed, with a caption under it. */
  photos(entries: { field: string; caption: string; jpeg: Uint8Array; widthMm: number; heightMm: number }[]): this {
    if (entries.length === 0) return this;
    const height = Math.max(...entries.map((entry) => entry.heightMm));
    this.ensure(height + 11);
    this.y += 3;
    let x = MARGIN;
    for (const entry of entries) {
      const box = { x, y: this.y, width: entry.widthMm, height: entry.heightMm };
      this.add({ type: 'rect', box, thickness: 0.4 });
      this.add({ type: 'image', field: entry.field, box, jpeg: entry.jpeg });
      this.add({ type: 'text', field: `${entry.field}:caption`, text: entry.caption, box: { x, y: this.y + entry.heightMm + 1, width: entry.widthMm, height: 5 }, size: 9, minSize: 6, align: 'center', fixed: true });
      x += entry.widthMm + 8;
    }
    this.y += height + 8;
    return this;
  }

  space(height: number): this {
    this.y += height;
    return this;
  }

  private ensure(height: number): void {
    if (this.y + height > A4.height - MARGIN) this.newSheet();
  }

  private newSheet(): void {
    this.items = [];
    this.sheets.push({ width: A4.width, height: A4.height, items: this.items });
    this.y = MARGIN;
  }

  private add(item: SheetItem): void {
    this.items.push(item);
  }
}

function inset(box: Box, by = 1.2): Box {
  return { x: box.x + by, y: box.y + by / 2, width: box.width - 2 * by, height: box.height - by };
}
