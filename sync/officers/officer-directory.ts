/**
 * The backend's staff directory as the terminal sees it: an officer's account
 * and password checked online (POST /v1/officers/sign-in, signed by the
 * terminal like every request). Transport failures are thrown as the usual
 * SyncErrors, so the caller can tell "offline" from "refused".
 */
import type { BackendClient } from '../client/backend-client';
import { SyncError } from '../errors';

export interface OfficerIdentity {
  officerId: string;
  account: string;
  name: string;
}

export type OnlineVerdict = { verdict: 'verified'; officer: OfficerIdentity } | { verdict: 'refused'; reason: 'officer-credentials-invalid' | 'officer-disabled' };

/** Sign-in is interactive: give up on a silent backend quickly and fall back to the offline verifier. */
const SIGN_IN_TIMEOUT_MS = 8_000;

export async function verifyOfficerOnline(client: BackendClient, account: string, password: string): Promise<OnlineVerdict> {
  const response = await client.request<{ officerId?: unknown; account?: unknown; name?: unknown; code?: unknown }>('POST', '/v1/officers/sign-in', {
    body: { account, password },
    accept: [401, 403],
    timeoutMs: SIGN_IN_TIMEOUT_MS,
  });
  if (response.status === 401) return { verdict: 'refused', reason: 'officer-credentials-invalid' };
  if (response.status === 403) return { verdict: 'refused', reason: 'officer-disabled' };
  const { officerId, account: canonical, name } = response.data ?? {};
  if (typeof officerId !== 'string' || typeof canonical !== 'string' || typeof name !== 'string') {
    throw new SyncError('backend-bad-response', 'officer sign-in answer without officerId, account and name');
  }
  return { verdict: 'verified', officer: { officerId, account: canonical, name } };
}
