import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair, isSm2PublicKey, sm2PublicKeyOf, sm2Sign, sm2Verify } from './sm2';
import { openssl, withTempDir } from './testing/oracle';

/**
 * The signature example of GB/T 32918.5 (= GM/T 0003.5) appendix A on the
 * recommended curve, signer ID "1234567812345678", message "message digest".
 */
const standard = {
  privateKey: '3945208f7b2144b13f36e38ac6d39f9588939369 2860b51a42fb81ef4df7c5b8'.replace(/\s/g, ''),
  publicKey: '04' + '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' + 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  message: 'message digest',
  r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
  s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};
/** DER SEQUENCE { INTEGER r, INTEGER s } (both have the top bit set, hence the 00). */
const standardDer = `3046022100${standard.r}022100${standard.s}`;

function spkiPem(publicKeyHex: string): string {
  const der = Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex'), Buffer.from(publicKeyHex, 'hex')]);
  return `-----BEGIN PUBLIC KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

function opensslVerifies(dir: string, publicKeyHex: string, message: string, signatureDerHex: string): boolean {
  writeFileSync(join(dir, 'pub.pem'), spkiPem(publicKeyHex));
  writeFileSync(join(dir, 'msg'), message);
  writeFileSync(join(dir, 'sig'), Buffer.from(signatureDerHex, 'hex'));
  try {
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678', '-in', join(dir, 'msg'), '-sigfile', join(dir, 'sig')];
    return /Signature Verified Successfully/.test(openssl(args).toString());
  } catch {
    return false;
  }
}

describe('SM2 signatures (GB/T 32918.2, standard signer ID)', () => {
  it('verify the standard’s example and derive its public key', () => {
    expect(sm2PublicKeyOf(standard.privateKey)).toBe(standard.publicKey);
    expect(isSm2PublicKey(standard.publicKey)).toBe(true);
    expect(sm2Verify(standard.message, standardDer, standard.publicKey)).toBe(true);
    expect(sm2Verify('message digesT', standardDer, standard.publicKey)).toBe(false);
    // The same signature over an empty ID's Z is not valid: the ID is part of what is signed.
    expect(withTempDir((dir) => opensslVerifies(dir, standard.publicKey, standard.message, standardDer))).toBe(true);
  });

  it('verify what they sign and nothing else, and never throw on junk', () => {
    const keys = generateSm2KeyPair();
    const signature = sm2Sign('POST\n/v1/submissions', keys);
    expect(sm2Verify('POST\n/v1/submissions', signature, keys.publicKey)).toBe(true);
    expect(sm2Verify('POST\n/v1/submissionz', signature, keys.publicKey)).toBe(false);
    expect(sm2Verify('POST\n/v1/submissions', signature, generateSm2KeyPair().publicKey)).toBe(false);
    expect(sm2Verify('POST\n/v1/submissions', 'not-der', keys.publicKey)).toBe(false);
    expect(sm2Verify('POST\n/v1/submissions', signature, '04abcd')).toBe(false);
    expect(isSm2PublicKey('04' + '11'.repeat(64))).toBe(false);
  });

  it('are checked by the openssl CLI both ways (distid 1234567812345678)', () => {
    withTempDir((dir) => {
      const keys = generateSm2KeyPair();
      const message = 'GET\n/v1/feeds/catalogue\nabc\n1700000000000\n00ff\nwt-1';
      const ours = sm2Sign(message, keys);
      expect(opensslVerifies(dir, keys.publicKey, message, ours)).toBe(true);
      expect(opensslVerifies(dir, keys.publicKey, message + 'x', ours)).toBe(false);

      // OpenSSL signs with the standard's key; we verify.
      const pkcs8 = Buffer.concat([
        Buffer.from('308187020100301306072a8648ce3d020106082a811ccf5501822d046d306b0201010420', 'hex'),
        Buffer.from(standard.privateKey, 'hex'),
        Buffer.from('a144034200', 'hex'),
        Buffer.from(standard.publicKey, 'hex'),
      ]);
      writeFileSync(join(dir, 'key.pem'), `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`);
      writeFileSync(join(dir, 'msg2'), message);
      const theirs = openssl(['pkeyutl', '-sign', '-inkey', join(dir, 'key.pem'), '-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678', '-in', join(dir, 'msg2')]);
      expect(sm2Verify(message, theirs.toString('hex'), standard.publicKey)).toBe(true);
      expect(sm2Verify(message + 'x', theirs.toString('hex'), standard.publicKey)).toBe(false);
    });
  });
});
