import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SyncScreen } from '../../../domain/sync-status';
import { describeError, fieldProblemsOf, type ShownError } from '../errors';
import { terminal } from '../terminal';

/** The officer's sync screen: what is still waiting, what failed and why. */
export const useSyncStore = defineStore('sync', () => {
  const screen = ref<SyncScreen>();
  const error = ref<ShownError>();
  /** `field:problem` entries of a corrected form the terminal refused. */
  const fieldProblems = ref<string[]>([]);

  async function refresh(): Promise<void> {
    try {
      screen.value = await terminal.sync.screen();
      error.value = undefined;
    } catch (caught) {
      error.value = describeError(caught);
    }
  }

  /** Sends a dead-lettered item again, with the officer's corrected form for a case; false if it was refused. */
  async function retryDeadLetter(seq: number, form?: Record<string, string>): Promise<boolean> {
    try {
      await terminal.sync.retryDeadLetter(form ? { seq, form } : { seq });
      fieldProblems.value = [];
      await refresh();
      return true;
    } catch (caught) {
      error.value = describeError(caught);
      fieldProblems.value = fieldProblemsOf(caught);
      return false;
    }
  }

  async function retryNow(): Promise<void> {
    await terminal.sync.retryNow();
    await refresh();
  }

  return { screen, error, fieldProblems, refresh, retryDeadLetter, retryNow };
});
