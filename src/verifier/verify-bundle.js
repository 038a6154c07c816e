#!/usr/bin/env node
// @ts-check
/**
 * Offline verifier of a thidua signed bundle (format `thidua.signed-bundle/1`).
 *
 *   node src/verifier/verify-bundle.js bundle.json      (or: npm run verify-pledge -- bundle.json)
 *
 * Self-contained on purpose: plain CommonJS with Node's built-ins only (node:crypto, node:fs), so
 * that anyone can read it in one sitting, copy it out of the repository and run it without
 * installing anything or trusting the thidua server. Exit code 0: valid; 1: something does not
 * match (every problem is listed); 2: the file cannot be read as JSON.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const { Buffer } = require('node:buffer');

const SIGNED_BUNDLE_FORMAT = 'thidua.signed-bundle/1';
/** Capacities that are a unit head's: the mandate must be `head` of the signature's unit. */
const HEAD_CAPACITIES = ['unit_head', 'cluster_leader_head', 'outgoing_custodian_head', 'incoming_leader_head'];
/** Capacities that cannot be claimed without a mandate. */
const MANDATED_CAPACITIES = [...HEAD_CAPACITIES, 'secretariat'];
/** Every capacity the service signs in; anything else is refused rather than waved through. */
const KNOWN_CAPACITIES = [...MANDATED_CAPACITIES, 'counting_board'];

/**
 * @typedef {{ id: string, kind: string, subjectId: string, canonical: string, digest: string }} BundleDocument
 * @typedef {{ id: string, documentId: string, signerId: string, signerName: string, capacity: string,
 *   unitId: string | null, mandateId: string | null, delegationId: string | null, keyFingerprint: string,
 *   algorithm: string, signature: string, signedAt: string, ledgerSeq: string }} BundleSignature
 * @typedef {{ fingerprint: string, userId: string, algorithm: string, publicKeyPem: string, registeredAt: string,
 *   revokedAt: string | null, revocationReason: string | null }} BundleKey
 * @typedef {{ id: string, userId: string, role: string, unitId: string | null, clusterId: string | null,
 *   validFrom: string, validTo: string | null }} BundleMandate
 * @typedef {{ id: string, unitId: string, delegatorId: string, delegateId: string, validFrom: string,
 *   validTo: string, revokedAt: string | null }} BundleDelegation
 * @typedef {{ seq: string, occurredAt: string, actorId: string | null, action: string, subjectType: string,
 *   subjectId: string, payload: Record<string, unknown> | null, payloadDigest: string, prevHash: string,
 *   hash: string }} BundleLedgerEntry
 * @typedef {{ id: string, documentId: string, signerName: string, capacity: string, signedAt: string,
 *   valid: boolean }} SignatureResult
 * @typedef {{ documents: number, signatures: number, validSignatures: number, keys: number, mandates: number,
 *   delegations: number, ledgerEntries: number, references: number }} CheckedCounts
 * @typedef {{ fromSeq: string, toSeq: string, firstPrevHash: string, lastHash: string }} LedgerSegment
 * @typedef {{ valid: boolean, problems: string[], checked: CheckedCounts, signatures: SignatureResult[],
 *   ledgerSegment: LedgerSegment | null }} BundleVerification
 */

/**
 * RFC 8785 (JCS) canonical JSON: object keys sorted by UTF-16 code units, no whitespace, strings
 * and numbers written as ECMAScript's JSON.stringify writes them.
 * @param {unknown} value
 * @returns {string}
 */
function canonicalize(value) {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalize(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const object = /** @type {Record<string, unknown>} */ (value);
    // Array.prototype.sort without a comparator compares UTF-16 code units, as RFC 8785 requires.
    const keys = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalize(object[key])}`).join(',')}}`;
  }
  throw new Error(`a ${typeof value} cannot be written as JSON`);
}

