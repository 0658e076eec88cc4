/**
 * Binds a handwritten signature to the document it signs: the SM3 digest of
 * the signed content and the SM3 digest of the signature's point series are
 * signed, together with who signed, when and on which terminal, with the
 * terminal's SM2 key (GB/T 32918.2 with SM3, distinguishing ID
 * "1234567812345678"). Changing one byte of the document, one point of the
 * signature or any of those facts breaks the binding.
 *
 * Canonical forms (a verifier in another language must reproduce them):
 * - points: ASCII "WT-POINTS-1", u32 BE point count, f64 BE aspect ratio
 *   (0 when unknown), then per point x, y, pressure, t as f64 BE;
 * - signed message: the UTF-8 JSON array
 *   ["WT-SIGBIND-1", contentSm3Hex, pointsSm3Hex, signerRole, signerName|null,
 *    signedAt, terminalId, caseId|null] with no whitespace (JSON.stringify).
 * The signature is DER (SEQUENCE of r, s), base64.
 */
import { sm2Sign, sm2Verify, sm3Hex } from '../crypto';
import type { Signature, SignatureBinding, SignerInfo } from '../domain/signature';
import { SigningError } from './errors';
import { rawSm2Key, sm2PublicKeyHex } from './sm2-key';

export const BINDING_VERSION = 'WT-SIGBIND-1';
export type { SignatureBinding, SignerInfo } from '../domain/signature';

export interface SignatureBindingInput {
  /** Exactly the bytes shown to and signed by the signer (e.g. the PDF on the pad). */
  document: Uint8Array;
  signature: Signature;
  signer: SignerInfo;
  /** ISO 8601 time of signing. */
  signedAt: string;
  terminalId: string;
  caseId?: string;
}


export type BindingProblem = 'unsupported-version' | 'content-changed' | 'signature-points-changed' | 'key-mismatch' | 'signature-invalid';

export interface BindingVerification {
  valid: boolean;
  problems: BindingProblem[];
}

/** The canonical byte form of a point series (see the file comment). */
export function canonicalPoints(signature: Signature): Uint8Array {
  const header = new TextEncoder().encode('WT-POINTS-1');
  const points = signature.points;
  const bytes = new Uint8Array(header.length + 4 + 8 + points.length * 32);
  const view = new DataView(bytes.buffer);
  bytes.set(header, 0);
  let offset = header.length;
  view.setUint32(offset, points.length);
  offset += 4;
  const aspect = signature.aspectRatio ?? 0;
  if (!Number.isFinite(aspect)) throw new SigningError('signing-input-invalid', 'aspect ratio is not a finite number');
  view.setFloat64(offset, aspect);
  offset += 8;
  points.forEach((point, index) => {
    for (const value of [point.x, point.y, point.pressure, point.t]) {
      if (!Number.isFinite(value)) throw new SigningError('signing-input-invalid', `point ${index} has a non-finite value`);
      view.setFloat64(offset, value);
      offset += 8;
    }
  });
  return bytes;
}

/** The exact bytes the SM2 signature covers (see the file comment), for verifiers elsewhere. */
export function bindingMessage(fields: Omit<SignatureBinding, 'version' | 'algorithm' | 'publicKey' | 'signature'>): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify([BINDING_VERSION, fields.contentSm3, fields.pointsSm3, fields.signer.role, fields.signer.name ?? null, fields.signedAt, fields.terminalId, fields.caseId ?? null]),
  );
}

function checkInput(input: SignatureBindingInput): void {
  if (input.document.length === 0) throw new SigningError('signing-input-invalid', 'the signed content is empty');
  if (input.signature.points.length === 0) throw new SigningError('signing-input-invalid', 'the signature has no points');
  if (!input.signer.role) throw new SigningError('signing-input-invalid', 'the signer role is missing');
  if (!input.terminalId) throw new SigningError('signing-input-invalid', 'the terminal id is missing');
  if (Number.isNaN(Date.parse(input.signedAt))) throw new SigningError('signing-input-invalid', `signedAt ${JSON.stringify(input.signedAt)} is not a date`);
}

/** Signs the binding with the terminal's private key (PKCS#8 PEM). */
/** Whoever holds the terminal's SM2 key: signs a message (SM3 with SM2, default ID), DER hex. */
export interface BindingSigner {
  publicKeyHex: string;
  sign(message: Uint8Array): string;
}

export function bindSignature(input: SignatureBindingInput, privateKeyPem: string): SignatureBinding {
  const key = rawSm2Key(privateKeyPem);
  return bindSignatureWith(input, {
    publicKeyHex: key.publicKeyHex,
    sign: (message) => sm2Sign(message, { privateKey: key.privateKeyHex, publicKey: key.publicKeyHex }),
  });
}

/** The same binding, signed by a key kept elsewhere (the sync layer keeps the terminal's). */
export function bindSignatureWith(input: SignatureBindingInput, signer: BindingSigner): SignatureBinding {
  checkInput(input);
  const fields: Omit<SignatureBinding, 'version' | 'algorithm' | 'publicKey' | 'signature'> = {
    contentSm3: sm3Hex(input.document),
    pointsSm3: sm3Hex(canonicalPoints(input.signature)),
    signer: input.signer.name === undefined ? { role: input.signer.role } : { role: input.signer.role, name: input.signer.name },
    signedAt: input.signedAt,
    terminalId: input.terminalId,
  };
  if (input.caseId !== undefined) fields.caseId = input.caseId;
  return {
    version: BINDING_VERSION,
    algorithm: 'SM2-SM3',
    ...fields,
    publicKey: signer.publicKeyHex,
    signature: Buffer.from(signer.sign(bindingMessage(fields)), 'hex').toString('base64'),
  };
}

/**
 * Checks a binding against the document and signature it claims, with the
 * terminal's public key as registered (SPKI PEM) — not the key inside the
 * binding, which anyone could replace. Reports every problem found.
 */
export function verifySignatureBinding(binding: SignatureBinding, claimed: { document: Uint8Array; signature: Signature }, trustedPublicKeyPem: string): BindingVerification {
  const problems: BindingProblem[] = [];
  if (binding.version !== BINDING_VERSION || binding.algorithm !== 'SM2-SM3') {
    return { valid: false, problems: ['unsupported-version'] };
  }
  if (sm3Hex(claimed.document) !== binding.contentSm3) problems.push('content-changed');
  let pointsDigest: string | undefined;
  try {
    pointsDigest = sm3Hex(canonicalPoints(claimed.signature));
  } catch {
    pointsDigest = undefined;
  }
  if (pointsDigest !== binding.pointsSm3) problems.push('signature-points-changed');
  // The registered key as an SPKI PEM, or as the bare uncompressed point the backend registers.
  const trusted = /^04[0-9a-f]{128}$/i.test(trustedPublicKeyPem.trim()) ? trustedPublicKeyPem.trim() : sm2PublicKeyHex(trustedPublicKeyPem);
  if (trusted.toLowerCase() !== String(binding.publicKey).toLowerCase()) problems.push('key-mismatch');
  if (!sm2Verify(bindingMessage(binding), Buffer.from(String(binding.signature), 'base64').toString('hex'), trusted)) problems.push('signature-invalid');
  return { valid: problems.length === 0, problems };
}
