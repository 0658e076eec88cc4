import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { z } from 'zod';
import type { updateStatusSchema } from '../../../contract/fleet';
import { terminal } from '../terminal';
import { useReceptionStore } from './reception';

type UpdateStatus = z.infer<typeof updateStatusSchema>;

/**
 * Fleet updates as the screen sees them: the agent's state for the status
 * bar, and the idle signal back to the services: a case is open from the
 * moment an item is chosen until it is saved or abandoned.
 */
export const useUpdatesStore = defineStore('updates', () => {
  const update = ref<UpdateStatus>();

  async function load(receptionShown: boolean): Promise<void> {
    terminal.on('updates.statusChanged', (status) => {
      update.value = status;
    });
    const reception = receptionShown ? useReceptionStore() : undefined;
    watch(
      () => (reception ? ['item', 'form', 'sign'].includes(reception.step) : false),
      (caseOpen) => void terminal.activity.report({ caseOpen }).catch(() => undefined),
      { immediate: true },
    );
    update.value = await terminal.updates.status();
  }

  return { update, load };
});
