/**
 * Per-printer calibration for certificate overlay printing: how far this
 * printer shifts what it prints relative to the paper, measured once on the
 * calibration page and applied by the documents engine to every field.
 *
 * Sign convention (for the documents engine too): offsets are in millimetres,
 * x positive moves every printed element to the right, y positive moves it
 * down (towards the bottom edge of the page as fed). An officer who measures
 * the calibration target at (mx, my) mm from the paper's left and top edges,
 * when it was drawn at (tx, ty), enters offsets (tx − mx, ty − my).
 *
 * Offsets are bounded (±20 mm): a larger shift means the stock is loaded
 * wrongly or the printer is set to scale, and must be fixed, not compensated.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably as writeAtomically } from '../../platform/durable-file';
import { PrinterError } from './errors';

export interface CalibrationOffsets {
  /** mm, positive = to the right. */
  x: number;
  /** mm, positive = down. */
  y: number;
}

export interface CalibrationRecord {
  printerId: string;
  offsets: CalibrationOffsets;
  updatedAt: string;
  /** Who measured, for the audit trail (officer account). */
  updatedBy?: string;
}

export const CALIBRATION_LIMIT_MM = 20;
/** Where the calibration page draws its target, from the top-left corner of the page. */
export const CALIBRATION_TARGET_MM: CalibrationOffsets = { x: 20, y: 20 };

function roundTenth(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Checks what an officer typed (numbers or numeric strings) and rounds to 0.1 mm. */
export function validateOffsets(input: unknown): CalibrationOffsets {
  const source = (input ?? {}) as Record<string, unknown>;
  const axis = (name: 'x' | 'y'): number => {
    const raw = source[name];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new PrinterError('calibration-offset-invalid', `offset ${name} must be a number of millimetres, got ${JSON.stringify(raw)}`, { axis: name });
    }
    const rounded = roundTenth(value);
    if (Math.abs(rounded) > CALIBRATION_LIMIT_MM) {
      throw new PrinterError('calibration-offset-out-of-range', `offset ${name} = ${rounded} mm is beyond ±${CALIBRATION_LIMIT_MM} mm`, {
        axis: name,
        value: rounded,
        limit: CALIBRATION_LIMIT_MM,
      });
    }
    return rounded;
  };
  return { x: axis('x'), y: axis('y') };
}

/** Offsets from where the target landed on paper (mm from the paper's left and top edges). */
export function offsetsFromMeasurement(measured: { x: unknown; y: unknown }, target: CalibrationOffsets = CALIBRATION_TARGET_MM): CalibrationOffsets {
  const position = validateMeasurement(measured);
  return validateOffsets({ x: target.x - position.x, y: target.y - position.y });
}

function validateMeasurement(measured: { x: unknown; y: unknown }): CalibrationOffsets {
  const read = (name: 'x' | 'y'): number => {
    const raw = measured[name];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new PrinterError('calibration-offset-invalid', `measured ${name} must be a non-negative number of millimetres, got ${JSON.stringify(raw)}`, { axis: name });
    }
    return value;
  };
  return { x: read('x'), y: read('y') };
}

export interface CalibrationStore {
  /** Zero offsets for a printer never calibrated. */
  get(printerId: string): Promise<CalibrationOffsets>;
  set(printerId: string, offsets: unknown, updatedBy?: string): Promise<CalibrationRecord>;
  list(): Promise<CalibrationRecord[]>;
}

interface CalibrationFile {
  version: 1;
  printers: Record<string, CalibrationRecord>;
}

/** All printers' offsets in one small JSON file, replaced atomically on each change. */
export class FileCalibrationStore implements CalibrationStore {
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async read(): Promise<CalibrationFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, printers: {} };
      throw new PrinterError('calibration-storage-failed', `cannot read ${this.file}: ${(error as Error).message}`);
    }
    try {
      const parsed = JSON.parse(text) as CalibrationFile;
      if (parsed.version !== 1 || typeof parsed.printers !== 'object' || parsed.printers === null) throw new Error('unexpected layout');
      return parsed;
    } catch (error) {
      throw new PrinterError('calibration-storage-failed', `${this.file} is damaged: ${(error as Error).message}`);
    }
  }

  async get(printerId: string): Promise<CalibrationOffsets> {
    await this.writes;
    const record = (await this.read()).printers[printerId];
    return record ? validateOffsets(record.offsets) : { x: 0, y: 0 };
  }

  async set(printerId: string, offsets: unknown, updatedBy?: string): Promise<CalibrationRecord> {
    const valid = validateOffsets(offsets);
    const write = this.writes.then(async () => {
      const content = await this.read();
      const record: CalibrationRecord = { printerId, offsets: valid, updatedAt: this.now().toISOString() };
      if (updatedBy) record.updatedBy = updatedBy;
      content.printers[printerId] = record;
      try {
        await mkdir(path.dirname(this.file), { recursive: true });
        await writeAtomically(this.file, JSON.stringify(content, null, 2));
      } catch (error) {
        throw new PrinterError('calibration-storage-failed', `cannot write ${this.file}: ${(error as Error).message}`);
      }
      return record;
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  async list(): Promise<CalibrationRecord[]> {
    await this.writes;
    return Object.values((await this.read()).printers);
  }
}
