import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalDocument } from './canonical-document';
import { decodeSignature, parsePublicKey, verifySignature } from './signature-crypto';
import { SignaturesErrorCode, SignaturesException } from './signatures.exception';

const document = canonicalDocument({
  kind: 'unit_pledge',
  unit: 'Liên minh Hợp tác xã tỉnh Sơn La',
  targets: [{ code: 'new_cooperatives', value: '12' }],
  year: 2012,
});
const bytes = Buffer.from(document.canonical, 'utf8');

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SignaturesException) return error.code;
    throw error;
  }
  return undefined;
}

function pemOf(publicKey: { export(options: { type: 'spki'; format: 'pem' }): string | Buffer }): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

function openssl(): string | null {
  try {
    return execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

describe('signature-crypto', () => {
  describe('parsePublicKey', () => {
    it('reads an Ed25519 SPKI PEM: algorithm, the same PEM, and the SHA-256 of the SPKI DER as fingerprint', () => {
      const { publicKey } = generateKeyPairSync('ed25519');
      const parsed = parsePublicKey(pemOf(publicKey));
      expect(parsed.algorithm).toBe('ed25519');
      expect(parsed.publicKeyPem).toBe(pemOf(publicKey));
      const der = publicKey.export({ type: 'spki', format: 'der' });
      expect(parsed.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    });

    it('reads public JWKs (OKP/Ed25519, EC/P-256) into the same PEM and fingerprint as the PEM form', () => {
      for (const pair of [generateKeyPairSync('ed25519'), generateKeyPairSync('ec', { namedCurve: 'P-256' })]) {
        const jwk = pair.publicKey.export({ format: 'jwk' });
        expect(jwk.d).toBeUndefined();
        expect(parsePublicKey(jwk)).toEqual(parsePublicKey(pemOf(pair.publicKey)));
      }
      const ec = parsePublicKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }));
      expect(ec.algorithm).toBe('ecdsa-p256');
    });

    it('refuses private keys, as a JWK with d or as a PEM, without keeping them', () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      expect(codeOf(() => parsePublicKey(privateKey.export({ format: 'jwk' }) as JsonWebKey))).toBe(
        SignaturesErrorCode.PublicKeyInvalid,
      );
      const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      expect(codeOf(() => parsePublicKey(privatePem))).toBe(SignaturesErrorCode.PublicKeyInvalid);
    });

    it('refuses RSA, other curves and what is not a key', () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
      expect(codeOf(() => parsePublicKey(pemOf(rsa)))).toBe(SignaturesErrorCode.PublicKeyAlgorithmUnsupported);
      expect(codeOf(() => parsePublicKey(rsa.export({ format: 'jwk' })))).toBe(
        SignaturesErrorCode.PublicKeyAlgorithmUnsupported,
      );
      const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey;
      expect(codeOf(() => parsePublicKey(pemOf(p384)))).toBe(SignaturesErrorCode.PublicKeyAlgorithmUnsupported);
      expect(codeOf(() => parsePublicKey('-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n'))).toBe(
        SignaturesErrorCode.PublicKeyInvalid,
      );
      expect(codeOf(() => parsePublicKey({ kty: 'OKP', crv: 'Ed25519' }))).toBe(SignaturesErrorCode.PublicKeyInvalid);
    });
  });

  describe('verifySignature', () => {
    it('verifies pure Ed25519 over the canonical bytes, and nothing else', () => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const signature = sign(null, bytes, privateKey);
      const pem = pemOf(publicKey);
      expect(verifySignature('ed25519', pem, bytes, signature)).toBe(true);
      expect(verifySignature('ed25519', pem, Buffer.from(`${document.canonical} `, 'utf8'), signature)).toBe(false);
      const other = pemOf(generateKeyPairSync('ed25519').publicKey);
      expect(verifySignature('ed25519', other, bytes, signature)).toBe(false);
    });

    it('verifies ECDSA P-256 with SHA-256 in DER and in IEEE P1363 (r‖s) encoding', () => {
      const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const pem = pemOf(publicKey);
      const der = sign('sha256', bytes, privateKey);
      const p1363 = sign('sha256', bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      expect(p1363).toHaveLength(64);
      expect(verifySignature('ecdsa-p256', pem, bytes, der)).toBe(true);
      expect(verifySignature('ecdsa-p256', pem, bytes, p1363)).toBe(true);
      const other = pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
      expect(verifySignature('ecdsa-p256', other, bytes, der)).toBe(false);
      expect(verifySignature('ecdsa-p256', other, bytes, p1363)).toBe(false);
    });
  });

  describe('decodeSignature', () => {
    it('takes base64 and base64url, and refuses sizes no signature of the algorithm has', () => {
      const sixtyFour = Buffer.alloc(64, 7);
      expect(decodeSignature('ed25519', sixtyFour.toString('base64'))).toEqual(sixtyFour);
      expect(decodeSignature('ed25519', sixtyFour.toString('base64url'))).toEqual(sixtyFour);
      expect(codeOf(() => decodeSignature('ed25519', Buffer.alloc(63).toString('base64')))).toBe(
        SignaturesErrorCode.SignatureMalformed,
      );
      expect(codeOf(() => decodeSignature('ecdsa-p256', Buffer.alloc(73).toString('base64')))).toBe(
        SignaturesErrorCode.SignatureMalformed,
      );
      expect(codeOf(() => decodeSignature('ed25519', 'not base64!'))).toBe(SignaturesErrorCode.SignatureMalformed);
    });
  });

  // What a person does with the stock openssl command line (docs/signatures.md) must verify here.
  describe('interoperability with the openssl command line', () => {
    const version = openssl();
    const run = version ? it : it.skip;
    let dir: string;

    beforeAll(() => {
      if (!version) {
        // eslint-disable-next-line no-console
        console.warn('openssl is not installed: the openssl interoperability tests are skipped');
        return;
      }
      dir = mkdtempSync(join(tmpdir(), 'thidua-openssl-'));
      writeFileSync(join(dir, 'doc.json'), document.canonical);
    });
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    const publicPem = () => ossl('pkey', '-in', 'k.pem', '-pubout');

    run('Ed25519: genpkey, pkeyutl -sign -rawin, pkey -pubout', () => {
      ossl('genpkey', '-algorithm', 'ed25519', '-out', 'k.pem');
      ossl('pkeyutl', '-sign', '-rawin', '-inkey', 'k.pem', '-in', 'doc.json', '-out', 'sig.bin');
      const parsed = parsePublicKey(publicPem());
      expect(parsed.algorithm).toBe('ed25519');
      const signature = decodeSignature('ed25519', readFileSync(join(dir, 'sig.bin')).toString('base64'));
      expect(verifySignature('ed25519', parsed.publicKeyPem, bytes, signature)).toBe(true);
      expect(verifySignature('ed25519', parsed.publicKeyPem, Buffer.from('{}'), signature)).toBe(false);
    });

    run('P-256: genpkey -algorithm EC, dgst -sha256 -sign (DER)', () => {
      ossl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'k.pem');
      ossl('dgst', '-sha256', '-sign', 'k.pem', '-out', 'sig.der', 'doc.json');
      const parsed = parsePublicKey(publicPem());
      expect(parsed.algorithm).toBe('ecdsa-p256');
      const signature = decodeSignature('ecdsa-p256', readFileSync(join(dir, 'sig.der')).toString('base64'));
      expect(verifySignature('ecdsa-p256', parsed.publicKeyPem, bytes, signature)).toBe(true);
    });

    run('P-256: ecparam -genkey, and the fingerprint openssl computes from the DER public key', () => {
      ossl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'k.pem');
      ossl('dgst', '-sha256', '-sign', 'k.pem', '-out', 'sig.der', 'doc.json');
      ossl('pkey', '-in', 'k.pem', '-pubout', '-outform', 'DER', '-out', 'pub.der');
      const parsed = parsePublicKey(publicPem());
      expect(parsed.fingerprint).toBe(
        createHash('sha256')
          .update(readFileSync(join(dir, 'pub.der')))
          .digest('hex'),
      );
      const signature = readFileSync(join(dir, 'sig.der'));
      expect(verifySignature('ecdsa-p256', parsed.publicKeyPem, bytes, signature)).toBe(true);
    });
  });
});
