// @ts-check
/**
 * The rules of a thidua signed bundle (format `thidua.signed-bundle/1`), written once for every
 * place that checks one: the command line (verify-bundle.js, Node's crypto) and the public page
 * `/verify` (verify-bundle-webcrypto.js, the browser's WebCrypto). Decision 036.
 *
 * Platform-neutral on purpose: no `require`, no Node or DOM API but TextEncoder; the cryptography
 * (SHA-256, reading a public key, checking a signature) is handed in as `VerifierCrypto`. Plain
 * CommonJS so that `node` runs it without a build step and Vite bundles it for the browser.
 */
'use strict';

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
 * @typedef {{ kind: string, params: Record<string, string> }} BundleIssue
 * @typedef {{ valid: boolean, problems: string[], issues: BundleIssue[], checked: CheckedCounts,
 *   signatures: SignatureResult[], ledgerSegment: LedgerSegment | null }} BundleVerification
 * @typedef {{ algorithm: string | null, type: string, spki: Uint8Array, handle: unknown }} PublicKeyInfo
 * @typedef {{
 *   sha256Hex(data: Uint8Array): Promise<string>,
 *   readPublicKey(pem: string): Promise<PublicKeyInfo | null>,
 *   verify(algorithm: string, key: PublicKeyInfo, data: Uint8Array, signature: Uint8Array): Promise<boolean>,
 * }} VerifierCrypto
 *   `readPublicKey` answers null for what is not an SPKI public key; `algorithm` is `ed25519`, `ecdsa-p256`
 *   or null for any other key; `spki` is its DER as the platform re-encodes it. `verify` never throws.
 */

/**
 * Every problem found: a sentence in English (the command line prints it) and a kind with its
 * parameters (the web page says it in the reader's language).
 */
class Findings {
  constructor() {
    /** @type {string[]} */ this.problems = [];
    /** @type {BundleIssue[]} */ this.issues = [];
  }

