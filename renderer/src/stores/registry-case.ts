import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CallOutput } from '../../../contract/api';
import type { PartyDocumentKind } from '../../../domain/registry/supporting-documents';

/** The registration open at the desk: the certificate printed now is issued under it. */
export const useRegistryCaseStore = defineStore('registryCase', () => {
  const current = ref<CallOutput<'registryCase.get'>>();
  /**
   * The identity document each party identified with, as read (card type, passport) or as the registrar set it for a
   * party typed by hand; undefined: the kind the party's number shows. A case is opened with these.
   */
  const documentTypes = ref<[PartyDocumentKind | undefined, PartyDocumentKind | undefined]>([undefined, undefined]);
  return { current, documentTypes };
});
