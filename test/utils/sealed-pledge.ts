import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Satisfies the blocking `pledges.sealed` gate of the in_progress phase for specs about something
 * else: a pledge version of the cycle, inserted as already sealed (no unit parts, a stand-in seal
 * document), under the rules version the cycle pins. Specs about pledges sign and seal through
 * the API (test/e2e/pledges.spec.ts).
 */
export async function insertSealedPledge(dataSource: DataSource, cycleId: string): Promise<string> {
  const [cycle] = (await dataSource.query(`SELECT cluster_id, rules_version_id FROM cycles WHERE id = $1`, [
    cycleId,
  ])) as { cluster_id: string; rules_version_id: string | null }[];
  if (!cycle?.rules_version_id) throw new Error(`Cycle ${cycleId} is missing or has no pinned rules to pledge under`);
  const pledgeId = randomUUID();
  const canonical = JSON.stringify({ note: 'sealed by a test fixture', pledgeId, type: 'thidua.pledge-seal' });
  const digest = createHash('sha256').update(canonical, 'utf8').digest('hex');
  const [document] = (await dataSource.query(
    `INSERT INTO signed_documents (kind, subject_id, canonical, digest) VALUES ('pledge_seal', $1, $2, $3) RETURNING id`,
    [pledgeId, canonical, digest],
  )) as { id: string }[];
  await dataSource.query(
    `INSERT INTO pledges (id, cycle_id, cluster_id, number, shared_text, rules_version_id, status, created_by,
                          seal_document_id, sealed_at)
     SELECT $1, c.id, c.cluster_id, COALESCE((SELECT max(p.number) FROM pledges p WHERE p.cycle_id = c.id), 0) + 1,
            'Giao ước thi đua (đã niêm phong)', c.rules_version_id, 'sealed', u.id, $3, now()
       FROM cycles c, users u
      WHERE c.id = $2 AND u.email = 'admin@thidua.local'`,
    [pledgeId, cycleId, document.id],
  );
  return pledgeId;
}
