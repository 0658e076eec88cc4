/**
 * Serial scanner guns (and passport readers in serial mode) send each code as
 * text followed by a suffix the installer configures on the device: CR, LF or
 * CR LF. This codec cuts the byte stream into lines. Pure: bytes in, events
 * out, no timers; the driver calls `expire()` after a quiet period.
 *
 * Like node-serialport's delimiter parser, but it also bounds memory (a line
 * longer than `maxLineBytes` is dropped up to its suffix and reported), trims
 * control-byte noise at the edges of a line, and is lenient about the other
 * half of CR LF so a scanner sending CR LF still works when set to CR or LF.
 */

export const LINE_SUFFIXES = ['cr', 'lf', 'crlf'] as const;
export type LineSuffix = (typeof LINE_SUFFIXES)[number];

export const SUFFIX_BYTES: Record<LineSuffix, readonly number[]> = { cr: [0x0d], lf: [0x0a], crlf: [0x0d, 0x0a] };

export interface LineSplitterOptions {
  suffix: LineSuffix;
  /** Longest line kept, in bytes. A QR code holds at most 7,089 characters; 8 KiB covers every real scan. */
  maxLineBytes: number;
}

export const DEFAULT_MAX_LINE_BYTES = 8192;

export type LineEvent =
  /** One complete line, suffix removed and edge noise trimmed; never empty. */
  | { type: 'line'; bytes: Uint8Array }
  /** A line grew past the cap; it was dropped up to its suffix. */
  | { type: 'overflow'; droppedBytes: number }
  /** Bytes that were only noise (controls between lines), or a partial line dropped by `expire()`. */
  | { type: 'noise'; bytes: Uint8Array; reason: 'control-bytes' | 'no-suffix' };

const CR = 0x0d;
const LF = 0x0a;

/** Bytes a scanner never sends at the start or end of a code: C0 controls, DEL, and 0xFF (line idle/break noise). */
export function isEdgeNoise(byte: number): boolean {
  return byte < 0x20 || byte === 0x7f || byte === 0xff;
}

export class LineSplitter {
  private readonly suffix: LineSuffix;
  private readonly max: number;
  private buffer: Uint8Array;
  private length = 0;
  /** Set while dropping the rest of an over-long line. */
  private dropping = false;
  private dropped = 0;
  /** Last byte seen, for CR LF across chunk boundaries while dropping. */
  private previous = -1;

  constructor(options: Partial<LineSplitterOptions> = {}) {
    this.suffix = options.suffix ?? 'cr';
    const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.max = Number.isInteger(max) && max > 0 ? max : DEFAULT_MAX_LINE_BYTES;
    // Room for the line plus a CR waiting for its LF.
    this.buffer = new Uint8Array(Math.min(this.max + 1, 1024));
  }

  /** Bytes held for a line not yet ended. */
  get pendingBytes(): number {
    return this.length;
  }

  push(chunk: Uint8Array): LineEvent[] {
    const out: LineEvent[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      const endsLine = this.endsLine(byte);
      if (this.dropping) {
        this.dropped++;
        if (endsLine) {
          out.push({ type: 'overflow', droppedBytes: this.dropped });
          this.dropping = false;
          this.dropped = 0;
        }
      } else if (endsLine) {
        this.emit(out);
      } else {
        this.append(byte);
        if (this.length > this.max + (this.suffix === 'crlf' ? 1 : 0)) {
          this.dropping = true;
          this.dropped = this.length;
          this.length = 0;
          this.shrink();
        }
      }
      this.previous = byte;
    }
    return out;
  }

  /** Drops a partial line (the link went quiet without a suffix). */
  expire(): LineEvent[] {
    const out: LineEvent[] = [];
    if (this.dropping) {
      out.push({ type: 'overflow', droppedBytes: this.dropped });
      this.dropping = false;
      this.dropped = 0;
    } else if (this.length > 0 && !this.buffer.subarray(0, this.length).every((b) => b === CR || b === LF)) {
      // A lone LF after a CR suffix (or CR before LF) is the other half of CR LF, not a lost scan.
      out.push({ type: 'noise', bytes: this.buffer.slice(0, this.length), reason: 'no-suffix' });
    }
    this.length = 0;
    this.previous = -1;
    this.shrink();
    return out;
  }

  private endsLine(byte: number): boolean {
    switch (this.suffix) {
      case 'cr':
        return byte === CR;
      case 'lf':
        return byte === LF;
      case 'crlf':
        return byte === LF && (this.dropping ? this.previous === CR : this.length > 0 && this.buffer[this.length - 1] === CR);
    }
  }

  private emit(out: LineEvent[]): void {
    // For CR LF the CR is still in the buffer; the edge trim removes it with any other control noise.
    let start = 0;
    let end = this.length;
    while (start < end && isEdgeNoise(this.buffer[start] as number)) start++;
    while (end > start && isEdgeNoise(this.buffer[end - 1] as number)) end--;
    if (end > start) out.push({ type: 'line', bytes: this.buffer.slice(start, end) });
    else if (this.length > 0 && !(this.length === 1 && this.suffix === 'crlf')) {
      out.push({ type: 'noise', bytes: this.buffer.slice(0, this.length), reason: 'control-bytes' });
    }
    this.length = 0;
    this.shrink();
  }

  private append(byte: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Uint8Array(Math.min(this.buffer.length * 2, this.max + 2));
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = byte;
  }

  /** A burst of long lines should not pin a large buffer for the life of the driver. */
  private shrink(): void {
    if (this.buffer.length > 4096 && this.length === 0) this.buffer = new Uint8Array(1024);
  }
}

export const SCAN_TEXT_ENCODINGS = ['auto', 'utf-8', 'gbk'] as const;
export type ScanTextEncoding = (typeof SCAN_TEXT_ENCODINGS)[number];

/**
 * Scanners configured in China often send Chinese text as GBK rather than
 * UTF-8. 'auto' takes UTF-8 when the bytes are valid UTF-8, else GBK (GB18030
 * superset) when valid, else UTF-8 with replacement characters (lossy).
 */
export function decodeScanText(bytes: Uint8Array, encoding: ScanTextEncoding = 'auto'): { text: string; encoding: 'utf-8' | 'gbk'; lossy: boolean } {
  const order: ('utf-8' | 'gbk')[] = encoding === 'gbk' ? ['gbk'] : encoding === 'utf-8' ? ['utf-8'] : ['utf-8', 'gbk'];
  for (const label of order) {
    try {
      return { text: new TextDecoder(label === 'gbk' ? 'gb18030' : 'utf-8', { fatal: true }).decode(bytes), encoding: label, lossy: false };
    } catch {
      // try the next encoding
    }
  }
  const fallback = order[0] as 'utf-8' | 'gbk';
  return { text: new TextDecoder(fallback === 'gbk' ? 'gb18030' : 'utf-8').decode(bytes), encoding: fallback, lossy: true };
}
