import type { EntityManager } from 'typeorm';
import { canonicalJson, sha256Hex } from '../ledger';
import { DEFAULT_MIN_ELECTRONIC_VOTERS_FOR_BOARD } from '../rules';
import { describeChoice, type BallotOptions } from './ballot-choice';
import type { Poll } from './poll.entity';

/** One line of the bulletin board, exactly as served: the tracker and what the ballot says. */
export interface BulletinEntry {
  tracker: string;
  choice?: string;
  approve?: string[];
}

/** How many voted by each channel (a unit handed paper ballots counts once, whatever its weight). */
export interface ChannelTurnout {
  electronic: number;
  paper: number;
}

/**
 * The board's digest, recomputable by anyone from the board as served: SHA-256 (hex) of the
 * RFC 8785 canonical JSON of `entries` (keys sorted, no spaces; the entries in tracker order).
 */
export function bulletinBoardDigest(entries: BulletinEntry[]): string {
  return sha256Hex(canonicalJson(entries));
}

/**
 * Whether the ballots are listed one by one. An electronic or paper poll: always (its board is its
 * totals). A mixed poll: only when both channels are empty or at least the rules' minimum — else the
 * electronic totals, set against the merged ones, would count a few known voters apart.
 */
export function listsBallots(poll: Pick<Poll, 'method' | 'votingRules'>, turnout: ChannelTurnout): boolean {
  if (poll.method !== 'mixed') return true;
  const minimum = poll.votingRules.minElectronicVotersForBoard ?? DEFAULT_MIN_ELECTRONIC_VOTERS_FOR_BOARD;
  if (turnout.electronic === 0 || turnout.paper === 0) return true;
  return turnout.electronic >= minimum && turnout.paper >= minimum;
}

/** A closed mixed poll whose ballots are not listed: its channels are published merged only. */
export async function channelsMerged(manager: EntityManager, poll: Poll): Promise<boolean> {
  if (poll.method !== 'mixed' || poll.status === 'draft' || poll.status === 'open') return false;
  return !listsBallots(poll, await channelTurnout(manager, poll.id));
}

export async function channelTurnout(manager: EntityManager, pollId: string): Promise<ChannelTurnout> {
  const [row] = (await manager.query(
    `SELECT count(*) FILTER (WHERE channel = 'electronic')::int AS electronic,
            count(*) FILTER (WHERE channel = 'paper')::int AS paper
       FROM poll_participations WHERE poll_id = $1`,
    [pollId],
  )) as ChannelTurnout[];
  return row;
}

/** The poll's ballot options as the board names them (candidates by unit id). */
export async function ballotOptionsOf(manager: EntityManager, poll: Poll): Promise<BallotOptions> {
  const rows = (await manager.query(
    `SELECT unit_id, position FROM poll_candidates WHERE poll_id = $1 AND position IS NOT NULL`,
    [poll.id],
  )) as { unit_id: string; position: number }[];
  return {
    kind: poll.kind,
    maxApprovals: poll.maxApprovals,
    positions: new Map(rows.map((row) => [row.unit_id, row.position])),
  };
}

/** Every electronic ballot as a board line, in tracker order. */
export async function bulletinEntries(
  manager: EntityManager,
  pollId: string,
  options: BallotOptions,
): Promise<BulletinEntry[]> {
  const rows = (await manager.query(
    `SELECT encode(tracker, 'hex') AS tracker, choice FROM ballots WHERE poll_id = $1 ORDER BY tracker`,
    [pollId],
  )) as { tracker: string; choice: number }[];
  return rows.map((row) => ({ tracker: row.tracker, ...describeChoice(options, row.choice) }));
}
