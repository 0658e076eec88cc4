import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CaseRecord } from '../../../domain/case';
import { terminal } from '../terminal';

export const useCasesStore = defineStore('cases', () => {
  const cases = ref<CaseRecord[]>([]);

  async function load(): Promise<void> {
    terminal.on('cases.changed', (record) => {
      const index = cases.value.findIndex((c) => c.id === record.id);
      if (index === -1) cases.value.unshift(record);
      else cases.value[index] = record;
    });
    await refresh();
  }

  async function refresh(): Promise<void> {
    cases.value = await terminal.cases.list({ limit: 100 });
  }

  return { cases, load, refresh };
});
