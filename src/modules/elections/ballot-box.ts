import { createHash } from 'node:crypto';
import type { BallotOptions } from './ballot-choice';
import type { PollKind, PollMethod, PollStatus } from './poll.entity';

/**
 * The ballot box's SQL and hashes (decisions 010 and 011). One statement casts a ballot: it checks
 * that the poll is open (taking KEY SHARE on its row, which the close's FOR UPDATE waits for) and
 * that the caller's session is live (the route skips the usual actor load: SessionCheckedByHandler)
 * and that the caller is on the frozen roll, writes "who voted" (ON CONFLICT DO NOTHING) and, only if
 * that row is new, "what was voted" — weight rows, the first with the receipt's tracker.
 * No ledger entry per ballot: the ledger's head lock would serialise every cast.
 */
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
  SELECT $1, CASE WHEN g = 1 THEN $4::bytea ELSE sha256($4::bytea || int4send(g)) END, $5
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

/** When the statement cast nothing on the roll: is it this key's own ballot, with the same choice? */
export const REPLAY_SQL = `
SELECT p.key_hash = $3::bytea AS same_key,
       (SELECT b.choice FROM ballots b WHERE b.poll_id = $1 AND b.tracker = $4::bytea) AS choice,
       v.weight
  FROM poll_voters v
  JOIN poll_participations p ON p.poll_id = v.poll_id AND p.unit_id = v.unit_id
 WHERE v.poll_id = $1 AND v.delegate_id = $2`;

/** The tally: exactly the raw GROUP BY the benchmark compares with. */
export const TALLY_SQL = `SELECT choice, count(*)::int AS count FROM ballots WHERE poll_id = $1 GROUP BY choice`;

/** The bulletin board line of a ballot, and the digest over all lines (sorted by tracker). */
export const BULLETIN_DIGEST_SQL = `
SELECT encode(sha256(convert_to(coalesce(string_agg(encode(tracker, 'hex') || ':' || choice, E'\\n' ORDER BY tracker), ''), 'UTF8')), 'hex') AS digest,
       count(*)::int AS ballots
  FROM ballots WHERE poll_id = $1`;

/**
 * At close, in the closing transaction: the poll's ballots are rewritten in tracker order, so that
 * neither their heap order nor their xmin (the casting transaction, shared with the participation
 * row) links them to voters any longer. The trigger allows this DELETE only here.
 */
export const RESEAL_SQL = `
WITH gone AS (DELETE FROM ballots WHERE poll_id = $1 RETURNING tracker, choice)
INSERT INTO ballots (poll_id, tracker, choice) SELECT $1, tracker, choice FROM gone ORDER BY tracker`;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest();

/** Domain-separated hashes of the voter's key: the two cannot be matched without the key itself. */
export function participationKeyHash(pollId: string, key: string): Buffer {
  return sha256(`participation|${pollId}|${key}`);
}

export function ballotTracker(pollId: string, key: string): Buffer {
  return sha256(`ballot|${pollId}|${key}`);
}

/** The trackers of a weighted cast, as the SQL derives them: row g > 1 is sha256(tracker ‖ int32be(g)). */
export function trackersOf(tracker: Buffer, weight: number): string[] {
  const out = [tracker.toString('hex')];
  for (let g = 2; g <= weight; g += 1) {
    const index = Buffer.alloc(4);
    index.writeInt32BE(g);
    out.push(sha256(Buffer.concat([tracker, index])).toString('hex'));
  }
  return out;
}

export function bulletinDigest(lines: { tracker: string; choice: number }[]): string {
  const text = lines.map((line) => `${line.tracker}:${line.choice}`).join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
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
