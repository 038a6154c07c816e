import { hash } from 'node:crypto';
import type { BallotOptions } from './ballot-choice';
import type { PollKind, PollMethod, PollStatus } from './poll.entity';

/**
 * The ballot box's SQL and hashes (decisions 010 and 011). One statement casts a ballot: it checks
 * that the poll is open (taking KEY SHARE on its row, which the close's FOR UPDATE waits for) and
 * that the caller's session is live (the route skips the usual actor load: SessionCheckedByHandler)
 * and that the caller is on the frozen roll, writes "who voted" (ON CONFLICT DO NOTHING) and, only if
 * that row is new, "what was voted" — weight rows, row g with tracker sha256(seed ‖ int32be(g)), where
 * the seed is a digest of the voter's key that is never stored or published (decision 015).
 * No ledger entry per ballot: the ledger's head lock would serialise every cast.
 */
// read model: the cast's one statement reads auth_sessions and users (the live session) — one round trip on the hot path (decisions 010/011).
export const CAST_BALLOT_SQL = `
WITH signed_in AS (
  SELECT 1 FROM auth_sessions s JOIN users u ON u.id = s.user_id
   WHERE s.id = $6 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.is_active
), poll AS (
  SELECT id FROM polls WHERE id = $1 AND status = 'open' AND method <> 'paper' FOR KEY SHARE
), voter AS (
  SELECT v.unit_id, v.weight FROM poll_voters v, poll, signed_in WHERE v.poll_id = $1 AND v.delegate_id = $2
), participation AS (
  INSERT INTO poll_participations (poll_id, unit_id, key_hash)
  SELECT $1, unit_id, $3 FROM voter
  ON CONFLICT DO NOTHING
  RETURNING 1
), ballot AS (
  INSERT INTO ballots (poll_id, tracker, choice)
  SELECT $1, sha256($4::bytea || int4send(g)), $5
    FROM participation, voter, generate_series(1, voter.weight) AS g
  RETURNING 1
)
SELECT (SELECT count(*) FROM signed_in)::int AS signed_in,
       (SELECT count(*) FROM poll)::int AS open,
       (SELECT count(*) FROM voter)::int AS on_roll,
       (SELECT count(*) FROM ballot)::int AS cast`;

export interface CastRow {
  signed_in: number;
  open: number;
  on_roll: number;
  cast: number;
}

/** When the statement cast nothing on the roll: is it this key's own ballot, with the same choice? $4: the first tracker. */
export const REPLAY_SQL = `
SELECT p.key_hash = $3::bytea AS same_key,
       (SELECT b.choice FROM ballots b WHERE b.poll_id = $1 AND b.tracker = $4::bytea) AS choice,
       v.weight
  FROM poll_voters v
  JOIN poll_participations p ON p.poll_id = v.poll_id AND p.unit_id = v.unit_id
 WHERE v.poll_id = $1 AND v.delegate_id = $2`;

/** The tally: exactly the raw GROUP BY the benchmark compares with. */
export const TALLY_SQL = `SELECT choice, count(*)::int AS count FROM ballots WHERE poll_id = $1 GROUP BY choice`;

/**
 * At close, in the closing transaction: the poll's ballots are rewritten in tracker order, so that
 * neither their heap order nor their xmin (the casting transaction, shared with the participation
 * row) links them to voters any longer. The trigger allows this DELETE only here.
 */
export const RESEAL_SQL = `
WITH gone AS (DELETE FROM ballots WHERE poll_id = $1 RETURNING tracker, choice)
INSERT INTO ballots (poll_id, tracker, choice) SELECT $1, tracker, choice FROM gone ORDER BY tracker`;

// One-shot digest: no Hash object per call (three per ballot, decision 033).
const sha256 = (data: string | Buffer): Buffer => hash('sha256', data, 'buffer');

/** Domain-separated hashes of the voter's key: the two cannot be matched without the key itself. */
export function participationKeyHash(pollId: string, key: string): Buffer {
  return sha256(`participation|${pollId}|${key}`);
}

/**
 * The secret a voter's trackers are drawn from: a digest of the key, domain-separated from the
 * participation's. It goes to the casting statement as a parameter and is never stored or shown;
 * only the voter (who holds the key) can compute it again.
 */
export function trackerSeed(pollId: string, key: string): Buffer {
  return sha256(`ballot|${pollId}|${key}`);
}

/**
 * The trackers of a cast, as the SQL makes them: row g (1 … weight) is sha256(seed ‖ int32be(g)).
 * Each is a pseudo-random function of the secret seed, so no tracker is a function of another or of
 * anything published: without the key, the rows of one voter look like the rows of w different voters.
 */
export function trackersOf(seed: Buffer, weight: number): string[] {
  const out: string[] = [];
  for (let g = 1; g <= weight; g += 1) out.push(trackerAt(seed, g).toString('hex'));
  return out;
}

export function trackerAt(seed: Buffer, g: number): Buffer {
  const index = Buffer.alloc(4);
  index.writeInt32BE(g);
  return sha256(Buffer.concat([seed, index]));
}

/** A poll's frozen options, cached once it is open: kind, method, candidates never change after. */
export interface CachedPoll extends BallotOptions {
  method: PollMethod;
}

export interface PollMetaRow {
  kind: PollKind;
  status: PollStatus;
  method: PollMethod;
  max_approvals: number | null;
  positions: { unitId: string; position: number }[] | null;
}

export const POLL_META_SQL = `
SELECT p.kind, p.status, p.method, p.max_approvals,
       (SELECT json_agg(json_build_object('unitId', c.unit_id, 'position', c.position))
          FROM poll_candidates c WHERE c.poll_id = p.id AND c.position IS NOT NULL) AS positions
  FROM polls p WHERE p.id = $1`;
