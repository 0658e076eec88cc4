/**
 * The print queue's storage: every job is written here before the printer
 * is contacted, so a job survives an offline printer, a crash or a restart
 * and leaves only when it completed or the officer discarded it.
 *
 * The file implementation keeps one JSON record and one PDF per job in a
 * directory, written atomically (temp file, fsync, rename, fsync of the
 * directory). The sync layer may later provide a SQLite-backed store with the
 * same interface.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably as writeAtomically } from '../../platform/durable-file';
import type { PrintJobRecord } from './types';

export interface PrintQueueStore {
  /** Creates or replaces the record; the document is stored with the first save. */
  save(record: PrintJobRecord, document?: Uint8Array): Promise<void>;
  get(id: string): Promise<PrintJobRecord | undefined>;
  document(id: string): Promise<Uint8Array | undefined>;
  /** Oldest first. */
  list(): Promise<PrintJobRecord[]>;
  remove(id: string): Promise<void>;
}

const SAFE_ID = /^[A-Za-z0-9-]+$/;

export class FilePrintQueueStore implements PrintQueueStore {
  constructor(private readonly dir: string) {}

  private paths(id: string): { record: string; document: string } {
    if (!SAFE_ID.test(id)) throw new Error(`unsafe job id ${JSON.stringify(id)}`);
    return { record: path.join(this.dir, `${id}.json`), document: path.join(this.dir, `${id}.pdf`) };
  }

  async save(record: PrintJobRecord, document?: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const files = this.paths(record.id);
    // The document first: a record never points at a missing file.
    if (document) await writeAtomically(files.document, document);
    await writeAtomically(files.record, JSON.stringify(record, null, 2));
  }

  async get(id: string): Promise<PrintJobRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.paths(id).record, 'utf8')) as PrintJobRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async document(id: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.paths(id).document));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(): Promise<PrintJobRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const records: PrintJobRecord[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const record = await this.get(name.slice(0, -'.json'.length));
      if (record) records.push(record);
    }
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async remove(id: string): Promise<void> {
    const files = this.paths(id);
    // The record first: a crash in between leaves an orphan PDF, never a record without its document.
    await rm(files.record, { force: true });
    await rm(files.document, { force: true });
  }
}
