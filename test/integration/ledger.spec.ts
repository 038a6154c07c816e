import type { EntityManager } from 'typeorm';
import { LedgerEntry } from '../../src/modules/ledger/ledger-entry.entity';
import { entryHash, payloadDigest } from '../../src/modules/ledger/ledger-hash';
import { API, createTestApp, type TestApp } from '../utils/test-app';

// Any signed-in person may check the ledger: a delegate holds no other permission.
const READER = 'daibieu.son-la@thidua.local';

async function verify(t: TestApp) {
  const res = await t.http.get(`${API}/ledger/verify`).set('Authorization', await t.bearer(READER));
  expect(res.status).toBe(200);
  return res.body as { valid: boolean; length: number; headHash: string; firstBrokenSeq?: string; reason?: string };
}

/** What someone with the table owner's rights could do behind the application's back. */
function tamper(t: TestApp, change: (manager: EntityManager) => Promise<unknown>): Promise<void> {
  return t.dataSource.transaction(async (manager) => {
    await manager.query('ALTER TABLE ledger_entries DISABLE TRIGGER trg_ledger_entries_append_only');
    await change(manager);
    await manager.query('ALTER TABLE ledger_entries ENABLE TRIGGER trg_ledger_entries_append_only');
  });
}

describe('ledger', () => {
  describe('on the demo data', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('shows its length and newest hash to any signed-in person', async () => {
      const res = await t.http.get(`${API}/ledger/head`).set('Authorization', await t.bearer(READER));

      expect(res.status).toBe(200);
      const [last] = (await t.dataSource.query('SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1')) as {
        seq: string;
        hash: string;
      }[];
      expect(res.body).toEqual({ length: Number(last.seq), headHash: last.hash });
      expect(res.body.length).toBeGreaterThan(20);
    });

    it('refuses the head to an anonymous caller', async () => {
      const res = await t.http.get(`${API}/ledger/head`);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'access_token_missing' });
    });

    it("lists the entries of the secretariat's cluster, newest first, filtered by action", async () => {
      const secretariat = await t.bearer('thuky1@thidua.local');
      const res = await t.http
        .get(`${API}/ledger/entries?action=registry.unit_created&pageSize=5`)
        .set('Authorization', secretariat);
      expect(res.status).toBe(200);
      // The 7 provincial alliances of the cluster; not the national alliance, which is no member
      // (docs/read-model.md: entries are scoped to the clusters the reader serves).
      expect(res.body.total).toBe(7);
      expect(res.body.items).toHaveLength(5);
      const seqs = res.body.items.map((e: { seq: string }) => Number(e.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(res.body.items[0]).toMatchObject({ action: 'registry.unit_created', subjectType: 'unit', actorId: null });
      expect(res.body.items.map((e: { payload: { name: string } }) => e.payload.name)).toContain(
        'Liên minh Hợp tác xã tỉnh Lạng Sơn',
      );
    });

    it('lists nothing to a person without a mandate but what they wrote, and everything to an administrator', async () => {
      const created = await t.http
        .post(`${API}/users`)
        .set('Authorization', await t.bearer('admin@thidua.local'))
        .send({
          email: 'khong.nhiem.vu@thidua.local',
          fullName: 'Không nhiệm vụ',
          password: 'một người chưa có nhiệm vụ',
        });
      expect(created.status).toBe(201);
      const nobody = await t.login('khong.nhiem.vu@thidua.local', 'một người chưa có nhiệm vụ');
      const refused = await t.http.get(`${API}/ledger/entries`).set('Authorization', `Bearer ${nobody.accessToken}`);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'forbidden' });

      const all = await t.http
        .get(`${API}/ledger/entries?action=registry.unit_created`)
        .set('Authorization', await t.bearer('admin@thidua.local'));
      expect(all.body.total).toBe(8); // the national alliance and the 7 provincial alliances
    });

    it('verifies the whole chain the demo data wrote', async () => {
      const head = (await t.http.get(`${API}/ledger/head`).set('Authorization', await t.bearer(READER))).body;

      expect(await verify(t)).toEqual({ valid: true, length: head.length, headHash: head.headHash });
    });

    it.each([
      ['UPDATE', `UPDATE ledger_entries SET action = 'registry.nothing_happened' WHERE seq = 3`],
      ['DELETE', 'DELETE FROM ledger_entries WHERE seq = 3'],
      ['TRUNCATE', 'TRUNCATE ledger_entries'],
    ])('has the database refuse %s (SQLSTATE TD001)', async (operation, sql) => {
      const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM ledger_entries')) as { n: number }[];

      await expect(t.dataSource.query(sql)).rejects.toMatchObject({
        driverError: { code: 'TD001', message: `${operation} on ledger_entries is refused: the table is append-only` },
      });

      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM ledger_entries')).toEqual(before);
      expect((await verify(t)).valid).toBe(true);
    });
  });

  // Each tamper gets its own copy of the database.
  describe('tamper detection', () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await createTestApp();
    });
    afterEach(() => t.close());

    it('catches a changed payload', async () => {
      await tamper(t, (m) =>
        m.query(`UPDATE ledger_entries SET payload = jsonb_set(payload, '{code}', '"lang-son"') WHERE seq = 3`),
      );

      expect(await verify(t)).toMatchObject({
        valid: false,
        firstBrokenSeq: '3',
        reason: 'payload does not match payload_digest',
      });
    });

    it('catches a changed payload whose digest was recomputed to match', async () => {
      await tamper(t, async (m) => {
        const [{ payload }] = (await m.query('SELECT payload FROM ledger_entries WHERE seq = 3')) as {
          payload: object;
        }[];
        const forged = { ...payload, name: 'Liên minh Hợp tác xã tỉnh Không Có' };
        await m.query('UPDATE ledger_entries SET payload = $1::jsonb, payload_digest = $2 WHERE seq = 3', [
          JSON.stringify(forged),
          payloadDigest(forged),
        ]);
      });

      expect(await verify(t)).toMatchObject({
        valid: false,
        firstBrokenSeq: '3',
        reason: 'hash does not match the entry',
      });
    });

    it('catches an entry rewritten with its own hash recomputed, at the link to the next entry', async () => {
      await tamper(t, async (m) => {
        const entry = await m.getRepository(LedgerEntry).findOneByOrFail({ seq: '3' });
        entry.payload = { ...entry.payload, name: 'Liên minh Hợp tác xã tỉnh Không Có' };
        entry.payloadDigest = payloadDigest(entry.payload);
        entry.hash = entryHash({
          seq: String(entry.seq),
          occurredAt: entry.occurredAt.toISOString(),
          actorId: entry.actorId,
          action: entry.action,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
          payloadDigest: entry.payloadDigest,
          prevHash: entry.prevHash,
        });
        await m.query('UPDATE ledger_entries SET payload = $1::jsonb, payload_digest = $2, hash = $3 WHERE seq = 3', [
          JSON.stringify(entry.payload),
          entry.payloadDigest,
          entry.hash,
        ]);
      });

      expect(await verify(t)).toMatchObject({
        valid: false,
        firstBrokenSeq: '4',
        reason: 'prev_hash does not match the previous entry',
      });
    });

    it('catches a deleted last entry', async () => {
      const before = await verify(t);

      await tamper(t, (m) => m.query('DELETE FROM ledger_entries WHERE seq = $1', [before.length]));

      expect(await verify(t)).toMatchObject({
        valid: false,
        length: before.length - 1,
        firstBrokenSeq: String(before.length),
        reason: 'ledger_head does not point at the last entry',
      });
    });

    it('catches a deleted entry in the middle as a gap in the sequence', async () => {
      await tamper(t, (m) => m.query('DELETE FROM ledger_entries WHERE seq = 5'));

      expect(await verify(t)).toMatchObject({ valid: false, firstBrokenSeq: '6', reason: 'expected entry 5, found 6' });
    });
  });
});
