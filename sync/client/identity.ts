/**
 * The terminal's identity: a random id and an SM2 key pair made on first
 * start. The private key is kept sealed under the data key (SM4) in the
 * store; registration proves possession by signing with it.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log';
import { generateSm2KeyPair, type Sm2KeyPair } from '../../crypto';
import type { SyncStore } from '../store/sync-store';
import { SyncError } from '../errors';
import type { BackendClient, TerminalIdentity } from './backend-client';

export function loadOrCreateIdentity(store: SyncStore, audit: AuditLog): TerminalIdentity {
  return store.db
    .transaction((): TerminalIdentity => {
      const terminalId = store.getMeta('terminal_id');
      const keys = store.getSealedMeta<Sm2KeyPair>('terminal_keys');
      if (terminalId && keys) return { terminalId, keys };
      const identity = { terminalId: `wt-${randomUUID()}`, keys: generateSm2KeyPair() };
      store.setMeta('terminal_id', identity.terminalId);
      store.setSealedMeta('terminal_keys', identity.keys);
      audit.append('terminal.identity-created', identity.terminalId, { publicKey: identity.keys.publicKey });
      return identity;
    })
    .immediate();
}

export async function registerTerminal(client: BackendClient, identity: TerminalIdentity, options: { label?: string; registryCode?: string }): Promise<void> {
  const response = await client.request('POST', '/v1/terminals', {
    identity,
    body: { terminalId: identity.terminalId, publicKey: identity.keys.publicKey, ...(options.label ? { label: options.label } : {}), ...(options.registryCode ? { registryCode: options.registryCode } : {}) },
    accept: [409],
  });
  if (response.status === 409) throw new SyncError('backend-terminal-conflict', 'backend holds this terminal id with another key');
}
