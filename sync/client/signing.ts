/**
 * Request signing, as written in fixtures/backend/openapi.yaml
 * (components.securitySchemes.sm2Signature): SM2 with SM3 over
 * METHOD \n PATH?QUERY \n SM3(body) hex \n timestamp ms \n nonce \n terminal id.
 */
import { randomBytes } from 'node:crypto';
import { sm2Sign, sm3Hex, type Sm2KeyPair } from '../../crypto';

export const SIGNATURE_HEADERS = {
  terminal: 'x-terminal-id',
  time: 'x-request-time',
  nonce: 'x-nonce',
  bodyHash: 'x-content-sm3',
  signature: 'x-signature',
} as const;

export function canonicalRequest(method: string, pathWithQuery: string, bodyHashHex: string, timeMs: number, nonce: string, terminalId: string): string {
  return [method.toUpperCase(), pathWithQuery, bodyHashHex, String(timeMs), nonce, terminalId].join('\n');
}

export function signRequest(
  method: string,
  pathWithQuery: string,
  body: Uint8Array,
  timeMs: number,
  terminalId: string,
  keys: Sm2KeyPair,
): Record<string, string> {
  const nonce = randomBytes(16).toString('hex');
  const bodyHash = sm3Hex(body);
  const signature = sm2Sign(canonicalRequest(method, pathWithQuery, bodyHash, timeMs, nonce, terminalId), keys);
  return {
    [SIGNATURE_HEADERS.terminal]: terminalId,
    [SIGNATURE_HEADERS.time]: String(timeMs),
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.bodyHash]: bodyHash,
    [SIGNATURE_HEADERS.signature]: signature,
  };
}
