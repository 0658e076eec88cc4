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
      // The services now run another version (an update applied, or rolled back): load that version's screen too.
      if (update.value && status.running !== update.value.running) window.location.reload();
      update.value = status;
    });
    const reception = receptionShown ? useReceptionStore() : undefined;
    const caseOpen = () => (reception ? ['item', 'form', 'sign'].includes(reception.step) : false);
    const report = (open: boolean) => void terminal.activity.report({ caseOpen: open }).catch(() => undefined);
    watch(caseOpen, report, { immediate: true });
    // Restarted services count the terminal busy until told (locked screen or not): tell them again.
    terminal.on('services.status', ({ state }) => {
      if (state === 'ready') report(caseOpen());
    });
    update.value = await terminal.updates.status();
  }

  return { update, load };
});
