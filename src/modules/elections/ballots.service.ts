import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { preparedQuery } from '../../database/prepared-query';
import { AuthErrorCode, AuthException } from '../auth';
import { describeChoice, encodeChoice, type BallotOptions } from './ballot-choice';
import { bulletinBoardDigest, bulletinEntries, channelTurnout, listsBallots } from './bulletin-board';
import { findPoll } from './poll-store';
import {
  CAST_BALLOT_SQL,
  participationKeyHash,
  POLL_META_SQL,
  REPLAY_SQL,
  trackerAt,
  trackersOf,
  trackerSeed,
  type CachedPoll,
  type CastRow,
  type PollMetaRow,
} from './ballot-box';
import type { BulletinBoardResponseDto, CastBallotResponseDto, TurnoutResponseDto } from './dto/ballots.dto';
import { parseCastBallot } from './dto/cast-ballot.parse';
import { ElectionsErrorCode, ElectionsException } from './elections.exception';
import type { PollStatus } from './poll.entity';

const CACHE_LIMIT = 1000;

/**
 * The electronic ballot box: casting (one SQL statement, see ballot-box.ts), live turnout without
 * choices, and the bulletin board once the poll is closed. The caller's right to vote is the
 * frozen roll, checked by the statement itself.
 */
@Injectable()
export class BallotsService {
  private readonly polls = new Map<string, CachedPoll>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cast(
    actor: Actor,
    pollId: string,
    idempotencyKey: string | undefined,
    body: unknown,
  ): Promise<CastBallotResponseDto> {
    const dto = parseCastBallot(body);
    const key = checkedKey(idempotencyKey);
    const poll = await this.options(pollId);
    if (poll.method === 'paper') {
      throw new ElectionsException(ElectionsErrorCode.PollPaperOnly, 'This poll is voted on paper at the meeting.');
    }
    const choice = encodeChoice(poll, dto);
    if (typeof choice !== 'number') throw new ElectionsException(ElectionsErrorCode.BallotInvalid, choice.error);
    const keyHash = participationKeyHash(pollId, key);
    const seed = trackerSeed(pollId, key);
    const [row] = await preparedQuery<CastRow>(this.dataSource, 'thidua_cast_ballot', CAST_BALLOT_SQL, [
      pollId,
      actor.userId,
      keyHash,
      seed,
      choice,
      actor.sessionId,
    ]);
    if (row.cast > 0) return receipt(poll, pollId, seed, row.cast, choice);
    if (row.signed_in === 0) throw new AuthException(AuthErrorCode.SessionRevoked, 'Sign in again.');
    if (row.open === 0) throw await this.notOpen(pollId);
    if (row.on_roll === 0) {
      throw new ElectionsException(
        ElectionsErrorCode.VoterNotOnRoll,
        'The roll was frozen from the attendance register when the poll opened; you are not on it.',
      );
    }
    // On the roll and already voted: the same key and choice is a retry, anything else a second ballot.
    const [previous] = (await this.dataSource.query(REPLAY_SQL, [
      pollId,
      actor.userId,
      keyHash,
      trackerAt(seed, 1),
    ])) as {
      same_key: boolean;
      choice: number | null;
      weight: number;
    }[];
    if (previous?.same_key && previous.choice === choice) return receipt(poll, pollId, seed, previous.weight, choice);
    throw ElectionsException.alreadyCast();
  }

  async turnout(_actor: Actor, pollId: string): Promise<TurnoutResponseDto> {
    const [row] = (await this.dataSource.query(
      `SELECT p.status, p.roll_size, (SELECT count(*) FROM poll_participations x WHERE x.poll_id = p.id)::int AS voted
         FROM polls p WHERE p.id = $1`,
      [pollId],
    )) as { status: PollStatus; roll_size: number | null; voted: number }[];
    if (!row) throw ElectionsException.pollNotFound(pollId);
    return {
      pollId,
      status: row.status,
      entitled: row.roll_size,
      voted: row.voted,
      share: row.roll_size ? Math.round((row.voted / row.roll_size) * 10000) / 10000 : 0,
    };
  }

  /**
   * Every tracker with its ballot, sorted by tracker — only once the poll is closed, and in a mixed
   * poll only when both channels have enough voters (`listsBallots`).
   */
  async bulletinBoard(_actor: Actor, pollId: string): Promise<BulletinBoardResponseDto> {
    const manager = this.dataSource.manager;
    const stored = await findPoll(manager, pollId);
    const status = stored.status;
    if (status === 'draft' || status === 'open') {
      throw new ElectionsException(
        ElectionsErrorCode.PollNotClosed,
        'Ballots are shown only after the poll closes; turnout is visible meanwhile.',
        { status },
      );
    }
    const entries = await bulletinEntries(manager, pollId, await this.options(pollId));
    if (!listsBallots(stored, await channelTurnout(manager, pollId))) {
      // A mixed poll with too few voters on one channel: the merged totals of the tally only.
      return { pollId, listed: false, ballots: entries.length, digest: null, entries: [] };
    }
    return { pollId, listed: true, ballots: entries.length, digest: bulletinBoardDigest(entries), entries };
  }

  /** The poll's ballot options; cached once the poll has left draft (its candidates are frozen). */
  private async options(pollId: string): Promise<CachedPoll> {
    const cached = this.polls.get(pollId);
    if (cached) return cached;
    const [row] = (await this.dataSource.query(POLL_META_SQL, [pollId])) as PollMetaRow[];
    if (!row) throw ElectionsException.pollNotFound(pollId);
    const poll: CachedPoll = {
      kind: row.kind,
      method: row.method,
      maxApprovals: row.max_approvals,
      positions: new Map((row.positions ?? []).map((p) => [p.unitId, p.position])),
    };
    if (row.status !== 'draft') {
      if (this.polls.size >= CACHE_LIMIT) this.polls.clear();
      this.polls.set(pollId, poll);
    }
    return poll;
  }

  private async notOpen(pollId: string): Promise<ElectionsException> {
    const [row] = (await this.dataSource.query(`SELECT status FROM polls WHERE id = $1`, [pollId])) as {
      status: PollStatus;
    }[];
    return row?.status === 'draft'
      ? new ElectionsException(ElectionsErrorCode.PollNotOpen, 'Wait until the secretariat opens the poll.')
      : new ElectionsException(ElectionsErrorCode.PollClosed, 'The poll is closed; no more ballots are accepted.', {
          status: row?.status,
        });
  }
}

/** The key must be a random (v4) UUID: its 122 random bits are what keep the two hashes unlinkable. */
function checkedKey(key: string | undefined): string {
  if (key === undefined || key === '') {
    throw new ElectionsException(
      ElectionsErrorCode.IdempotencyKeyRequired,
      'Send a new random UUID in the Idempotency-Key header, and the same one when you retry.',
    );
  }
  if (!isUUID(key, 4)) {
    throw new ElectionsException(ElectionsErrorCode.IdempotencyKeyInvalid, 'Use a random (version 4) UUID.');
  }
  return key.toLowerCase();
}

function receipt(
  poll: BallotOptions,
  pollId: string,
  seed: Buffer,
  weight: number,
  choice: number,
): CastBallotResponseDto {
  const trackers = trackersOf(seed, weight);
  return {
    receipt: {
      tracker: trackers[0],
      trackers,
      pollId,
      ...describeChoice(poll, choice),
      bulletinBoard: `/api/v1/polls/${pollId}/bulletin-board`,
    },
  };
}