  /** @param {string} kind @param {Record<string, unknown>} params @param {string} text */
  add(kind, params, text) {
    this.problems.push(text);
    this.issues.push({ kind, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  }
}

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

// TextEncoder is a global of Node and of every browser alike.
const utf8 = (/** @type {string} */ text) => new globalThis.TextEncoder().encode(text);

/**
 * Base64 or base64url to bytes, as Node's Buffer reads them (padding optional).
 * @param {string} text @returns {Uint8Array}
 */
function base64Bytes(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const digits = text
    .replace(/=+$/, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .split('')
    .map((char) => alphabet.indexOf(char));
  const bytes = new Uint8Array(Math.floor((digits.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const digit of digits) {
    buffer = (buffer << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
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
 * @template T
 * @param {Record<string, any>} bundle @param {string} field @param {Findings} findings
 * @returns {T[]}
 */
function listOf(bundle, field, findings) {
  const value = bundle[field];
  if (Array.isArray(value))
    return value.filter((item, index) => {
      if (isObject(item)) return true;
      findings.add('item_not_object', { field, index }, `${field}[${index}] is not an object`);
      return false;
    });
  findings.add('list_missing', { field }, `the bundle has no "${field}" list`);
  return [];
}

/**
 * Checks everything a bundle says, without the server: documents against their digests,
 * signatures against the keys, keys against their fingerprints, signers against their mandates
 * and delegations at signing time, the ledger segment's hashes and links, and the documents a
 * document references. Never rejects; lists every problem found.
 * @param {unknown} bundle
 * @param {VerifierCrypto} crypto
 * @returns {Promise<BundleVerification>}
 */
async function verifyBundle(bundle, crypto) {
  const findings = new Findings();
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
  const verdict = (/** @type {SignatureResult[]} */ signatures, /** @type {LedgerSegment | null} */ segment) => ({
    valid: findings.problems.length === 0,
    problems: findings.problems,
    issues: findings.issues,
    checked,
    signatures,
    ledgerSegment: segment,
  });
  if (!isObject(bundle)) {
    findings.add('not_object', {}, 'the file is not a JSON object');
    return verdict([], null);
  }
  if (bundle.format !== SIGNED_BUNDLE_FORMAT) {
    findings.add(
      'wrong_format',
      { format: JSON.stringify(bundle.format) ?? 'undefined' },
      `format is ${JSON.stringify(bundle.format)}, not "${SIGNED_BUNDLE_FORMAT}"`,
    );
  }

  const documents = /** @type {BundleDocument[]} */ (listOf(bundle, 'documents', findings));
  const keys = /** @type {BundleKey[]} */ (listOf(bundle, 'keys', findings));
  const mandates = /** @type {BundleMandate[]} */ (listOf(bundle, 'mandates', findings));
  const delegations = /** @type {BundleDelegation[]} */ (listOf(bundle, 'delegations', findings));
  const entries = /** @type {BundleLedgerEntry[]} */ (listOf(bundle, 'ledgerEntries', findings));
  const signatures = /** @type {BundleSignature[]} */ (listOf(bundle, 'signatures', findings));

  for (const [what, list, id] of /** @type {[string, Record<string, unknown>[], string][]} */ ([
    ['document', documents, 'id'],
    ['signature', signatures, 'id'],
    ['key', keys, 'fingerprint'],
    ['mandate', mandates, 'id'],
    ['delegation', delegations, 'id'],
  ])) {
    const seen = new Set();
    for (const item of list) {
      if (seen.has(item[id]))
        findings.add('duplicate', { what, id: item[id] }, `the bundle holds ${what} ${String(item[id])} twice`);
      seen.add(item[id]);
    }
  }
  if (signatures.length === 0)
    findings.add('no_signature', {}, 'the bundle holds no signature: there is nothing to verify');
  const documentIntact = await checkDocuments(documents, crypto, findings, checked);
  const keyObjects = await checkKeys(keys, crypto, findings, checked);
  const ledger = await checkLedger(entries, crypto, findings, checked);
  checked.mandates = mandates.length;
  checked.delegations = delegations.length;

  const context = {
    crypto,
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
    const own = new Findings();
    await checkSignature(signature, context, own);
    findings.problems.push(...own.problems);
    findings.issues.push(...own.issues);
    const valid = own.problems.length === 0;
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

  checkReferences(documents, validPerDocument, findings, checked);
  const root = bundle.rootDocumentId;
  if (root !== null && root !== undefined) {
    const document = context.documents.get(root);
    if (!document) findings.add('root_missing', { documentId: root }, `the root document ${root} is not in the bundle`);
    else if (!validPerDocument.get(root)?.length)
      findings.add(
        'root_unsigned',
        { documentId: root, kind: document.kind },
        `the root document ${root} (${document.kind}) has no valid signature`,
      );
  }
  return verdict(results, ledger.segment);
}

/**
 * @param {BundleDocument[]} documents @param {VerifierCrypto} crypto @param {Findings} findings
 * @param {CheckedCounts} checked
 * @returns {Promise<Set<string>>} the ids of documents whose text matches their digest and is canonical
 */
async function checkDocuments(documents, crypto, findings, checked) {
  const intact = new Set();
  for (const document of documents) {
    checked.documents += 1;
    const name = `document ${document.id} (${document.kind})`;
    const about = { documentId: document.id, kind: document.kind };
    if (typeof document.canonical !== 'string') {
      findings.add('document_no_text', about, `${name}: has no canonical text`);
      continue;
    }
    let ok = true;
    const digest = await crypto.sha256Hex(utf8(document.canonical));
    if (digest !== document.digest) {
      findings.add(
        'document_digest_mismatch',
        { ...about, digest, stated: document.digest },
        `${name}: the SHA-256 of its canonical text is ${digest}, not its digest ${document.digest}`,
      );
      ok = false;
    }
    try {
      if (canonicalize(JSON.parse(document.canonical)) !== document.canonical) {
        findings.add('document_not_canonical', about, `${name}: its text is not RFC 8785 canonical JSON`);
        ok = false;
      }
    } catch {
      findings.add('document_not_json', about, `${name}: its canonical text is not JSON`);
      ok = false;
    }
    if (ok) intact.add(document.id);
  }
  return intact;
}

/**
 * @param {BundleKey[]} keys @param {VerifierCrypto} crypto @param {Findings} findings @param {CheckedCounts} checked
 * @returns {Promise<Map<string, PublicKeyInfo>>} the keys whose PEM, fingerprint and algorithm agree
 */
async function checkKeys(keys, crypto, findings, checked) {
  const usable = new Map();
  for (const key of keys) {
    checked.keys += 1;
    const name = `key ${key.fingerprint}`;
    const about = { fingerprint: key.fingerprint };
    const info =
      typeof key.publicKeyPem === 'string' && key.publicKeyPem.includes('-----BEGIN PUBLIC KEY-----')
        ? await crypto.readPublicKey(key.publicKeyPem)
        : null;
    if (!info) {
      findings.add('key_unreadable', about, `${name}: its publicKeyPem cannot be read as an SPKI public key`);
      continue;
    }
    let ok = true;
    const fingerprint = await crypto.sha256Hex(info.spki);
    if (fingerprint !== key.fingerprint) {
      findings.add(
        'key_fingerprint_mismatch',
        { ...about, actual: fingerprint },
        `${name}: its publicKeyPem has the fingerprint ${fingerprint}, not the one stated`,
      );
      ok = false;
    }
    if (info.algorithm !== key.algorithm) {
      findings.add(
        'key_algorithm_mismatch',
        { ...about, stated: key.algorithm, actual: info.algorithm ?? info.type },
        `${name}: it is stated as ${key.algorithm}, but its public key is ${info.algorithm ?? info.type}`,
      );
      ok = false;
    }
    if (key.revokedAt !== null && key.revokedAt !== undefined && Number.isNaN(instant(key.revokedAt))) {
      findings.add(
        'key_revoked_at_invalid',
        { ...about, revokedAt: JSON.stringify(key.revokedAt) },
        `${name}: revokedAt ${JSON.stringify(key.revokedAt)} is not a date-time`,
      );
      ok = false;
    }
    if (ok) usable.set(key.fingerprint, info);
  }
  return usable;
}

/**
 * The segment's order, digests, hashes and links, exactly as the server's ledger computes them.
 * @param {BundleLedgerEntry[]} entries @param {VerifierCrypto} crypto @param {Findings} findings
 * @param {CheckedCounts} checked
 */
async function checkLedger(entries, crypto, findings, checked) {
  /** @type {Map<string, BundleLedgerEntry>} entries whose digest and hash match */
  const bySeq = new Map();
  /** @type {BundleLedgerEntry | null} */
  let previous = null;
  for (const entry of entries) {
    checked.ledgerEntries += 1;
    const name = `ledger entry #${entry.seq} (${entry.action})`;
    const about = { seq: entry.seq, action: entry.action };
    let ok = true;
    try {
      const seq = BigInt(entry.seq);
      if (previous && seq !== BigInt(previous.seq) + 1n) {
        findings.add(
          'ledger_gap',
          { ...about, previousSeq: previous.seq },
          `${name}: follows entry #${previous.seq}; the segment must be in order without gaps`,
        );
        ok = false;
      }
    } catch {
      findings.add('ledger_seq_invalid', about, `ledger entry ${JSON.stringify(entry.seq)}: seq is not a whole number`);
      ok = false;
    }
    try {
      // A withheld payload (null) is an entry about something else: its hash covers payloadDigest.
      const digest =
        entry.payload === null ? entry.payloadDigest : await crypto.sha256Hex(utf8(canonicalize(entry.payload)));
      if (digest !== entry.payloadDigest) {
        findings.add(
          'ledger_payload_mismatch',
          about,
          `${name}: its payload's SHA-256 is ${digest}, not its payloadDigest ${entry.payloadDigest}`,
        );
        ok = false;
      }
      const hash = await crypto.sha256Hex(
        utf8(
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
        ),
      );
      if (hash !== entry.hash) {
        findings.add('ledger_hash_mismatch', about, `${name}: its fields hash to ${hash}, not its hash ${entry.hash}`);
        ok = false;
      }
    } catch (error) {
      findings.add(
        'ledger_unhashable',
        about,
        `${name}: cannot be hashed (${error instanceof Error ? error.message : error})`,
      );
      ok = false;
    }
    if (previous && entry.prevHash !== previous.hash) {
      findings.add(
        'ledger_link_broken',
        { ...about, previousSeq: previous.seq },
        `${name}: its prevHash is not the hash of entry #${previous.seq}`,
      );
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
 * @typedef {{ crypto: VerifierCrypto, documents: Map<string, BundleDocument>, documentIntact: Set<string>,
 *   keys: Map<string, BundleKey>, keyObjects: Map<string, PublicKeyInfo>, mandates: Map<string, BundleMandate>,
 *   delegations: Map<string, BundleDelegation>, ledger: Map<string, BundleLedgerEntry> }} SignatureContext
 * @typedef {(kind: string, params: Record<string, unknown>, text: string) => void} Fail
 */

/**
 * @param {BundleSignature} signature @param {SignatureContext} context @param {Findings} findings
 * this signature's problems, each with the signature's id and signer
 */
async function checkSignature(signature, context, findings) {
  const name = `signature ${signature.id} by ${signature.signerName || signature.signerId}`;
  /** @type {Fail} */
  const fail = (kind, params, text) =>
    findings.add(
      kind,
      { signatureId: signature.id, signer: signature.signerName || signature.signerId, ...params },
      `${name}: ${text}`,
    );
  const signedAt = instant(signature.signedAt);
  if (Number.isNaN(signedAt))
    fail(
      'signed_at_invalid',
      { signedAt: JSON.stringify(signature.signedAt) },
      `signedAt ${JSON.stringify(signature.signedAt)} is not a date-time`,
    );

  const document = context.documents.get(signature.documentId);
  if (!document)
    fail(
      'signature_document_missing',
      { documentId: signature.documentId },
      `its document ${signature.documentId} is not in the bundle`,
    );
  else if (!context.documentIntact.has(document.id))
    fail(
      'signature_document_altered',
      { documentId: document.id },
      `its document ${document.id} does not match its digest`,
    );

  const key = context.keys.get(signature.keyFingerprint);
  const keyObject = context.keyObjects.get(signature.keyFingerprint);
  if (!key)
    fail(
      'signature_key_missing',
      { fingerprint: signature.keyFingerprint },
      `its key ${signature.keyFingerprint} is not in the bundle`,
    );
  else {
    const aboutKey = { fingerprint: key.fingerprint };
    if (!keyObject)
      fail(
        'signature_key_invalid',
        aboutKey,
        `its key ${short(key.fingerprint)} is not a valid key (see the key's problems)`,
      );
    if (signature.algorithm !== key.algorithm)
      fail(
        'signature_algorithm_mismatch',
        { ...aboutKey, stated: signature.algorithm, actual: key.algorithm },
        `it says ${signature.algorithm}, its key is ${key.algorithm}`,
      );
    if (key.userId !== signature.signerId)
      fail('signature_key_not_signers', aboutKey, `its key is registered to ${key.userId}, not to the signer`);
    const revokedAt = key.revokedAt === null || key.revokedAt === undefined ? null : instant(key.revokedAt);
    if (revokedAt !== null && !(signedAt < revokedAt)) {
      fail(
        'signature_after_revocation',
        { ...aboutKey, signedAt: signature.signedAt, revokedAt: key.revokedAt },
        `signed at ${signature.signedAt}, not before its key was revoked at ${key.revokedAt}`,
      );
    }
  }
  if (document && keyObject && key) {
    const bytes =
      typeof signature.signature === 'string' && /^[A-Za-z0-9+/_-]+={0,2}$/.test(signature.signature)
        ? base64Bytes(signature.signature)
        : new Uint8Array(0);
    if (!(await context.crypto.verify(key.algorithm, keyObject, utf8(String(document.canonical)), bytes))) {
      fail(
        'signature_does_not_verify',
        { documentId: document.id, fingerprint: key.fingerprint },
        `the signature does not verify over the canonical bytes of document ${document.id} with key ${short(key.fingerprint)}`,
      );
    }
  }
  checkMandate(signature, signedAt, context, fail);
  checkLedgerRecord(signature, document, context.ledger, fail);
}

/**
 * The mandate (and delegation) that gave the signer their capacity, at `signedAt`.
 * @param {BundleSignature} signature @param {number} signedAt
 * @param {{ mandates: Map<string, BundleMandate>, delegations: Map<string, BundleDelegation> }} context
 * @param {Fail} fail
 */
function checkMandate(signature, signedAt, context, fail) {
  const capacity = { capacity: signature.capacity };
  if (!KNOWN_CAPACITIES.includes(signature.capacity))
    return fail('capacity_unknown', capacity, `capacity ${signature.capacity} is not one we know`);
  if (!signature.mandateId) {
    if (MANDATED_CAPACITIES.includes(signature.capacity))
      fail('capacity_without_mandate', capacity, `capacity ${signature.capacity} names no mandate`);
    if (signature.delegationId) fail('delegation_without_mandate', {}, 'it names a delegation but no mandate');
    return;
  }
  const mandate = context.mandates.get(signature.mandateId);
  if (!mandate)
    return fail(
      'mandate_missing',
      { mandateId: signature.mandateId },
      `its mandate ${signature.mandateId} is not in the bundle`,
    );
  const aboutMandate = { mandateId: mandate.id, validFrom: mandate.validFrom, validTo: mandate.validTo ?? '' };
  const from = instant(mandate.validFrom);
  const to = mandate.validTo === null || mandate.validTo === undefined ? null : instant(mandate.validTo);
  if (!(from <= signedAt && (to === null || signedAt < to))) {
    fail(
      'mandate_not_covering',
      { ...aboutMandate, signedAt: signature.signedAt },
      `its mandate ${mandate.id} (${mandate.validFrom} – ${mandate.validTo ?? 'open'}) does not cover ${signature.signedAt}`,
    );
  }
  if (
    HEAD_CAPACITIES.includes(signature.capacity) &&
    !(mandate.role === 'head' && mandate.unitId === signature.unitId)
  ) {
    fail(
      'mandate_not_head',
      { ...aboutMandate, ...capacity, role: mandate.role },
      `capacity ${signature.capacity} for unit ${signature.unitId} needs a head mandate of that unit; mandate ${mandate.id} is ${mandate.role} of ${mandate.unitId ?? mandate.clusterId}`,
    );
  }
  if (signature.capacity === 'secretariat' && mandate.role !== 'secretariat') {
    fail(
      'mandate_not_secretariat',
      { ...aboutMandate, role: mandate.role },
      `capacity secretariat needs a secretariat mandate; mandate ${mandate.id} is ${mandate.role}`,
    );
  }
  if (!signature.delegationId) {
    if (mandate.userId !== signature.signerId)
      fail(
        'mandate_not_signers',
        aboutMandate,
        `its mandate ${mandate.id} is held by ${mandate.userId}, not the signer`,
      );
    return;
  }
  const delegation = context.delegations.get(signature.delegationId);
  if (!delegation)
    return fail(
      'delegation_missing',
      { delegationId: signature.delegationId },
      `its delegation ${signature.delegationId} is not in the bundle`,
    );
  const aboutDelegation = {
    delegationId: delegation.id,
    validFrom: delegation.validFrom,
    validTo: delegation.validTo,
  };
  if (delegation.delegateId !== signature.signerId)
    fail(
      'delegation_not_to_signer',
      aboutDelegation,
      `delegation ${delegation.id} was given to ${delegation.delegateId}, not the signer`,
    );
  if (delegation.delegatorId !== mandate.userId)
    fail(
      'delegation_not_from_holder',
      aboutDelegation,
      `delegation ${delegation.id} was not given by the holder of mandate ${mandate.id}`,
    );
  if (delegation.unitId !== signature.unitId || (mandate.unitId !== null && mandate.unitId !== delegation.unitId)) {
    fail(
      'delegation_other_unit',
      aboutDelegation,
      `delegation ${delegation.id} is for unit ${delegation.unitId}, not ${signature.unitId}`,
    );
  }
  const dFrom = instant(delegation.validFrom);
  const dTo = instant(delegation.validTo);
  if (!(dFrom <= signedAt && signedAt < dTo)) {
    fail(
      'delegation_not_covering',
      { ...aboutDelegation, signedAt: signature.signedAt },
      `delegation ${delegation.id} (${delegation.validFrom} – ${delegation.validTo}) does not cover ${signature.signedAt}`,
    );
  }
  if (
    delegation.revokedAt !== null &&
    delegation.revokedAt !== undefined &&
    !(instant(delegation.revokedAt) > signedAt)
  ) {
    fail(
      'delegation_revoked',
      { ...aboutDelegation, revokedAt: delegation.revokedAt, signedAt: signature.signedAt },
      `delegation ${delegation.id} was revoked at ${delegation.revokedAt}, before ${signature.signedAt}`,
    );
  }
}

/**
 * The ledger entry that recorded the signature says the same as the signature.
 * @param {BundleSignature} signature @param {BundleDocument | undefined} document
 * @param {Map<string, BundleLedgerEntry>} ledger @param {Fail} fail
 */
function checkLedgerRecord(signature, document, ledger, fail) {
  const entry = ledger.get(String(signature.ledgerSeq));
  const about = { seq: signature.ledgerSeq };
  if (!entry)
    return fail(
      'ledger_record_missing',
      about,
      `its ledger entry #${signature.ledgerSeq} is not an intact entry of the ledger segment`,
    );
  if (entry.payload === null)
    return fail('ledger_record_withheld', about, `its ledger entry #${signature.ledgerSeq} has its payload withheld`);
  const payload = isObject(entry.payload) ? entry.payload : {};
  // The entry's actor is hashed into the chain: the signer named by the bundle must be that person.
  if (entry.actorId !== signature.signerId) {
    fail(
      'ledger_record_other_actor',
      about,
      `ledger entry #${entry.seq} was recorded for ${entry.actorId}, the bundle names ${signature.signerId}`,
    );
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
        'ledger_record_differs',
        { ...about, field },
        `ledger entry #${entry.seq} recorded ${field} ${JSON.stringify(recorded)}, the bundle says ${JSON.stringify(stated)}`,
      );
  }
  if (instant(payload.signedAt) !== instant(signature.signedAt)) {
    fail(
      'ledger_record_differs',
      { ...about, field: 'signedAt' },
      `ledger entry #${entry.seq} recorded signedAt ${JSON.stringify(payload.signedAt)}, the bundle says ${signature.signedAt}`,
    );
  }
}

/**
 * A document may list `references: [{ kind, digest }]` (a seal lists the units' documents): each
 * must be in the bundle, with at least one valid signature.
 * @param {BundleDocument[]} documents @param {Map<string, BundleSignature[]>} validPerDocument
 * @param {Findings} findings @param {CheckedCounts} checked
 */
function checkReferences(documents, validPerDocument, findings, checked) {
  for (const document of documents) {
    /** @type {unknown} */
    let content;
    try {
      content = JSON.parse(document.canonical);
    } catch {
      continue; // already reported
    }
    if (!isObject(content) || !Array.isArray(content.references)) continue;
    const name = `document ${document.id} (${document.kind})`;
    for (const reference of content.references) {
      checked.references += 1;
      if (!isObject(reference)) {
        findings.add(
          'reference_not_object',
          { documentId: document.id, kind: document.kind },
          `${name}: a reference is not an object`,
        );
        continue;
      }
      const about = {
        documentId: document.id,
        kind: document.kind,
        referenceKind: reference.kind,
        referenceDigest: reference.digest,
      };
      const targets = documents.filter((d) => d.kind === reference.kind && d.digest === reference.digest);
      if (targets.length === 0) {
        findings.add(
          'reference_missing',
          about,
          `${name} references ${reference.kind} ${reference.digest}, which is not in the bundle`,
        );
      } else if (!targets.some((target) => validPerDocument.get(target.id)?.length)) {
        findings.add(
          'reference_unsigned',
          about,
          `${name} references ${reference.kind} ${reference.digest}, which has no valid signature`,
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
        findings.add(
          'reference_not_unit_head',
          { ...about, unitId: reference.unitId },
          `${name} references ${reference.kind} ${reference.digest} of unit ${reference.unitId}, which no head of that unit signed`,
        );
      }
    }
  }
}

module.exports = { SIGNED_BUNDLE_FORMAT, HEAD_CAPACITIES, canonicalize, base64Bytes, verifyBundle };
