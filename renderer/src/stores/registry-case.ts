import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CallOutput } from '../../../contract/api';

/** The registration open at the desk: the certificate printed now is issued under it. */
export const useRegistryCaseStore = defineStore('registryCase', () => {
  const current = ref<CallOutput<'registryCase.get'>>();
  return { current };
});
