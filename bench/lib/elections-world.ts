import type { DataSource } from 'typeorm';
import { canonicalJson, sha256Hex } from '../../src/modules/ledger/ledger-hash';
import { defaultRulesContent } from '../../src/modules/rules/rules-defaults';

/** A person who can call the API: the token is minted from these (AuthService's claims). */
export interface Person {
  userId: string;
  sessionId: string;
}

export interface Voter extends Person {
  unitId: string;
}

export interface ElectionsWorld {
  clusterId: string;
  cycleId: string;
  secretariat: Person;
  /** Every member unit's delegate, in unit code order; all of them in the meeting's register later. */
  voters: Voter[];
  /** The first `candidates` member units (by code): who stands in every poll of the bench. */
  candidateUnitIds: string[];
}

const one = async <T>(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<T> =>
  ((await dataSource.query(sql, params)) as T[])[0];

/**
 * A cluster of `units` member units with a delegate each (user, delegate mandate, signed-in
 * session), a secretariat, an adopted rules version (the defaults) pinned to a cycle at phase
 * voting. Bulk SQL (generate_series), as the ranking bench does: the API would take minutes.
 * Passwords are not hashes: nobody logs in, tokens are minted from the sessions.
 */
export async function seedElectionsWorld(
  dataSource: DataSource,
  units: number,
  candidates: number,
): Promise<ElectionsWorld> {
  const { id: clusterId } = await one<{ id: string }>(
    dataSource,
    `INSERT INTO clusters (code, name) VALUES ('bench-elections', 'Cụm thi đua đo hiệu năng bầu cử') RETURNING id`,
  );
  const secretariat = await one<Person>(
    dataSource,
    `WITH u AS (
       INSERT INTO users (email, full_name, password_hash) VALUES ('thuky@bench.local', 'Thư ký cụm', '!') RETURNING id
     ), m AS (
       INSERT INTO mandates (user_id, role, cluster_id, valid_from) SELECT id, 'secretariat', $1, '2020-01-01' FROM u
     )
     INSERT INTO auth_sessions (user_id) SELECT id FROM u RETURNING user_id AS "userId", id AS "sessionId"`,
    [clusterId],
  );
  const rules = defaultRulesContent();
  const { id: rulesId } = await one<{ id: string }>(
    dataSource,
    `INSERT INTO rules_versions (cluster_id, number, title, status, content, content_digest, created_by, adopted_at)
     VALUES ($1, 1, 'Quy chế thi đua (mặc định)', 'adopted', $2, $3, $4, now()) RETURNING id`,
    [clusterId, JSON.stringify(rules), sha256Hex(canonicalJson(rules)), secretariat.userId],
  );
  const { id: cycleId } = await one<{ id: string }>(
    dataSource,
    `INSERT INTO cycles (cluster_id, year, phase, rules_version_id) VALUES ($1, 2030, 'voting', $2) RETURNING id`,
    [clusterId, rulesId],
  );
  // Units, memberships, delegates, their mandates and sessions: one statement.
  await dataSource.query(
    `WITH g AS (
       SELECT g, 'htx-' || lpad(g::text, 6, '0') AS code FROM generate_series(1, $1) AS g
     ), u AS (
       INSERT INTO units (code, name, women_led) SELECT code, 'Liên minh HTX ' || code, g % 7 = 0 FROM g
       RETURNING id, code
     ), m AS (
       INSERT INTO cluster_memberships (cluster_id, unit_id, joined_on) SELECT $2, id, '2020-01-01' FROM u
     ), p AS (
       INSERT INTO users (email, full_name, password_hash)
       SELECT 'daibieu.' || code || '@bench.local', 'Đại biểu ' || code, '!' FROM u
       RETURNING id, email
     ), d AS (
       INSERT INTO mandates (user_id, role, unit_id, valid_from)
       SELECT p.id, 'delegate', u.id, '2020-01-01' FROM u JOIN p ON p.email = 'daibieu.' || u.code || '@bench.local'
     )
     INSERT INTO auth_sessions (user_id) SELECT id FROM p`,
    [units, clusterId],
  );
  const voters = (await dataSource.query(
    `SELECT m.user_id AS "userId", s.id AS "sessionId", m.unit_id AS "unitId"
       FROM mandates m JOIN units u ON u.id = m.unit_id JOIN auth_sessions s ON s.user_id = m.user_id
      WHERE m.role = 'delegate' AND u.code LIKE 'htx-%' ORDER BY u.code`,
  )) as Voter[];
  return {
    clusterId,
    cycleId,
    secretariat,
    voters,
    candidateUnitIds: voters.slice(0, candidates).map((v) => v.unitId),
  };
}

/** Every member unit's delegate checks in (self check-in): the meeting's attendance register. */
export async function registerEveryone(dataSource: DataSource, meetingId: string, voters: Voter[]): Promise<void> {
  await dataSource.query(
    `INSERT INTO meeting_attendances (meeting_id, unit_id, delegate_id, checked_in_by)
     SELECT $1, unit_id, user_id, user_id FROM unnest($2::uuid[], $3::uuid[]) AS v(unit_id, user_id)`,
    [meetingId, voters.map((v) => v.unitId), voters.map((v) => v.userId)],
  );
}

/**
 * pgbench's voters: `count` units and users outside the cluster, with ids derived from their
 * number (md5('pgb-unit-' || n)::uuid), so the pgbench script can name voter n without a lookup.
 */
export async function seedPgbenchPeople(dataSource: DataSource, count: number): Promise<void> {
  await dataSource.query(
    `WITH u AS (
       INSERT INTO units (id, code, name, kind)
       SELECT md5('pgb-unit-' || g)::uuid, 'pgb-' || g, 'pgbench ' || g, 'other' FROM generate_series(1, $1) AS g
     )
     INSERT INTO users (id, email, full_name, password_hash)
     SELECT md5('pgb-user-' || g)::uuid, 'pgb-' || g || '@bench.local', 'pgbench ' || g, '!' FROM generate_series(1, $1) AS g`,
    [count],
  );
}

/** Puts pgbench's voters on a draft poll's roll (the roll may change only while the poll is draft). */
export async function addPgbenchRoll(dataSource: DataSource, pollId: string, count: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO poll_voters (poll_id, unit_id, delegate_id)
     SELECT $1, md5('pgb-unit-' || g)::uuid, md5('pgb-user-' || g)::uuid FROM generate_series(1, $2) AS g`,
    [pollId, count],
  );
}

/**
 * `count` ballots straight into a closed poll, in tracker order as the close's reseal leaves them.
 * `shares[i]` is the share of position i; what is left over is blank (-1).
 */
export async function stuffBallots(
  dataSource: DataSource,
  pollId: string,
  count: number,
  shares: number[],
): Promise<void> {
  const bounds = shares.reduce<number[]>((acc, share) => [...acc, (acc.at(-1) ?? 0) + share], []);
  const choice = `CASE ${bounds.map((bound, i) => `WHEN r < ${bound} THEN ${i}`).join(' ')} ELSE -1 END`;
  await dataSource.query(
    `INSERT INTO ballots (poll_id, tracker, choice)
     SELECT $1, tracker, ${choice}
       FROM (SELECT sha256(uuid_send(gen_random_uuid())) AS tracker, random() AS r FROM generate_series(1, $2)) AS b
      ORDER BY tracker`,
    [pollId, count],
  );
  await dataSource.query(`VACUUM ANALYZE ballots`);
}
