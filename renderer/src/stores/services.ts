import { defineStore } from 'pinia';
import { ref } from 'vue';
import { terminal } from '../terminal';
import { useCasesStore } from './cases';
import { useReceptionStore } from './reception';
import { useStatusStore } from './status';

/**
 * Whether the terminal's services process is restarting (the supervisor says
 * so). Nothing on screen is reset when it comes back: forms, readings and
 * signatures stay in their stores; only what the services report (devices,
 * the backend link, the cases) is asked for again, since its events in
 * between were lost.
 */
export const useServicesStore = defineStore('services', () => {
  const restarting = ref(false);

  function watch(): void {
    terminal.on('services.status', ({ state }) => {
      restarting.value = state === 'restarting';
      if (state === 'ready') void refresh().catch(() => undefined);
    });
  }

  async function refresh(): Promise<void> {
    const cases = useCasesStore();
    await Promise.all([useStatusStore().refresh(), cases.refresh()]);
    useReceptionStore().refreshSaved(cases.cases);
  }

  return { restarting, watch };
});
