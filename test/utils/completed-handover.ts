import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Satisfies the blocking `flag.handed_over` gate of the closed phase for specs about something
 * else, by direct inserts: the cluster's flag (held by lang-son when none is registered), a leader
 * elected for the next term (son-la when none; its `poll_id` is a random uuid, as the election is
 * not this spec's subject and the column has no foreign key), and a completed handover of the
 * cycle whose two signatures are a stand-in key's over a stand-in record. Custody moves to the
 * recipient. Specs about the flag hand it over through the API (test/e2e/flag-handover.spec.ts).
 */
export async function insertCompletedHandover(dataSource: DataSource, cycleId: string): Promise<string> {
  return dataSource.transaction(async (manager) => {
    const [cycle] = (await manager.query(`SELECT cluster_id, year FROM cycles WHERE id = $1`, [cycleId])) as {
      cluster_id: string;
      year: number;
    }[];
    if (!cycle) throw new Error(`No cycle ${cycleId} to hand the flag over in`);
    const [admin] = (await manager.query(`SELECT id FROM users WHERE email = 'admin@thidua.local'`)) as {
      id: string;
    }[];
    // The second signature must be another person's (one signature per person and document).
    const [other] = (await manager.query(
      `SELECT id FROM users WHERE email <> 'admin@thidua.local' ORDER BY email LIMIT 1`,
    )) as { id: string }[];
    const flagId = await ensureFlag(manager, cycle.cluster_id, admin.id);
    const [open] = (await manager.query(
      `SELECT id, position, custodian_unit_id FROM flag_custody_periods WHERE flag_id = $1 AND ended_at IS NULL FOR UPDATE`,
      [flagId],
    )) as { id: string; position: number; custodian_unit_id: string | null }[];
    if (!open.custodian_unit_id) throw new Error(`The flag of cycle ${cycleId} is in transit`);
    const leader = await ensureElectedLeader(manager, cycle.cluster_id, cycle.year + 1, open.custodian_unit_id);

    const handoverId = randomUUID();
    const canonical = JSON.stringify({
      handoverId,
      note: 'handed over by a test fixture',
      type: 'thidua.flag-handover',
    });
    const digest = createHash('sha256').update(canonical, 'utf8').digest('hex');
    const [document] = (await manager.query(
      `INSERT INTO signed_documents (kind, subject_id, canonical, digest) VALUES ('handover_record', $1, $2, $3) RETURNING id`,
      [handoverId, canonical, digest],
    )) as { id: string }[];
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const der = publicKey.export({ type: 'spki', format: 'der' });
    const [key] = (await manager.query(
      `INSERT INTO signing_keys (user_id, algorithm, public_key_pem, fingerprint, label)
       VALUES ($1, 'ed25519', $2, $3, 'test fixture') RETURNING id`,
      [admin.id, publicKey.export({ type: 'spki', format: 'pem' }), createHash('sha256').update(der).digest('hex')],
    )) as { id: string }[];
    const signature = sign(null, Buffer.from(canonical, 'utf8'), privateKey).toString('base64');
    const signatureIds: string[] = [];
    for (const capacity of ['outgoing_custodian_head', 'incoming_leader_head']) {
      const [row] = (await manager.query(
        `INSERT INTO document_signatures (document_id, signer_id, signing_key_id, capacity, signature, signed_at, ledger_seq)
         VALUES ($1, $2, $3, $4, $5, now(), (SELECT seq FROM ledger_head WHERE id = 1)) RETURNING id`,
        [document.id, capacity === 'outgoing_custodian_head' ? admin.id : other.id, key.id, capacity, signature],
      )) as { id: string }[];
      signatureIds.push(row.id);
    }
    await manager.query(
      `INSERT INTO flag_handovers (id, flag_id, cycle_id, from_unit_id, to_unit_id, leadership_id, election_poll_id,
                                   term_year, handover_date, place, witnesses, status, opened_by, signed_document_id,
                                   release_signature_id, released_at, receipt_signature_id, completed_at)
       SELECT $1, $2, $3, $4, l.unit_id, l.id, l.poll_id, l.term_year, make_date($5, 11, 21), 'Hội nghị cụm', '[]',
              'completed', $6, $7, $8, now(), $9, now()
         FROM cluster_leaderships l WHERE l.id = $10`,
      [
        handoverId,
        flagId,
        cycleId,
        open.custodian_unit_id,
        cycle.year,
        admin.id,
        document.id,
        ...signatureIds,
        leader.id,
      ],
    );
    await manager.query(`UPDATE flag_custody_periods SET ended_at = clock_timestamp() WHERE id = $1`, [open.id]);
    await manager.query(
      `INSERT INTO flag_custody_periods (flag_id, position, state, custodian_unit_id, cause, started_at, handover_id,
                                         leadership_id, election_poll_id, signed_document_id)
       VALUES ($1, $2, 'held', $3, 'received', clock_timestamp(), $4, $5, $6, $7)`,
      [flagId, open.position + 1, leader.unit_id, handoverId, leader.id, leader.poll_id, document.id],
    );
    return handoverId;
  });
}

async function ensureFlag(manager: EntityManager, clusterId: string, adminId: string): Promise<string> {
  const [flag] = (await manager.query(`SELECT id FROM flags WHERE cluster_id = $1`, [clusterId])) as { id: string }[];
  if (flag) return flag.id;
  const [custodian] = (await manager.query(
    `SELECT u.id FROM units u JOIN cluster_memberships m ON m.unit_id = u.id AND m.cluster_id = $1
      ORDER BY (u.code = 'lang-son') DESC, u.code LIMIT 1`,
    [clusterId],
  )) as { id: string }[];
  const [created] = (await manager.query(
    `INSERT INTO flags (cluster_id, name, registered_by) VALUES ($1, 'Cờ luân lưu (test fixture)', $2) RETURNING id`,
    [clusterId, adminId],
  )) as { id: string }[];
  await manager.query(
    `INSERT INTO flag_custody_periods (flag_id, position, state, custodian_unit_id, cause, started_at)
     VALUES ($1, 1, 'held', $2, 'registered', clock_timestamp() - interval '1 second')`,
    [created.id, custodian.id],
  );
  return created.id;
}

async function ensureElectedLeader(
  manager: EntityManager,
  clusterId: string,
  termYear: number,
  custodianUnitId: string,
): Promise<{ id: string; unit_id: string; poll_id: string }> {
  const find = async () =>
    (
      (await manager.query(
        `SELECT id, unit_id, poll_id, basis FROM cluster_leaderships WHERE cluster_id = $1 AND term_year = $2 AND role = 'leader'`,
        [clusterId, termYear],
      )) as { id: string; unit_id: string; poll_id: string; basis: string }[]
    )[0];
  let leader = await find();
  if (!leader) {
    await manager.query(
      `INSERT INTO cluster_leaderships (cluster_id, unit_id, role, term_year, basis, poll_id, note)
       SELECT $1, u.id, 'leader', $2, 'election', $3, 'test fixture'
         FROM units u JOIN cluster_memberships m ON m.unit_id = u.id AND m.cluster_id = $1
        WHERE u.id <> $4
        ORDER BY (u.code = 'son-la') DESC, u.code LIMIT 1`,
      [clusterId, termYear, randomUUID(), custodianUnitId],
    );
    leader = await find();
  }
  if (leader.basis !== 'election' || leader.unit_id === custodianUnitId) {
    throw new Error(`The ${termYear} leader cannot receive the flag in this fixture`);
  }
  return leader;
}
