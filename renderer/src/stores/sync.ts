import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SyncScreen } from '../../../domain/sync-status';
import { describeError, type ShownError } from '../errors';
import { terminal } from '../terminal';

/** The officer's sync screen: what is still waiting, what failed and why. */
export const useSyncStore = defineStore('sync', () => {
  const screen = ref<SyncScreen>();
  const error = ref<ShownError>();

  async function refresh(): Promise<void> {
    try {
      screen.value = await terminal.sync.screen();
      error.value = undefined;
    } catch (caught) {
      error.value = describeError(caught);
    }
  }

  async function retryDeadLetter(seq: number, form?: Record<string, string>): Promise<void> {
    try {
      await terminal.sync.retryDeadLetter(form ? { seq, form } : { seq });
      await refresh();
    } catch (caught) {
      error.value = describeError(caught);
    }
  }

  async function retryNow(): Promise<void> {
    await terminal.sync.retryNow();
    await refresh();
  }

  return { screen, error, refresh, retryDeadLetter, retryNow };
});
