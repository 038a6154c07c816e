import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, flipBase64, flipPem } from '../../test/utils/signed-bundle-samples';
import { canonicalJson, sha256Hex } from '../modules/ledger/ledger-hash';
import { SIGNED_BUNDLE_FORMAT, type SignedBundle } from '../modules/signatures/signed-bundle';
import { canonicalize, verifyBundle } from './verify-bundle';

const SCRIPT = join(__dirname, 'verify-bundle.js');

function tampered(change: (bundle: SignedBundle) => void): SignedBundle {
  const copy = structuredClone(bundle);
  change(copy);
  return copy;
}

let bundle: SignedBundle;

beforeAll(() => {
  bundle = buildBundle();
});

describe('verifyBundle', () => {
  it('accepts an intact bundle and counts what it checked', async () => {
    const result = await verifyBundle(bundle);
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.checked).toEqual({
      documents: 3,
      signatures: 3,
      validSignatures: 3,
      keys: 3,
      mandates: 3,
      delegations: 1,
      ledgerEntries: 4,
      references: 2,
    });
    expect(result.ledgerSegment).toEqual({
      fromSeq: '41',
      toSeq: '44',
      firstPrevHash: bundle.ledgerEntries[0].prevHash,
      lastHash: bundle.ledgerEntries[3].hash,
    });
  });

  it('refuses a document whose canonical text has one byte changed, naming the document', async () => {
    const doc = bundle.documents[0];
    const result = await verifyBundle(
      tampered((b) => {
        b.documents[0].canonical = doc.canonical.replace('"12"', '"13"');
      }),
    );
    expect(result.valid).toBe(false);
    expect(result.problems).toContainEqual(expect.stringMatching(`^document ${doc.id} \\(unit_pledge\\): the SHA-256`));
    expect(result.problems).toContainEqual(
      expect.stringMatching(`^signature ${bundle.signatures[0].id} .*does not verify`),
    );
    // The seal references the unit's pledge, whose only signature is no longer valid.
    expect(result.problems).toContainEqual(expect.stringMatching('references unit_pledge .* no valid signature'));
  });

  it('refuses a document that is not in canonical form, even with a matching digest', async () => {
    const result = await verifyBundle(
      tampered((b) => {
        const pretty = JSON.stringify(JSON.parse(b.documents[1].canonical), null, 1);
        b.documents[1] = { ...b.documents[1], canonical: pretty, digest: sha256Hex(pretty) };
      }),
    );
    expect(result.problems).toContainEqual(
      `document ${bundle.documents[1].id} (unit_pledge): its text is not RFC 8785 canonical JSON`,
    );
  });

  it('refuses a signature with one byte changed (Ed25519 and ECDSA), naming the signature', async () => {
    for (const index of [0, 1]) {
      const signature = bundle.signatures[index];
      const result = await verifyBundle(
        tampered((b) => {
          b.signatures[index].signature = flipBase64(signature.signature, 10);
        }),
      );
      expect(result.valid).toBe(false);
      expect(result.problems).toContainEqual(
        expect.stringMatching(`^signature ${signature.id} by ${signature.signerName}: the signature does not verify`),
      );
      expect(result.signatures[index].valid).toBe(false);
    }
  });

  it('refuses a key whose PEM has one byte changed, naming the key', async () => {
    const key = bundle.keys[0];
    const result = await verifyBundle(
      tampered((b) => {
        b.keys[0].publicKeyPem = flipPem(key.publicKeyPem, 20);
      }),
    );
    expect(result.valid).toBe(false);
    expect(result.problems).toContainEqual(expect.stringMatching(`^key ${key.fingerprint}: `));
    expect(result.signatures[0].valid).toBe(false);
  });

  it('refuses a ledger entry whose payload has one byte changed, naming the entry', async () => {
    const entry = bundle.ledgerEntries[1];
    const result = await verifyBundle(
      tampered((b) => {
        b.ledgerEntries[1].payload = { note: 'something else happened in betweeN' };
      }),
    );
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      `ledger entry #${entry.seq} (${entry.action}): its payload's SHA-256 is ${sha256Hex(
        canonicalJson({ note: 'something else happened in betweeN' }),
      )}, not its payloadDigest ${entry.payloadDigest}`,
    ]);
  });

  it('refuses a signer other than the person the ledger entry was recorded for', async () => {
    const other = await verifyBundle(
      tampered((b) => {
        b.signatures[0].signerId = b.signatures[2].signerId;
      }),
    );
    expect(other.valid).toBe(false);
    expect(other.problems).toContainEqual(expect.stringMatching(/was recorded for .*, the bundle names/));
  });

  it('refuses a document, key or mandate given twice, and an unknown capacity', async () => {
    const twice = await verifyBundle(
      tampered((b) => {
        b.documents.unshift({ ...b.documents[2], canonical: '{}' });
        b.keys.push({ ...b.keys[0], revokedAt: null });
      }),
    );
    expect(twice.problems).toContainEqual(expect.stringMatching(/^the bundle holds document .* twice$/));
    expect(twice.problems).toContainEqual(expect.stringMatching(/^the bundle holds key .* twice$/));
    const unknown = await verifyBundle(
      tampered((b) => {
        b.signatures[0].capacity = 'witness';
      }),
    );
    expect(unknown.problems).toContainEqual(expect.stringContaining('capacity witness is not one we know'));
  });

  it('refuses a seal reference naming a unit that no head of that unit signed', async () => {
    const seal = bundle.documents[2];
    const content = JSON.parse(seal.canonical) as { references: Record<string, unknown>[] };
    const foreign = await verifyBundle(
      tampered((b) => {
        content.references[0].unitId = 'another-unit';
        b.documents[2].canonical = canonicalize(content);
      }),
    );
    // The seal's own digest no longer matches either: both are reported.
    expect(foreign.problems).toContainEqual(expect.stringContaining('which no head of that unit signed'));
  });

  it('refuses a signature whose ledger entry has its payload withheld', async () => {
    const withheld = await verifyBundle(
      tampered((b) => {
        b.ledgerEntries[0].payload = null;
      }),
    );
    expect(withheld.valid).toBe(false);
    expect(withheld.problems).toContainEqual(expect.stringContaining('has its payload withheld'));
  });

  it('refuses a signature whose ledger entry recorded something else, and a broken link or gap', async () => {
    const recordedElsewhere = await verifyBundle(
      tampered((b) => {
        b.ledgerEntries[0].payload!.signedAt = '2011-11-21T08:00:00.001Z';
      }),
    );
    expect(recordedElsewhere.problems).toContainEqual(expect.stringMatching('^ledger entry #41 .*payloadDigest'));
    expect(recordedElsewhere.problems).toContainEqual(
      expect.stringMatching(`^signature ${bundle.signatures[0].id} .*ledger entry #41 is not an intact entry`),
    );

    const gap = await verifyBundle(tampered((b) => b.ledgerEntries.splice(1, 1)));
    expect(gap.problems).toContainEqual(expect.stringMatching('^ledger entry #43 .*follows entry #41'));
    expect(gap.problems).toContainEqual(
      expect.stringMatching('^ledger entry #43 .*prevHash is not the hash of entry #41'),
    );
  });

  it('refuses a signature outside its mandate (validTo moved before signedAt), naming the mandate', async () => {
    const mandate = bundle.mandates[0];
    const result = await verifyBundle(
      tampered((b) => {
        b.mandates[0].validTo = '2011-11-21T07:59:59.999Z';
      }),
    );
    expect(result.valid).toBe(false);
    expect(result.problems).toContainEqual(
      expect.stringMatching(`^signature ${bundle.signatures[0].id} .*its mandate ${mandate.id} .* does not cover`),
    );
    expect(result.signatures.map((s) => s.valid)).toEqual([false, true, true]);
  });

  it('checks capacity against the mandate and the delegation', async () => {
    const wrongRole = await verifyBundle(tampered((b) => (b.mandates[0].role = 'officer')));
    expect(wrongRole.problems).toContainEqual(
      expect.stringMatching('capacity unit_head for unit .* needs a head mandate'),
    );
    const expired = await verifyBundle(tampered((b) => (b.delegations[0].validTo = '2011-11-21T08:05:00.000Z')));
    expect(expired.problems).toContainEqual(
      expect.stringMatching(`delegation ${bundle.delegations[0].id} .* does not cover`),
    );
    const revoked = await verifyBundle(tampered((b) => (b.delegations[0].revokedAt = '2011-11-21T08:04:00.000Z')));
    expect(revoked.problems).toContainEqual(expect.stringMatching('was revoked at 2011-11-21T08:04:00.000Z'));
    const notTheDelegate = await verifyBundle(tampered((b) => (b.delegations[0].delegateId = randomUUID())));
    expect(notTheDelegate.problems).toContainEqual(expect.stringMatching('was given to .*, not the signer'));
    const missing = await verifyBundle(tampered((b) => (b.delegations = [])));
    expect(missing.problems).toContainEqual(expect.stringMatching('its delegation .* is not in the bundle'));
  });

  it('refuses a signature made after its key was revoked, and accepts one made before', async () => {
    const signedAt = bundle.signatures[0].signedAt;
    const revokedBefore = await verifyBundle(
      tampered((b) => {
        b.keys[0].revokedAt = '2011-11-21T07:00:00.000Z';
        b.keys[0].revocationReason = 'lost';
      }),
    );
    expect(revokedBefore.valid).toBe(false);
    expect(revokedBefore.problems).toContainEqual(
      expect.stringMatching(`signed at ${signedAt}, not before its key was revoked at 2011-11-21T07:00:00.000Z`),
    );
    expect(revokedBefore.signatures.map((s) => s.valid)).toEqual([false, true, true]);
    const revokedAtTheSameInstant = await verifyBundle(tampered((b) => (b.keys[0].revokedAt = signedAt)));
    expect(revokedAtTheSameInstant.valid).toBe(false);

    const revokedAfter = await verifyBundle(
      tampered((b) => {
        b.keys[0].revokedAt = '2011-12-01T00:00:00.000Z';
        b.keys[0].revocationReason = 'replaced';
      }),
    );
    expect(revokedAfter.problems).toEqual([]);
    expect(revokedAfter.valid).toBe(true);
  });

  it('refuses a signature whose key belongs to someone else or is missing, and a root without its document', async () => {
    const otherOwner = await verifyBundle(tampered((b) => (b.keys[0].userId = randomUUID())));
    expect(otherOwner.problems).toContainEqual(expect.stringMatching('its key is registered to .*, not to the signer'));
    const noKey = await verifyBundle(tampered((b) => b.keys.splice(0, 1)));
    expect(noKey.problems).toContainEqual(
      expect.stringMatching(`its key ${bundle.keys[0].fingerprint} is not in the bundle`),
    );
    const noSeal = await verifyBundle(tampered((b) => b.documents.splice(2, 1)));
    expect(noSeal.problems).toContainEqual(`the root document ${bundle.rootDocumentId} is not in the bundle`);
    const noUnitPledge = await verifyBundle(tampered((b) => b.documents.splice(0, 1)));
    expect(noUnitPledge.problems).toContainEqual(expect.stringMatching('references unit_pledge .* not in the bundle'));
  });

  it('reports every problem at once, and never throws on nonsense', async () => {
    const several = await verifyBundle(
      tampered((b) => {
        b.format = 'something/2' as typeof SIGNED_BUNDLE_FORMAT;
        b.mandates[0].validTo = '2011-01-02T00:00:00.000Z';
        b.signatures[2].signature = flipBase64(b.signatures[2].signature, 0);
      }),
    );
    expect(several.problems.length).toBeGreaterThanOrEqual(3);
    for (const nonsense of [null, 42, [], {}, { format: SIGNED_BUNDLE_FORMAT, documents: [null], signatures: 'x' }]) {
      const result = await verifyBundle(nonsense);
      expect(result.valid).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('canonicalize', () => {
  it("writes exactly what the server's RFC 8785 encoder writes", () => {
    const values = [
      { b: 1, a: [true, null, 'x'], é: 'Liên minh Hợp tác xã', '\u20ac': 1e21, '\r': 0.1, '😀': -0, z: { y: 2, x: 1 } },
      [1e-7, 123456789012345680000, 'tab\tquote"back\\slash', '\u2028', '\u0000'],
      { '\ud83d\ude00': 1, '\ufb33': 2, a: 3, A: 4, '1': 5 },
    ];
    for (const value of values) expect(canonicalize(value)).toBe(canonicalJson(value));
  });
});

describe('verify-bundle.js on the command line', () => {
  let dir: string;
  const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-verify-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on a valid bundle and prints each signer with a tick', () => {
    const res = run(write('valid.json', JSON.stringify(bundle, null, 2)));
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('✓ Nguyễn Văn Sơn (unit_head)');
    expect(res.stdout).toContain('VALID');
  });

  it('exits 1 on a bundle that does not check out, listing the problems', () => {
    const broken = tampered((b) => {
      b.documents[0].canonical = b.documents[0].canonical.replace('2012', '2013');
    });
    const res = run(write('broken.json', JSON.stringify(broken)));
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('INVALID');
    expect(res.stdout).toContain(`document ${bundle.documents[0].id} (unit_pledge): the SHA-256`);
  });

  it('exits 2 when the input cannot be read', () => {
    expect(run(write('garbage.json', '{ not json')).status).toBe(2);
    expect(run(join(dir, 'missing.json')).status).toBe(2);
    expect(run().status).toBe(2);
  });
});
