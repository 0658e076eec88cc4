/**
 * The terminal's one crypto module for the commercial (national) algorithms:
 * SM2 signatures, SM3, HMAC-/HKDF-SM3 and SM4-CBC/CTR in pure JavaScript
 * (sm-crypto-v2), so the same code runs in Node and inside Electron, whose
 * BoringSSL has none of them. Bulk work (materials of tens of MB) goes
 * through `smWorker()` (`crypto/worker/client`) so it never stalls the event loop;
 * it is not re-exported here, so code that only signs or hashes never pulls in
 * the worker's bundling import (which only the app build and Vitest resolve).
 * node:crypto's SM algorithms and the `openssl` CLI are test oracles only.
 */
export { sm3, sm3Hex, hmacSm3, hkdfSm3 } from './sm3';
export { SM4_BLOCK, ctrCounter, sm4CbcDecrypt, sm4CbcEncrypt, sm4Ctr } from './sm4';
export { SM2_DEFAULT_ID, generateSm2KeyPair, isSm2PublicKey, sm2PublicKeyOf, sm2Sign, sm2Verify, type Sm2KeyPair } from './sm2';