/** @param {string | Uint8Array} data */
function sha256Hex(data) {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value An instant as milliseconds, or NaN when it is not an ISO date-time. */
function instant(value) {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
}

/** @param {unknown} value */
function short(value) {
  const text = String(value);
  return text.length > 16 ? `${text.slice(0, 12)}…` : text;
}

/**
 * The algorithm a public key is for, as the bundle names it, or null for any other key.
 * @param {crypto.KeyObject} key
 */
function algorithmOf(key) {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ecdsa-p256';
  return null;
}

/**
 * Ed25519 over the bytes themselves; ECDSA P-256 with SHA-256, the signature in DER (as openssl
 * writes it) or, when it is 64 bytes, r‖s (as WebCrypto writes it).
 * @param {string} algorithm @param {crypto.KeyObject} key @param {Buffer} data @param {Buffer} signature
 */
function verifySignature(algorithm, key, data, signature) {
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
}

/**
 * @template T
 * @param {Record<string, any>} bundle @param {string} field @param {string[]} problems
 * @returns {T[]}
 */
function listOf(bundle, field, problems) {
  const value = bundle[field];
  if (Array.isArray(value))
    return value.filter((item, index) => {
      if (isObject(item)) return true;
      problems.push(`${field}[${index}] is not an object`);
      return false;
    });
  problems.push(`the bundle has no "${field}" list`);
  return [];
}

/**
 * Checks everything a bundle says, without the server: documents against their digests,
 * signatures against the keys, keys against their fingerprints, signers against their mandates
 * and delegations at signing time, the ledger segment's hashes and links, and the documents a
 * document references. Never throws; lists every problem found.
 * @param {unknown} bundle
 * @returns {BundleVerification}
 */
function verifyBundle(bundle) {
  /** @type {string[]} */
  const problems = [];
  /** @type {CheckedCounts} */
  const checked = {
    documents: 0,
    signatures: 0,
    validSignatures: 0,
    keys: 0,
    mandates: 0,
    delegations: 0,
    ledgerEntries: 0,
    references: 0,
  };
  if (!isObject(bundle)) {
    return { valid: false, problems: ['the file is not a JSON object'], checked, signatures: [], ledgerSegment: null };
  }
  if (bundle.format !== SIGNED_BUNDLE_FORMAT) {
    problems.push(`format is ${JSON.stringify(bundle.format)}, not "${SIGNED_BUNDLE_FORMAT}"`);
  }

  const documents = /** @type {BundleDocument[]} */ (listOf(bundle, 'documents', problems));
  const keys = /** @type {BundleKey[]} */ (listOf(bundle, 'keys', problems));
  const mandates = /** @type {BundleMandate[]} */ (listOf(bundle, 'mandates', problems));
  const delegations = /** @type {BundleDelegation[]} */ (listOf(bundle, 'delegations', problems));
  const entries = /** @type {BundleLedgerEntry[]} */ (listOf(bundle, 'ledgerEntries', problems));
  const signatures = /** @type {BundleSignature[]} */ (listOf(bundle, 'signatures', problems));

  for (const [what, list, id] of /** @type {[string, Record<string, unknown>[], string][]} */ ([
    ['document', documents, 'id'],
    ['signature', signatures, 'id'],
    ['key', keys, 'fingerprint'],
    ['mandate', mandates, 'id'],
    ['delegation', delegations, 'id'],
  ])) {
    const seen = new Set();
    for (const item of list) {
      if (seen.has(item[id])) problems.push(`the bundle holds ${what} ${String(item[id])} twice`);
      seen.add(item[id]);
    }
  }
  if (signatures.length === 0) problems.push('the bundle holds no signature: there is nothing to verify');
  const documentIntact = checkDocuments(documents, problems, checked);
  const keyObjects = checkKeys(keys, problems, checked);
  const ledger = checkLedger(entries, problems, checked);
  checked.mandates = mandates.length;
  checked.delegations = delegations.length;

  const context = {
    documents: new Map(documents.map((document) => [document.id, document])),
    documentIntact,
    keys: new Map(keys.map((key) => [key.fingerprint, key])),
    keyObjects,
    mandates: new Map(mandates.map((mandate) => [mandate.id, mandate])),
    delegations: new Map(delegations.map((delegation) => [delegation.id, delegation])),
    ledger: ledger.bySeq,
  };
  /** @type {SignatureResult[]} */
  const results = [];
  /** @type {Map<string, BundleSignature[]>} valid signatures per document id */
  const validPerDocument = new Map();
  for (const signature of signatures) {
    const own = checkSignature(signature, context);
    problems.push(...own);
    const valid = own.length === 0;
    checked.signatures += 1;
    if (valid) {
      checked.validSignatures += 1;
      validPerDocument.set(signature.documentId, [...(validPerDocument.get(signature.documentId) ?? []), signature]);
    }
    results.push({
      id: String(signature.id),
      documentId: String(signature.documentId),
      signerName: String(signature.signerName ?? ''),
      capacity: String(signature.capacity),
      signedAt: String(signature.signedAt),
      valid,
    });
  }

  checkReferences(documents, validPerDocument, problems, checked);
  const root = bundle.rootDocumentId;
  if (root !== null && root !== undefined) {
    const document = context.documents.get(root);
    if (!document) problems.push(`the root document ${root} is not in the bundle`);
    else if (!validPerDocument.get(root)?.length)
      problems.push(`the root document ${root} (${document.kind}) has no valid signature`);
  }
  return { valid: problems.length === 0, problems, checked, signatures: results, ledgerSegment: ledger.segment };
}

/**
 * @param {BundleDocument[]} documents @param {string[]} problems @param {CheckedCounts} checked
 * @returns {Set<string>} the ids of documents whose text matches their digest and is canonical
 */
function checkDocuments(documents, problems, checked) {
  const intact = new Set();
  for (const document of documents) {
    checked.documents += 1;
    const name = `document ${document.id} (${document.kind})`;
    if (typeof document.canonical !== 'string') {
      problems.push(`${name}: has no canonical text`);
      continue;
    }
    let ok = true;
    const digest = sha256Hex(Buffer.from(document.canonical, 'utf8'));
    if (digest !== document.digest) {
      problems.push(`${name}: the SHA-256 of its canonical text is ${digest}, not its digest ${document.digest}`);
      ok = false;
    }
    try {
      if (canonicalize(JSON.parse(document.canonical)) !== document.canonical) {
        problems.push(`${name}: its text is not RFC 8785 canonical JSON`);
        ok = false;
      }
    } catch {
      problems.push(`${name}: its canonical text is not JSON`);
      ok = false;
    }
    if (ok) intact.add(document.id);
  }
  return intact;
}

/**
 * @param {BundleKey[]} keys @param {string[]} problems @param {CheckedCounts} checked
 * @returns {Map<string, crypto.KeyObject>} the keys whose PEM, fingerprint and algorithm agree
 */
function checkKeys(keys, problems, checked) {
  const usable = new Map();
  for (const key of keys) {
    checked.keys += 1;
    const name = `key ${key.fingerprint}`;
    /** @type {crypto.KeyObject} */
    let object;
    try {
      if (typeof key.publicKeyPem !== 'string' || !key.publicKeyPem.includes('-----BEGIN PUBLIC KEY-----')) {
        throw new Error('not SPKI PEM');
      }
      object = crypto.createPublicKey(key.publicKeyPem);
    } catch {
      problems.push(`${name}: its publicKeyPem cannot be read as an SPKI public key`);
      continue;
    }
    let ok = true;
    const fingerprint = sha256Hex(object.export({ type: 'spki', format: 'der' }));
    if (fingerprint !== key.fingerprint) {
      problems.push(`${name}: its publicKeyPem has the fingerprint ${fingerprint}, not the one stated`);
      ok = false;
    }
    const algorithm = algorithmOf(object);
    if (algorithm !== key.algorithm) {
      problems.push(
        `${name}: it is stated as ${key.algorithm}, but its public key is ${algorithm ?? object.asymmetricKeyType}`,
      );
      ok = false;
    }
    if (key.revokedAt !== null && key.revokedAt !== undefined && Number.isNaN(instant(key.revokedAt))) {
      problems.push(`${name}: revokedAt ${JSON.stringify(key.revokedAt)} is not a date-time`);
      ok = false;
    }
    if (ok) usable.set(key.fingerprint, object);
  }
  return usable;
}

/**
 * The segment's order, digests, hashes and links, exactly as the server's ledger computes them.
 * @param {BundleLedgerEntry[]} entries @param {string[]} problems @param {CheckedCounts} checked
 */
function checkLedger(entries, problems, checked) {
  /** @type {Map<string, BundleLedgerEntry>} entries whose digest and hash match */
  const bySeq = new Map();
  /** @type {BundleLedgerEntry | null} */
  let previous = null;
  for (const entry of entries) {
    checked.ledgerEntries += 1;
    const name = `ledger entry #${entry.seq} (${entry.action})`;
    let ok = true;
    try {
      const seq = BigInt(entry.seq);
      if (previous && seq !== BigInt(previous.seq) + 1n) {
        problems.push(`${name}: follows entry #${previous.seq}; the segment must be in order without gaps`);
        ok = false;
      }
    } catch {
      problems.push(`ledger entry ${JSON.stringify(entry.seq)}: seq is not a whole number`);
      ok = false;
    }
    try {
      // A withheld payload (null) is an entry about something else: its hash covers payloadDigest.
      const digest = entry.payload === null ? entry.payloadDigest : sha256Hex(canonicalize(entry.payload));
      if (digest !== entry.payloadDigest) {
        problems.push(`${name}: its payload's SHA-256 is ${digest}, not its payloadDigest ${entry.payloadDigest}`);
        ok = false;
      }
      const hash = sha256Hex(
        canonicalize({
          seq: entry.seq,
          occurredAt: entry.occurredAt,
          actorId: entry.actorId,
          action: entry.action,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
          payloadDigest: entry.payloadDigest,
          prevHash: entry.prevHash,
        }),
      );
      if (hash !== entry.hash) {
        problems.push(`${name}: its fields hash to ${hash}, not its hash ${entry.hash}`);
        ok = false;
      }
    } catch (error) {
      problems.push(`${name}: cannot be hashed (${error instanceof Error ? error.message : error})`);
      ok = false;
    }
    if (previous && entry.prevHash !== previous.hash) {
      problems.push(`${name}: its prevHash is not the hash of entry #${previous.seq}`);
      ok = false;
    }
    if (ok) bySeq.set(String(entry.seq), entry);
    previous = entry;
  }
  const first = entries[0];
  const last = entries[entries.length - 1];
  const segment = first
    ? { fromSeq: String(first.seq), toSeq: String(last.seq), firstPrevHash: first.prevHash, lastHash: last.hash }
    : null;
  return { bySeq, segment };
}

/**
 * @param {BundleSignature} signature
 * @param {{ documents: Map<string, BundleDocument>, documentIntact: Set<string>, keys: Map<string, BundleKey>,
 *   keyObjects: Map<string, crypto.KeyObject>, mandates: Map<string, BundleMandate>,
 *   delegations: Map<string, BundleDelegation>, ledger: Map<string, BundleLedgerEntry> }} context
 * @returns {string[]} this signature's problems
 */
function checkSignature(signature, context) {
  /** @type {string[]} */
  const problems = [];
  const name = `signature ${signature.id} by ${signature.signerName || signature.signerId}`;
  const fail = (/** @type {string} */ text) => problems.push(`${name}: ${text}`);
  const signedAt = instant(signature.signedAt);
  if (Number.isNaN(signedAt)) fail(`signedAt ${JSON.stringify(signature.signedAt)} is not a date-time`);

  const document = context.documents.get(signature.documentId);
  if (!document) fail(`its document ${signature.documentId} is not in the bundle`);
  else if (!context.documentIntact.has(document.id)) fail(`its document ${document.id} does not match its digest`);

  const key = context.keys.get(signature.keyFingerprint);
  const keyObject = context.keyObjects.get(signature.keyFingerprint);
  if (!key) fail(`its key ${signature.keyFingerprint} is not in the bundle`);
  else {
    if (!keyObject) fail(`its key ${short(key.fingerprint)} is not a valid key (see the key's problems)`);
    if (signature.algorithm !== key.algorithm) fail(`it says ${signature.algorithm}, its key is ${key.algorithm}`);
    if (key.userId !== signature.signerId) fail(`its key is registered to ${key.userId}, not to the signer`);
    const revokedAt = key.revokedAt === null || key.revokedAt === undefined ? null : instant(key.revokedAt);
    if (revokedAt !== null && !(signedAt < revokedAt)) {
      fail(`signed at ${signature.signedAt}, not before its key was revoked at ${key.revokedAt}`);
    }
  }
  if (document && keyObject && key) {
    const bytes =
      typeof signature.signature === 'string' && /^[A-Za-z0-9+/_-]+={0,2}$/.test(signature.signature)
        ? Buffer.from(signature.signature, 'base64')
        : Buffer.alloc(0);
    if (!verifySignature(key.algorithm, keyObject, Buffer.from(String(document.canonical), 'utf8'), bytes)) {
      fail(
        `the signature does not verify over the canonical bytes of document ${document.id} with key ${short(key.fingerprint)}`,
      );
    }
  }
  checkMandate(signature, signedAt, context, fail);
  checkLedgerRecord(signature, document, context.ledger, fail);
  return problems;
}

/**
 * The mandate (and delegation) that gave the signer their capacity, at `signedAt`.
 * @param {BundleSignature} signature @param {number} signedAt
 * @param {{ mandates: Map<string, BundleMandate>, delegations: Map<string, BundleDelegation> }} context
 * @param {(text: string) => void} fail
 */
function checkMandate(signature, signedAt, context, fail) {
  if (!KNOWN_CAPACITIES.includes(signature.capacity)) return fail(`capacity ${signature.capacity} is not one we know`);
  if (!signature.mandateId) {
    if (MANDATED_CAPACITIES.includes(signature.capacity)) fail(`capacity ${signature.capacity} names no mandate`);
    if (signature.delegationId) fail('it names a delegation but no mandate');
    return;
  }
  const mandate = context.mandates.get(signature.mandateId);
  if (!mandate) return fail(`its mandate ${signature.mandateId} is not in the bundle`);
  const from = instant(mandate.validFrom);
  const to = mandate.validTo === null || mandate.validTo === undefined ? null : instant(mandate.validTo);
  if (!(from <= signedAt && (to === null || signedAt < to))) {
    fail(
      `its mandate ${mandate.id} (${mandate.validFrom} – ${mandate.validTo ?? 'open'}) does not cover ${signature.signedAt}`,
    );
  }
  if (
    HEAD_CAPACITIES.includes(signature.capacity) &&
    !(mandate.role === 'head' && mandate.unitId === signature.unitId)
  ) {
    fail(
      `capacity ${signature.capacity} for unit ${signature.unitId} needs a head mandate of that unit; mandate ${mandate.id} is ${mandate.role} of ${mandate.unitId ?? mandate.clusterId}`,
    );
  }
  if (signature.capacity === 'secretariat' && mandate.role !== 'secretariat') {
    fail(`capacity secretariat needs a secretariat mandate; mandate ${mandate.id} is ${mandate.role}`);
  }
  if (!signature.delegationId) {
    if (mandate.userId !== signature.signerId)
      fail(`its mandate ${mandate.id} is held by ${mandate.userId}, not the signer`);
    return;
  }
  const delegation = context.delegations.get(signature.delegationId);
  if (!delegation) return fail(`its delegation ${signature.delegationId} is not in the bundle`);
  if (delegation.delegateId !== signature.signerId)
    fail(`delegation ${delegation.id} was given to ${delegation.delegateId}, not the signer`);
  if (delegation.delegatorId !== mandate.userId)
    fail(`delegation ${delegation.id} was not given by the holder of mandate ${mandate.id}`);
  if (delegation.unitId !== signature.unitId || (mandate.unitId !== null && mandate.unitId !== delegation.unitId)) {
    fail(`delegation ${delegation.id} is for unit ${delegation.unitId}, not ${signature.unitId}`);
  }
  const dFrom = instant(delegation.validFrom);
  const dTo = instant(delegation.validTo);
  if (!(dFrom <= signedAt && signedAt < dTo)) {
    fail(
      `delegation ${delegation.id} (${delegation.validFrom} – ${delegation.validTo}) does not cover ${signature.signedAt}`,
    );
  }
  if (
    delegation.revokedAt !== null &&
    delegation.revokedAt !== undefined &&
    !(instant(delegation.revokedAt) > signedAt)
  ) {
    fail(`delegation ${delegation.id} was revoked at ${delegation.revokedAt}, before ${signature.signedAt}`);
  }
}

/**
 * The ledger entry that recorded the signature says the same as the signature.
 * @param {BundleSignature} signature @param {BundleDocument | undefined} document
 * @param {Map<string, BundleLedgerEntry>} ledger @param {(text: string) => void} fail
 */
function checkLedgerRecord(signature, document, ledger, fail) {
  const entry = ledger.get(String(signature.ledgerSeq));
  if (!entry) return fail(`its ledger entry #${signature.ledgerSeq} is not an intact entry of the ledger segment`);
  if (entry.payload === null) return fail(`its ledger entry #${signature.ledgerSeq} has its payload withheld`);
  const payload = isObject(entry.payload) ? entry.payload : {};
  // The entry's actor is hashed into the chain: the signer named by the bundle must be that person.
  if (entry.actorId !== signature.signerId) {
    fail(`ledger entry #${entry.seq} was recorded for ${entry.actorId}, the bundle names ${signature.signerId}`);
  }
  /** @type {[string, unknown, unknown][]} */
  const expected = [
    ['signatureId', payload.signatureId, signature.id],
    ['algorithm', payload.algorithm, signature.algorithm],
    ['documentId', payload.documentId, signature.documentId],
    ['digest', payload.digest, document?.digest],
    ['signature', payload.signature, signature.signature],
    ['keyFingerprint', payload.keyFingerprint, signature.keyFingerprint],
    ['capacity', payload.capacity, signature.capacity],
    ['unitId', payload.unitId ?? null, signature.unitId ?? null],
    ['mandateId', payload.mandateId ?? null, signature.mandateId ?? null],
    ['delegationId', payload.delegationId ?? null, signature.delegationId ?? null],
  ];
  for (const [field, recorded, stated] of expected) {
    if (recorded !== stated)
      fail(
        `ledger entry #${entry.seq} recorded ${field} ${JSON.stringify(recorded)}, the bundle says ${JSON.stringify(stated)}`,
      );
  }
  if (instant(payload.signedAt) !== instant(signature.signedAt)) {
    fail(
      `ledger entry #${entry.seq} recorded signedAt ${JSON.stringify(payload.signedAt)}, the bundle says ${signature.signedAt}`,
    );
  }
}

/**
 * A document may list `references: [{ kind, digest }]` (a seal lists the units' documents): each
 * must be in the bundle, with at least one valid signature.
 * @param {BundleDocument[]} documents @param {Map<string, BundleSignature[]>} validPerDocument
 * @param {string[]} problems @param {CheckedCounts} checked
 */
function checkReferences(documents, validPerDocument, problems, checked) {
  for (const document of documents) {
    /** @type {unknown} */
    let content;
    try {
      content = JSON.parse(document.canonical);
    } catch {
      continue; // already reported
    }
    if (!isObject(content) || !Array.isArray(content.references)) continue;
    for (const reference of content.references) {
      checked.references += 1;
      if (!isObject(reference)) {
        problems.push(`document ${document.id} (${document.kind}): a reference is not an object`);
        continue;
      }
      const targets = documents.filter((d) => d.kind === reference.kind && d.digest === reference.digest);
      if (targets.length === 0) {
        problems.push(
          `document ${document.id} (${document.kind}) references ${reference.kind} ${reference.digest}, which is not in the bundle`,
        );
      } else if (!targets.some((target) => validPerDocument.get(target.id)?.length)) {
        problems.push(
          `document ${document.id} (${document.kind}) references ${reference.kind} ${reference.digest}, which has no valid signature`,
        );
      } else if (
        typeof reference.unitId === 'string' &&
        !targets.some((target) =>
          (validPerDocument.get(target.id) ?? []).some(
            (signature) => signature.unitId === reference.unitId && HEAD_CAPACITIES.includes(signature.capacity),
          ),
        )
      ) {
        // A reference naming a unit is covered only by that unit's head (or the head's delegate).
        problems.push(
          `document ${document.id} (${document.kind}) references ${reference.kind} ${reference.digest} of unit ${reference.unitId}, which no head of that unit signed`,
        );
      }
    }
  }
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

/** @param {string[]} argv @returns {number} the exit code */
function main(argv) {
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
  const result = verifyBundle(bundle);
  process.stdout.write(formatReport(bundle, result));
  return result.valid ? 0 : 1;
}

module.exports = { SIGNED_BUNDLE_FORMAT, canonicalize, verifyBundle, formatReport };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
