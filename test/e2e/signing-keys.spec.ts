import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser } from '../utils/signed-in';

/**
 * Signing keys through HTTP: a challenge, a key registered with a proof of possession (Ed25519 as
 * PEM, P-256 as JWK), the refusals around it, public lookups, and revocation.
 */
describe('signing keys', () => {
  let t: TestApp;
  const HEAD = 'chutich.son-la@thidua.local';
  const OTHER = 'chutich.lai-chau@thidua.local';
  const DELEGATE = 'daibieu.son-la@thidua.local';
  let headId: string;

  const pemOf = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
  const fingerprintOf = (key: KeyObject) =>
    createHash('sha256')
      .update(key.export({ type: 'spki', format: 'der' }))
      .digest('hex');

  async function challenge(email: string) {
    const res = await t.http.post(`${API}/me/signing-keys/challenges`).set(await asUser(t, email));
    expect(res.status).toBe(201);
    return res.body as { id: string; challenge: string; expiresAt: string };
  }

  /** The proof: the private key's signature over the challenge text's UTF-8 bytes, base64. */
  function prove(privateKey: KeyObject, text: string): string {
    const algorithm = privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    return sign(algorithm, Buffer.from(text, 'utf8'), privateKey).toString('base64');
  }

  async function register(email: string, body: Record<string, unknown>) {
    return t.http
      .post(`${API}/me/signing-keys`)
      .set(await asUser(t, email))
      .send(body);
  }

  /** A new Ed25519 key registered for `email`: the response and the private key. */
  async function registered(email: string, label?: string) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const c = await challenge(email);
    const res = await register(email, {
      publicKey: pemOf(publicKey),
      challengeId: c.id,
      challengeSignature: prove(privateKey, c.challenge),
      ...(label ? { label } : {}),
    });
    expect(res.status).toBe(201);
    return { key: res.body, privateKey, publicKey };
  }

  beforeAll(async () => {
    t = await createTestApp();
    headId = (await t.http.get(`${API}/me`).set(await asUser(t, HEAD))).body.user.id;
  });
  afterAll(() => t.close());

  describe('registration', () => {
    it('gives a one-time challenge naming the caller, valid for 10 minutes', async () => {
      const c = await challenge(HEAD);
      const lines = c.challenge.split('\n');
      expect(lines[0]).toBe('thidua key registration');
      expect(lines[1]).toBe(`user: ${headId}`);
      expect(lines[2]).toMatch(/^nonce: [A-Za-z0-9_-]{43}$/);
      expect(lines[3]).toBe(`expires: ${c.expiresAt}`);
      const [row] = await t.dataSource.query(
        `SELECT user_id, challenge, used_at, round(extract(epoch FROM expires_at - created_at)) AS lifetime
           FROM signing_key_challenges WHERE id = $1`,
        [c.id],
      );
      expect(row).toMatchObject({ user_id: headId, challenge: c.challenge, used_at: null });
      expect(Number(row.lifetime)).toBe(600);
    });

    it('registers an Ed25519 key sent as PEM, with its fingerprint, and records it in the ledger', async () => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const c = await challenge(HEAD);
      const res = await register(HEAD, {
        publicKey: pemOf(publicKey),
        challengeId: c.id,
        challengeSignature: prove(privateKey, c.challenge),
        label: '  Khóa ký trên máy văn phòng  ',
      });

      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        userId: headId,
        algorithm: 'ed25519',
        fingerprint: fingerprintOf(publicKey),
        publicKeyPem: pemOf(publicKey),
        label: 'Khóa ký trên máy văn phòng',
        registeredAt: expect.any(String),
        revokedAt: null,
        revocationReason: null,
      });
      const [used] = await t.dataSource.query('SELECT used_at FROM signing_key_challenges WHERE id = $1', [c.id]);
      expect(used.used_at).not.toBeNull();
      const entries = await t.dataSource.query(
        `SELECT actor_id, payload FROM ledger_entries WHERE action = 'signatures.key_registered' AND subject_id = $1`,
        [res.body.id],
      );
      expect(entries).toEqual([
        {
          actor_id: headId,
          payload: expect.objectContaining({
            userId: headId,
            fingerprint: fingerprintOf(publicKey),
            algorithm: 'ed25519',
            challengeId: c.id,
          }),
        },
      ]);
    });

    it('registers a P-256 key sent as a public JWK, proved with an r‖s (WebCrypto) signature', async () => {
      const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const c = await challenge(HEAD);
      const p1363 = sign('sha256', Buffer.from(c.challenge, 'utf8'), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const res = await register(HEAD, {
        publicKey: publicKey.export({ format: 'jwk' }),
        challengeId: c.id,
        challengeSignature: p1363.toString('base64'),
      });

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        algorithm: 'ecdsa-p256',
        fingerprint: fingerprintOf(publicKey),
        publicKeyPem: pemOf(publicKey),
        label: null,
      });
    });

    it('refuses a proof made with another key, and leaves the challenge usable', async () => {
      const { publicKey } = generateKeyPairSync('ed25519');
      const impostor = generateKeyPairSync('ed25519').privateKey;
      const c = await challenge(HEAD);
      const res = await register(HEAD, {
        publicKey: pemOf(publicKey),
        challengeId: c.id,
        challengeSignature: prove(impostor, c.challenge),
      });

      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 422,
        code: 'proof_of_possession_failed',
      });
      const [row] = await t.dataSource.query('SELECT used_at FROM signing_key_challenges WHERE id = $1', [c.id]);
      expect(row.used_at).toBeNull();
      const stored = await t.dataSource.query('SELECT 1 FROM signing_keys WHERE fingerprint = $1', [
        fingerprintOf(publicKey),
      ]);
      expect(stored).toHaveLength(0);
    });

    it('refuses a proof over other bytes than the challenge (a trailing newline)', async () => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const c = await challenge(HEAD);
      const res = await register(HEAD, {
        publicKey: pemOf(publicKey),
        challengeId: c.id,
        challengeSignature: prove(privateKey, `${c.challenge}\n`),
      });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 422,
        code: 'proof_of_possession_failed',
      });
    });

    it("answers someone else's challenge as unknown", async () => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const theirs = await challenge(OTHER);
      const res = await register(HEAD, {
        publicKey: pemOf(publicKey),
        challengeId: theirs.id,
        challengeSignature: prove(privateKey, theirs.challenge),
      });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'signing_challenge_not_found',
      });
    });

    it('refuses an expired challenge', async () => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const c = await challenge(HEAD);
      await t.dataSource.query(
        `UPDATE signing_key_challenges SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [c.id],
      );
      const res = await register(HEAD, {
        publicKey: pemOf(publicKey),
        challengeId: c.id,
        challengeSignature: prove(privateKey, c.challenge),
      });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'signing_challenge_expired' });
    });

    it('refuses a challenge already used, even for another key', async () => {
      const first = generateKeyPairSync('ed25519');
      const second = generateKeyPairSync('ed25519');
      const c = await challenge(HEAD);
      const ok = await register(HEAD, {
        publicKey: pemOf(first.publicKey),
        challengeId: c.id,
        challengeSignature: prove(first.privateKey, c.challenge),
      });
      expect(ok.status).toBe(201);
      const again = await register(HEAD, {
        publicKey: pemOf(second.publicKey),
        challengeId: c.id,
        challengeSignature: prove(second.privateKey, c.challenge),
      });
      expect({ status: again.status, code: again.body.code }).toEqual({
        status: 409,
        code: 'signing_challenge_used',
      });
    });

    it('refuses a key registered before (409), also on another account', async () => {
      const { key, publicKey, privateKey } = await registered(HEAD);
      for (const email of [HEAD, OTHER]) {
        const c = await challenge(email);
        const res = await register(email, {
          publicKey: pemOf(publicKey),
          challengeId: c.id,
          challengeSignature: prove(privateKey, c.challenge),
        });
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 409,
          code: 'signing_key_already_registered',
        });
      }
      const owners = await t.dataSource.query('SELECT user_id FROM signing_keys WHERE fingerprint = $1', [
        key.fingerprint,
      ]);
      expect(owners).toEqual([{ user_id: headId }]);
    });

    it('refuses private keys, RSA keys and malformed bodies', async () => {
      const ed = generateKeyPairSync('ed25519');
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const cases: [Record<string, unknown>, number, string][] = [
        [{ publicKey: ed.privateKey.export({ format: 'jwk' }) }, 422, 'public_key_invalid'],
        [{ publicKey: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) }, 422, 'public_key_invalid'],
        [{ publicKey: pemOf(rsa.publicKey) }, 422, 'public_key_algorithm_unsupported'],
        [{ publicKey: 42 }, 400, 'validation_failed'],
        [{ publicKey: pemOf(ed.publicKey), extra: true }, 400, 'validation_failed'],
      ];
      for (const [body, status, code] of cases) {
        const c = await challenge(HEAD);
        const res = await register(HEAD, {
          challengeId: c.id,
          challengeSignature: prove(ed.privateKey, c.challenge),
          ...body,
        });
        expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      }
    });
  });

  describe('reading', () => {
    it("lists the caller's keys newest first, and anyone signed in reads a person's public keys", async () => {
      const older = await registered(OTHER, 'cũ');
      const newer = await registered(OTHER, 'mới');
      const otherId = older.key.userId as string;

      const own = await t.http.get(`${API}/me/signing-keys`).set(await asUser(t, OTHER));
      expect(own.status).toBe(200);
      expect(own.body.items.map((k: { id: string }) => k.id)).toEqual([newer.key.id, older.key.id]);
      expect(own.body.total).toBe(2);

      // A delegate holds no mandate that grants more: public keys are public.
      const theirs = await t.http.get(`${API}/users/${otherId}/signing-keys`).set(await asUser(t, DELEGATE));
      expect(theirs.status).toBe(200);
      expect(theirs.body.items).toEqual(own.body.items);

      const one = await t.http
        .get(`${API}/signing-keys/${older.key.fingerprint.toUpperCase()}`)
        .set(await asUser(t, DELEGATE));
      expect({ status: one.status, body: one.body }).toEqual({ status: 200, body: older.key });
    });

    it('answers 404 for an unknown fingerprint or person, and 401 without signing in', async () => {
      const missing = await t.http.get(`${API}/signing-keys/${'0'.repeat(64)}`).set(await asUser(t, DELEGATE));
      expect({ status: missing.status, code: missing.body.code }).toEqual({
        status: 404,
        code: 'signing_key_not_found',
      });
      const junk = await t.http.get(`${API}/signing-keys/not-a-fingerprint`).set(await asUser(t, DELEGATE));
      expect(junk.status).toBe(404);
      const nobody = await t.http
        .get(`${API}/users/00000000-0000-4000-8000-000000000000/signing-keys`)
        .set(await asUser(t, DELEGATE));
      expect({ status: nobody.status, code: nobody.body.code }).toEqual({ status: 404, code: 'user_not_found' });
      const anonymous = await t.http.get(`${API}/me/signing-keys`);
      expect(anonymous.status).toBe(401);
    });
  });

  describe('revocation', () => {
    it('revokes with a reason at the database clock, once, in the ledger; the key stays listed', async () => {
      const { key } = await registered(HEAD, 'revoke me');
      const before = await t.dataSource.query(`SELECT now() AS now`);
      const res = await t.http
        .post(`${API}/me/signing-keys/${key.id}/revoke`)
        .set(await asUser(t, HEAD))
        .send({ reason: '  Máy tính bị mất  ' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: key.id, revocationReason: 'Máy tính bị mất' });
      expect(new Date(res.body.revokedAt).getTime()).toBeGreaterThan(new Date(before[0].now).getTime());
      expect(res.body.revokedAt).toMatch(/\.\d{3}Z$/);
      const [row] = await t.dataSource.query('SELECT revoked_at, revocation_reason FROM signing_keys WHERE id = $1', [
        key.id,
      ]);
      expect(new Date(row.revoked_at).toISOString()).toBe(res.body.revokedAt);
      const entries = await t.dataSource.query(
        `SELECT actor_id, payload FROM ledger_entries WHERE action = 'signatures.key_revoked' AND subject_id = $1`,
        [key.id],
      );
      expect(entries).toEqual([
        {
          actor_id: headId,
          payload: {
            userId: headId,
            fingerprint: key.fingerprint,
            revokedAt: res.body.revokedAt,
            reason: 'Máy tính bị mất',
          },
        },
      ]);

      const again = await t.http
        .post(`${API}/me/signing-keys/${key.id}/revoke`)
        .set(await asUser(t, HEAD))
        .send({ reason: 'lần nữa' });
      expect({ status: again.status, code: again.body.code }).toEqual({
        status: 409,
        code: 'signing_key_already_revoked',
      });

      const revokedOnly = await t.http.get(`${API}/me/signing-keys?revoked=true`).set(await asUser(t, HEAD));
      expect(revokedOnly.body.items.map((k: { id: string }) => k.id)).toEqual([key.id]);
      const fetched = await t.http.get(`${API}/signing-keys/${key.fingerprint}`).set(await asUser(t, OTHER));
      expect(fetched.body).toEqual(res.body);
    });

    it("refuses to revoke another person's key (also to an administrator) and an unknown key", async () => {
      const { key } = await registered(HEAD);
      for (const email of [OTHER, 'admin@thidua.local']) {
        const res = await t.http
          .post(`${API}/me/signing-keys/${key.id}/revoke`)
          .set(await asUser(t, email))
          .send({ reason: 'không phải của tôi' });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'signing_key_not_yours' });
      }
      const unknown = await t.http
        .post(`${API}/me/signing-keys/00000000-0000-4000-8000-000000000000/revoke`)
        .set(await asUser(t, HEAD))
        .send({ reason: 'x' });
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({
        status: 404,
        code: 'signing_key_not_found',
      });
      const noReason = await t.http
        .post(`${API}/me/signing-keys/${key.id}/revoke`)
        .set(await asUser(t, HEAD))
        .send({ reason: '   ' });
      expect({ status: noReason.status, code: noReason.body.code }).toEqual({
        status: 400,
        code: 'validation_failed',
      });
      const [row] = await t.dataSource.query('SELECT revoked_at FROM signing_keys WHERE id = $1', [key.id]);
      expect(row.revoked_at).toBeNull();
    });

    it('leaves the key unchangeable in the database but for its one revocation (TD001)', async () => {
      const { key } = await registered(HEAD);
      await expect(
        t.dataSource.query(`UPDATE signing_keys SET label = 'changed' WHERE id = $1`, [key.id]),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
      await expect(t.dataSource.query('DELETE FROM signing_keys WHERE id = $1', [key.id])).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: 'TD001' }),
      });
    });

    it('keeps the ledger valid', async () => {
      const res = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, DELEGATE));
      expect(res.body).toMatchObject({ valid: true });
    });
  });
});
