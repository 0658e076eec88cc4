/**
 * The terminal's SM2 key in standard containers (PKCS#8 / SPKI PEM, as
 * Node, OpenSSL and Java keystores exchange them), read down to the raw
 * scalar and point the SM2 arithmetic needs, and written back from them.
 *
 * Everything here is plain DER and base64 on top of crypto/ (pure
 * JavaScript): inside Electron, BoringSSL knows neither the SM2 curve nor
 * its OID, so node:crypto's createPrivateKey/createPublicKey and
 * generateKeyPairSync('ec', { namedCurve: 'SM2' }) fail there. (Even where
 * OpenSSL has SM2, crypto.sign('sm3', …) computes ECDSA on the SM2 curve or
 * hashes Z with an empty ID, never a GB/T 32918.2 signature with the default
 * ID "1234567812345678" that verifiers expect; OpenSSL cross-checks the keys
 * and signatures in the tests.)
 */
import { generateSm2KeyPair, isSm2PublicKey, sm2PublicKeyOf } from '../crypto';
import { SigningError } from './errors';

/** id-ecPublicKey 1.2.840.10045.2.1 and the SM2 curve 1.2.156.10197.1.301, DER-encoded. */
const EC_PUBLIC_KEY_OID = '2a8648ce3d0201';
const SM2_CURVE_OID = '2a811ccf5501822d';

export interface TerminalKeyPair {
  /** PKCS#8 PEM; stays on the terminal (key management belongs to the sync layer). */
  privateKeyPem: string;
  /** SPKI PEM; registered with the backend to verify the terminal's bindings. */
  publicKeyPem: string;
}

export interface RawSm2Key {
  /** 32-byte private scalar, hex. */
  privateKeyHex: string;
  /** Uncompressed point 04||X||Y, hex. */
  publicKeyHex: string;
}

/** A fresh SM2 key pair, for tests and for the sync layer's key enrolment. */
export function generateTerminalKeyPair(): TerminalKeyPair {
  const keys = generateSm2KeyPair();
  return { privateKeyPem: pem('PRIVATE KEY', pkcs8Der(keys.privateKey, keys.publicKey)), publicKeyPem: pem('PUBLIC KEY', spkiDer(keys.publicKey)) };
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const sm2Algorithm = (): Buffer => der(0x30, der(0x06, Buffer.from(EC_PUBLIC_KEY_OID, 'hex')), der(0x06, Buffer.from(SM2_CURVE_OID, 'hex')));

function spkiDer(publicKeyHex: string): Buffer {
  return der(0x30, sm2Algorithm(), der(0x03, Buffer.from([0]), Buffer.from(publicKeyHex, 'hex')));
}

/** PKCS#8 holding an RFC 5915 ECPrivateKey with its public key, as OpenSSL writes SM2 keys. */
function pkcs8Der(privateKeyHex: string, publicKeyHex: string): Buffer {
  const ecPrivateKey = der(0x30, der(0x02, Buffer.from([1])), der(0x04, Buffer.from(privateKeyHex, 'hex')), der(0xa1, der(0x03, Buffer.from([0]), Buffer.from(publicKeyHex, 'hex'))));
  return der(0x30, der(0x02, Buffer.from([0])), sm2Algorithm(), der(0x04, ecPrivateKey));
}

function pem(label: string, body: Buffer): string {
  return `-----BEGIN ${label}-----\n${body.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER inside a PEM block with this label (or the bytes themselves when given DER). */
function pemBody(input: string | Uint8Array, label: string): Uint8Array {
  if (typeof input !== 'string') return input;
  const match = /-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\s]*)-----END \1-----/.exec(input);
  if (!match || match[1] !== label) throw new SigningError('signing-key-invalid', `not a PEM ${label}`);
  const body = Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64');
  if (body.length === 0) throw new SigningError('signing-key-invalid', `empty PEM ${label}`);
  return new Uint8Array(body);
}

interface Tlv {
  tag: number;
  value: Uint8Array;
  end: number;
}

/** Reads one DER TLV at `offset` (definite lengths only, as DER requires). */
function readTlv(bytes: Uint8Array, offset: number): Tlv {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === undefined || length === undefined) throw new SigningError('signing-key-invalid', 'key ends inside a DER header');
  let cursor = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3) throw new SigningError('signing-key-invalid', 'unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = (length << 8) | (bytes[cursor++] ?? 0);
  }
  const end = cursor + length;
  if (end > bytes.length) throw new SigningError('signing-key-invalid', 'DER value runs past the end of the key');
  return { tag, value: bytes.subarray(cursor, end), end };
}

function children(value: Uint8Array): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = 0; offset < value.length; ) {
    const item = readTlv(value, offset);
    items.push(item);
    offset = item.end;
  }
  return items;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function checkAlgorithm(algorithm: Tlv | undefined): void {
  const [oid, curve] = algorithm ? children(algorithm.value) : [];
  if (!oid || hex(oid.value) !== EC_PUBLIC_KEY_OID || !curve || hex(curve.value) !== SM2_CURVE_OID) {
    throw new SigningError('signing-key-not-sm2', 'the key is not an elliptic-curve key on the SM2 curve');
  }
}

/** The outer SEQUENCE of a key, or a coded error. */
function outer(der: Uint8Array): Tlv[] {
  const top = readTlv(der, 0);
  if (top.tag !== 0x30 || top.end !== der.length) throw new SigningError('signing-key-invalid', 'the key is not one DER SEQUENCE');
  return children(top.value);
}

/** Public point from an SPKI PEM (or DER). */
export function sm2PublicKeyHex(publicKeyPem: string | Uint8Array): string {
  const [algorithm, bitString] = outer(pemBody(publicKeyPem, 'PUBLIC KEY'));
  checkAlgorithm(algorithm);
  if (!bitString || bitString.tag !== 0x03 || bitString.value[0] !== 0 || bitString.value[1] !== 0x04 || bitString.value.length !== 66) {
    throw new SigningError('signing-key-invalid', 'the public key is not an uncompressed 256-bit point');
  }
  const point = hex(bitString.value.subarray(1));
  if (!isSm2PublicKey(point)) throw new SigningError('signing-key-invalid', 'the public key is not a point on the SM2 curve');
  return point;
}

/** Private scalar and public point from a PKCS#8 PEM. */
export function rawSm2Key(privateKeyPem: string): RawSm2Key {
  const [version, algorithm, wrapped] = outer(pemBody(privateKeyPem, 'PRIVATE KEY'));
  if (!version || version.tag !== 0x02) throw new SigningError('signing-key-invalid', 'PKCS#8 without a version');
  checkAlgorithm(algorithm);
  if (!wrapped || wrapped.tag !== 0x04) throw new SigningError('signing-key-invalid', 'PKCS#8 without a private key octet string');
  const [, scalar] = outer(wrapped.value);
  if (!scalar || scalar.tag !== 0x04 || scalar.value.length !== 32) throw new SigningError('signing-key-invalid', 'the private scalar is not 32 bytes');
  const privateKeyHex = hex(scalar.value);
  if (/^0+$/.test(privateKeyHex)) throw new SigningError('signing-key-invalid', 'the private scalar is zero');
  return { privateKeyHex, publicKeyHex: sm2PublicKeyOf(privateKeyHex) };
}
