import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { PrintJobRecord, PrinterInfo } from '../../../domain/printing';
import { describeError, type ShownError } from '../errors';
import { terminal } from '../terminal';

const CHOSEN_KEY = 'terminal.printer';

/** Printers at this counter, the officer's choice, and the jobs sent from here. */
export const usePrintingStore = defineStore('printing', () => {
  const printers = ref<PrinterInfo[]>([]);
  const chosen = ref<string>(localStorage.getItem(CHOSEN_KEY) ?? '');
  const jobs = ref<Record<string, PrintJobRecord>>({});
  const error = ref<ShownError>();

  watch(chosen, (id) => localStorage.setItem(CHOSEN_KEY, id));

  async function load(): Promise<void> {
    terminal.on('print.jobChanged', (job) => (jobs.value = { ...jobs.value, [job.id]: job }));
    await refresh();
  }

  async function refresh(): Promise<void> {
    try {
      printers.value = (await terminal.printers.list()).printers;
      if (!printers.value.some((p) => p.id === chosen.value)) chosen.value = printers.value[0]?.id ?? '';
    } catch (caught) {
      error.value = describeError(caught);
    }
  }

  /** Returns the job, or undefined with `error` set. A job the printer could not take yet stays queued on this terminal. */
  async function print(kind: string, data: unknown, caseId?: string): Promise<PrintJobRecord | undefined> {
    error.value = undefined;
    try {
      const job = await terminal.print.submit({ printerId: chosen.value, kind, data, ...(caseId ? { caseId } : {}) });
      jobs.value = { ...jobs.value, [job.id]: job };
      return job;
    } catch (caught) {
      error.value = describeError(caught);
      return undefined;
    }
  }

  /** A form held by the terminal (the application form as shown and signed), printed as it is held. */
  async function printHeld(formId: string): Promise<PrintJobRecord | undefined> {
    error.value = undefined;
    try {
      const job = await terminal.forms.print({ formId, printerId: chosen.value });
      jobs.value = { ...jobs.value, [job.id]: job };
      return job;
    } catch (caught) {
      error.value = describeError(caught);
      return undefined;
    }
  }

  return { printers, chosen, jobs, error, load, refresh, print, printHeld };
});
