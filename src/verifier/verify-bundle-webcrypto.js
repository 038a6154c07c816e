// @ts-check
/**
 * The core's primitives (verify-bundle-core.js) with WebCrypto (`globalThis.crypto.subtle`), for
 * the browser's `/verify` page; Node has the same API, so the specs run it beside Node's crypto and
 * expect the same verdicts (decision 036). WebCrypto reads SPKI DER, not PEM, and wants ECDSA
 * signatures as r‖s: both conversions are here, strict, so that what Node refuses is refused too.
 */
'use strict';

const core = require('./verify-bundle-core.js');

/**
 * @typedef {import('./verify-bundle-core.js').VerifierCrypto} VerifierCrypto
 * @typedef {import('./verify-bundle-core.js').PublicKeyInfo} PublicKeyInfo
 * @typedef {import('./verify-bundle-core.js').BundleVerification} BundleVerification
 */

const ED25519 = '2b6570';
const X25519 = '2b656e';
const ED448 = '2b6571';
const EC_PUBLIC_KEY = '2a8648ce3d0201';
const P256 = '2a8648ce3d030107';
const RSA = '2a864886f70d010101';
/** Curves OpenSSL reads besides P-256 (P-384, P-521, secp256k1): a key on one is read, then refused. */
const OTHER_CURVES = ['2b81040022', '2b81040023', '2b8104000a'];

/** @param {Uint8Array} bytes */
const hex = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * One DER element at `at`: its tag, where its content starts and ends. Null when malformed.
 * @param {Uint8Array} der @param {number} at
 */
function element(der, at) {
  if (at + 2 > der.length) return null;
  const tag = der[at];
  let length = der[at + 1];
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 2 || start + count > der.length) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | der[start + i];
    if (length < 0x80) return null; // not the shortest form
    start += count;
  }
  const end = start + length;
  return end > der.length ? null : { tag, start, end };
}

/**
 * What an SPKI structure says its key is: the algorithm's OID and, for EC, the curve's.
 * @param {Uint8Array} der
 */
function spkiAlgorithm(der) {
  const outer = element(der, 0);
  if (!outer || outer.tag !== 0x30 || outer.end !== der.length) return null;
  const identifier = element(der, outer.start);
  if (!identifier || identifier.tag !== 0x30) return null;
  const oid = element(der, identifier.start);
  if (!oid || oid.tag !== 0x06) return null;
  const parameters = oid.end < identifier.end ? element(der, oid.end) : null;
  const bits = element(der, identifier.end);
  if (!bits || bits.tag !== 0x03 || bits.end !== outer.end) return null;
  return {
    oid: hex(der.subarray(oid.start, oid.end)),
    curve: parameters && parameters.tag === 0x06 ? hex(der.subarray(parameters.start, parameters.end)) : null,
  };
}

/** @param {string} pem @returns {Uint8Array | null} the DER of the PEM's first public key */
function pemToDer(pem) {
  const match = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem);
  if (!match) return null;
  const body = match[1].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  return core.base64Bytes(body);
}

/**
 * A DER ECDSA signature (SEQUENCE of two INTEGERs) as the 64 bytes r‖s WebCrypto verifies.
 * @param {Uint8Array} der @returns {Uint8Array | null}
 */
function derToRaw(der) {
  const sequence = element(der, 0);
  if (!sequence || sequence.tag !== 0x30 || sequence.end !== der.length) return null;
  const raw = new Uint8Array(64);
  let at = sequence.start;
  for (const offset of [0, 32]) {
    const integer = element(der, at);
    if (!integer || integer.tag !== 0x02 || integer.end === integer.start) return null;
    let value = der.subarray(integer.start, integer.end);
    if (value[0] & 0x80) return null; // negative
    if (value.length > 1 && value[0] === 0 && !(value[1] & 0x80)) return null; // not minimal
    if (value[0] === 0) value = value.subarray(1);
    if (value.length > 32) return null;
    raw.set(value, offset + 32 - value.length);
    at = integer.end;
  }
  return at === sequence.end ? raw : null;
}

/** @returns {SubtleCrypto} */
function subtle() {
  return globalThis.crypto.subtle;
}

/** @param {Uint8Array} bytes A copy in an ArrayBuffer of its own, which every WebCrypto accepts. */
const buffer = (bytes) => /** @type {ArrayBuffer} */ (bytes.slice().buffer);

/** @type {VerifierCrypto} */
const webCrypto = {
  async sha256Hex(data) {
    return hex(new Uint8Array(await subtle().digest('SHA-256', buffer(data))));
  },
  async readPublicKey(pem) {
    const der = pemToDer(pem);
    const algorithm = der && spkiAlgorithm(der);
    if (!der || !algorithm) return null;
    /** @type {RsaHashedImportParams | EcKeyImportParams | Algorithm | null} */
    let parameters = null;
    if (algorithm.oid === ED25519) parameters = { name: 'Ed25519' };
    else if (algorithm.oid === EC_PUBLIC_KEY && algorithm.curve === P256)
      parameters = { name: 'ECDSA', namedCurve: 'P-256' };
    if (!parameters) {
      // A key the service never accepts, named as Node names it so that the verdict says the same;
      // what Node cannot read at all (an unknown algorithm or curve) is unreadable here too.
      const known = algorithm.oid !== EC_PUBLIC_KEY || OTHER_CURVES.includes(algorithm.curve ?? '');
      const type = { [RSA]: 'rsa', [X25519]: 'x25519', [ED448]: 'ed448', [EC_PUBLIC_KEY]: 'ec' }[algorithm.oid];
      return type && known ? { algorithm: null, type, spki: der, handle: null } : null;
    }
    try {
      const key = await subtle().importKey('spki', buffer(der), parameters, true, ['verify']);
      const spki = new Uint8Array(await subtle().exportKey('spki', key));
      const name = parameters.name === 'Ed25519' ? 'ed25519' : 'ecdsa-p256';
      return { algorithm: name, type: name === 'ed25519' ? 'ed25519' : 'ec', spki, handle: key };
    } catch {
      return null;
    }
  },
  async verify(algorithm, info, data, signature) {
    const key = /** @type {CryptoKey | null} */ (info.handle);
    if (!key) return false;
    try {
      if (algorithm === 'ed25519')
        return (
          signature.length === 64 && (await subtle().verify({ name: 'Ed25519' }, key, buffer(signature), buffer(data)))
        );
      const candidates = signature.length === 64 ? [signature, derToRaw(signature)] : [derToRaw(signature)];
      for (const raw of candidates) {
        if (raw && (await subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, key, buffer(raw), buffer(data))))
          return true;
      }
      return false;
    } catch {
      return false;
    }
  },
};

/**
 * Checks a parsed bundle with WebCrypto; never rejects.
 * @param {unknown} bundle @returns {Promise<BundleVerification>}
 */
function verifyBundle(bundle) {
  return core.verifyBundle(bundle, webCrypto);
}

module.exports = { webCrypto, verifyBundle, derToRaw };
