#!/usr/bin/env node
// @ts-check
/**
 * Offline verifier of a thidua signed bundle (format `thidua.signed-bundle/1`).
 *
 *   node src/verifier/verify-bundle.js bundle.json      (or: npm run verify-pledge -- bundle.json)
 *
 * Self-contained on purpose: plain CommonJS with Node's built-ins only (node:crypto, node:fs), so
 * that anyone can read it, copy it with verify-bundle-core.js (the rules, shared with the browser's
 * `/verify` page: decision 036) out of the repository and run it without installing anything or
 * trusting the thidua server. Exit code 0: valid; 1: something does not match (every problem is
 * listed); 2: the file cannot be read as JSON.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const core = require('./verify-bundle-core.js');

/**
 * @typedef {import('./verify-bundle-core.js').BundleVerification} BundleVerification
 * @typedef {import('./verify-bundle-core.js').VerifierCrypto} VerifierCrypto
 */

/**
 * The algorithm a public key is for, as the bundle names it, or null for any other key.
 * @param {crypto.KeyObject} key
 */
function algorithmOf(key) {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ecdsa-p256';
  return null;
}

/** @type {VerifierCrypto} Node's crypto for the core's primitives. */
const nodeCrypto = {
  async sha256Hex(data) {
    return crypto.createHash('sha256').update(data).digest('hex');
  },
  async readPublicKey(pem) {
    try {
      const key = crypto.createPublicKey(pem);
      if (key.type !== 'public') return null;
      return {
        algorithm: algorithmOf(key),
        type: String(key.asymmetricKeyType),
        spki: key.export({ type: 'spki', format: 'der' }),
        handle: key,
      };
    } catch {
      return null;
    }
  },
  // Ed25519 over the bytes themselves; ECDSA P-256 with SHA-256, the signature in DER (as openssl
  // writes it) or, when it is 64 bytes, r‖s (as WebCrypto writes it).
  async verify(algorithm, info, data, signature) {
    const key = /** @type {crypto.KeyObject} */ (info.handle);
    try {
      if (algorithm === 'ed25519') return signature.length === 64 && crypto.verify(null, data, key, signature);
    } catch {
      return false;
    }
    /** @type {('ieee-p1363' | 'der')[]} */
    const encodings = signature.length === 64 ? ['ieee-p1363', 'der'] : ['der'];
    return encodings.some((dsaEncoding) => {
      try {
        return crypto.verify('sha256', data, { key, dsaEncoding }, signature);
      } catch {
        return false;
      }
    });
  },
};

/**
 * Checks a parsed bundle without the server, with Node's crypto; never rejects.
 * @param {unknown} bundle @returns {Promise<BundleVerification>}
 */
function verifyBundle(bundle) {
  return core.verifyBundle(bundle, nodeCrypto);
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A report for a person: what the bundle holds, each signature with ✓ or ✗, then the problems.
 * @param {unknown} bundle @param {BundleVerification} result
 * @returns {string}
 */
function formatReport(bundle, result) {
  const b = isObject(bundle) ? bundle : {};
  const lines = [`thidua signed bundle (${String(b.format)})`];
  if (isObject(b.subject)) lines.push(`subject:   ${b.subject.type} ${b.subject.id}`);
  if (b.generatedAt) lines.push(`generated: ${b.generatedAt}`);
  const c = result.checked;
  lines.push(
    `checked:   ${c.documents} documents, ${c.signatures} signatures (${c.validSignatures} valid), ${c.keys} keys, ` +
      `${c.mandates} mandates, ${c.delegations} delegations, ${c.ledgerEntries} ledger entries, ${c.references} references`,
  );
  if (result.ledgerSegment) {
    const s = result.ledgerSegment;
    lines.push(`ledger:    entries #${s.fromSeq}–#${s.toSeq}; hash of #${s.toSeq}: ${s.lastHash}`);
  }
  const documents = Array.isArray(b.documents) ? b.documents.filter(isObject) : [];
  if (documents.length > 0)
    lines.push('', `documents${b.rootDocumentId ? ' (* the root, which covers the others)' : ''}:`);
  for (const d of documents) {
    lines.push(`  ${d.id === b.rootDocumentId ? '*' : ' '} ${d.kind} ${d.id}  sha256 ${d.digest}`);
  }
  if (result.signatures.length > 0) lines.push('', 'signatures:');
  for (const s of result.signatures) {
    lines.push(`  ${s.valid ? '✓' : '✗'} ${s.signerName} (${s.capacity}) at ${s.signedAt}, document ${s.documentId}`);
  }
  lines.push('');
  if (result.valid) lines.push('VALID: every document, signature, key, mandate and ledger entry checks out.');
  else {
    lines.push(`INVALID: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`);
    for (const problem of result.problems) lines.push(`  - ${problem}`);
  }
  return `${lines.join('\n')}\n`;
}

/** @param {string[]} argv @returns {Promise<number>} the exit code */
async function main(argv) {
  const file = argv[0];
  if (!file) {
    process.stderr.write('usage: node src/verifier/verify-bundle.js bundle.json\n');
    return 2;
  }
  /** @type {unknown} */
  let bundle;
  try {
    bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`cannot read ${file} as JSON: ${error instanceof Error ? error.message : error}\n`);
    return 2;
  }
  const result = await verifyBundle(bundle);
  process.stdout.write(formatReport(bundle, result));
  return result.valid ? 0 : 1;
}

module.exports = {
  SIGNED_BUNDLE_FORMAT: core.SIGNED_BUNDLE_FORMAT,
  canonicalize: core.canonicalize,
  nodeCrypto,
  verifyBundle,
  formatReport,
};

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
