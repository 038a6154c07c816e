import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import type { IfMatch } from '../../common/versioning/version-precondition';
import { LedgerService } from '../ledger';
import { activeUserIds } from '../users';
import { presentAttendanceCount, presentSeats, SITTING_ROLES } from '../meetings';
import { mandatesInForceNow } from '../mandates';
import { findRulesVersion } from '../rules';
import { CountingBoardHand } from './counting-board-hand.entity';
import { boardOf, handsOf } from './counting-board-reads';
import { CountingBoardMember } from './counting-board-member.entity';
import { CountingBoard } from './counting-board.entity';
import { CountingBoardPolicy } from './counting-board.policy';
import { CountingErrorCode, CountingException } from './counting.exception';
import type { AppointCountingBoardDto, CountingBoardResponseDto, RaiseHandDto } from './dto/counting-board.dto';
import { PaperCountEntry } from './paper-count-entry.entity';
import { PollPolicy } from './poll.policy';
import { POLL_SUBJECT, findPoll, meetingOf } from './poll-store';
import type { Poll } from './poll.entity';
import { assertPollVersion } from './polls.service';

/**
 * The counting board (ban kiểm phiếu) of a poll, as at a real meeting: the chair (the cluster's
 * secretariat) proposes it, the meeting confirms it by a recorded show of hands — each present
 * unit's hand raised by the person sitting for it, on their own account — and only then may its
 * members count and sign. A new proposal replaces the board (and needs the hands again) until
 * counting starts. The secretariat alone can neither appoint nor replace it. Decision 017.
 */
@Injectable()
export class CountingBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async get(_actor: Actor, pollId: string): Promise<CountingBoardResponseDto> {
    const manager = this.dataSource.manager;
    const poll = await findPoll(manager, pollId);
    return this.describe(manager, poll);
  }

  /** Proposes a board: the previous proposal (confirmed or not) is replaced and must be confirmed again. */
  async propose(
    actor: Actor,
    pollId: string,
    dto: AppointCountingBoardDto,
    ifMatch?: IfMatch,
  ): Promise<CountingBoardResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const poll = await findPoll(manager, pollId, true);
      const meeting = await meetingOf(manager, poll);
      PollPolicy.assertMayManage(actor, meeting.clusterId);
      assertPollVersion(poll, { expectedVersion: dto.expectedVersion, ifMatch });
      if (poll.status === 'certified') throw CountingException.certified();
      if (poll.status === 'tallied') throw CountingException.boardLocked('The poll is tallied: the board stays.');
      if (await manager.existsBy(PaperCountEntry, { pollId })) {
        throw CountingException.boardLocked('The board has started entering the paper count: it stays.');
      }
      const memberIds = [...new Set(dto.memberIds)];
      if (memberIds.length < 2) {
        throw new CountingException(CountingErrorCode.BoardTooSmall, 'Name at least two different people.');
      }
      const known = await activeUserIds(manager, memberIds);
      const unknown = memberIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new CountingException(
          CountingErrorCode.BoardMemberUnknown,
          `No active user with id ${unknown.join(', ')}.`,
          { unknown },
        );
      }
      const seats = await CountingBoardPolicy.seats(manager, poll, meeting.clusterId, memberIds);
      CountingBoardPolicy.assertSeated(seats);
      CountingBoardPolicy.assertNoConflict(await CountingBoardPolicy.conflicts(manager, poll, memberIds));

      const before = await manager.findOne(CountingBoard, { where: { pollId }, lock: { mode: 'pessimistic_write' } });
      const previous = (await boardOf(manager, pollId)).map((m) => ({ userId: m.user_id, unitId: m.unit_id }));
      const proposalId = randomUUID();
      if (before) {
        // The trigger lets a proposal be replaced only by a new unconfirmed one, before counting.
        await manager.update(
          CountingBoard,
          { pollId },
          {
            proposalId,
            proposedBy: actor.userId,
            proposedAt: () => 'now()',
            confirmedAt: null,
            presentUnits: null,
            handsFor: null,
            handsAgainst: null,
            handsAbstain: null,
          },
        );
      } else {
        await manager.insert(CountingBoard, { pollId, proposalId, proposedBy: actor.userId });
      }
      await manager.delete(CountingBoardMember, { pollId });
      await manager.insert(
        CountingBoardMember,
        seats.map((s) => ({ pollId, userId: s.userId, unitId: s.unitId, appointedBy: actor.userId })),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'elections.counting_board_proposed',
        subjectType: POLL_SUBJECT,
        subjectId: pollId,
        payload: {
          proposalId,
          members: seats.map((s) => ({ userId: s.userId, unitId: s.unitId })).sort(byUser),
          previous: before
            ? { proposalId: before.proposalId, confirmed: before.confirmedAt !== null, members: previous.sort(byUser) }
            : null,
        },
      });
      return this.describe(manager, poll);
    });
  }

  /**
   * A present unit's hand on the proposed board, raised by the person sitting for it. When the
   * hands for it exceed the rules' share of the units present, the board is confirmed; the
   * database counts the hands again and refuses a confirmation without the majority.
   */
  async raiseHand(actor: Actor, pollId: string, dto: RaiseHandDto): Promise<CountingBoardResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const poll = await findPoll(manager, pollId);
      const board = await manager.findOne(CountingBoard, { where: { pollId }, lock: { mode: 'pessimistic_write' } });
      if (!board) {
        throw new CountingException(CountingErrorCode.BoardMissing, 'No counting board has been proposed yet.');
      }
      if (board.proposalId !== dto.proposalId) {
        throw new CountingException(
          CountingErrorCode.BoardProposalChanged,
          'Another board has been proposed since; read it and vote again.',
          { proposalId: board.proposalId },
        );
      }
      if (board.confirmedAt) {
        throw new CountingException(CountingErrorCode.BoardAlreadyConfirmed, 'The meeting has confirmed this board.', {
          confirmedAt: board.confirmedAt.toISOString(),
        });
      }
      // The actor's seat at the meeting now, for a unit they hold a sitting mandate of.
      const mandates = await mandatesInForceNow(manager, [actor.userId], SITTING_ROLES);
      const seat = (await presentSeats(manager, poll.meetingId, [actor.userId]))
        .filter((s) => mandates.some((m) => m.unitId === s.unitId))
        .map((s) => ({ unit_id: s.unitId }))[0];
      if (!seat) {
        throw new CountingException(
          CountingErrorCode.HandNotPresent,
          'Only a person checked in for a member unit at this meeting, with its delegate or head mandate, raises its hand.',
        );
      }
      if (await manager.existsBy(CountingBoardHand, { proposalId: board.proposalId, unitId: seat.unit_id })) {
        throw new CountingException(CountingErrorCode.HandAlreadyRaised, 'Your unit has voted on this proposal.', {
          unitId: seat.unit_id,
        });
      }
      await manager.insert(CountingBoardHand, {
        proposalId: board.proposalId,
        unitId: seat.unit_id,
        pollId,
        delegateId: actor.userId,
        vote: dto.vote,
      });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'elections.counting_board_hand_raised',
        subjectType: POLL_SUBJECT,
        subjectId: pollId,
        payload: { proposalId: board.proposalId, unitId: seat.unit_id, vote: dto.vote },
      });
      const tally = await this.confirmation(manager, poll, board);
      if (tally.handsFor >= tally.handsNeeded) {
        // The trigger recounts the hands and the units present and writes the figures it found.
        await manager.update(CountingBoard, { pollId }, { confirmedAt: () => 'now()' });
        const confirmed = await manager.findOneByOrFail(CountingBoard, { pollId });
        await this.ledger.append(manager, {
          actorId: actor.userId,
          action: 'elections.counting_board_confirmed',
          subjectType: POLL_SUBJECT,
          subjectId: pollId,
          payload: {
            proposalId: confirmed.proposalId,
            members: (await boardOf(manager, pollId)).map((m) => ({ userId: m.user_id, unitId: m.unit_id })),
            presentUnits: confirmed.presentUnits,
            handsFor: confirmed.handsFor,
            handsAgainst: confirmed.handsAgainst,
            handsAbstain: confirmed.handsAbstain,
          },
        });
      }
      return this.describe(manager, poll);
    });
  }

  private async confirmation(manager: EntityManager, poll: Poll, board: CountingBoard) {
    const [hands] = (await manager.query(
      `SELECT count(*) FILTER (WHERE h.vote = 'for')::int AS hands_for,
              count(*) FILTER (WHERE h.vote = 'against')::int AS hands_against,
              count(*) FILTER (WHERE h.vote = 'abstain')::int AS hands_abstain
         FROM poll_counting_board_hands h WHERE h.proposal_id = $1`,
      [board.proposalId],
    )) as { hands_for: number; hands_against: number; hands_abstain: number }[];
    // The room from the meetings module, the share from the poll's rules version (absent: 0.5).
    const rules = await findRulesVersion(manager, poll.rulesVersionId);
    const row = {
      ...hands,
      present: await presentAttendanceCount(manager, poll.meetingId),
      majority: Number(rules?.content.voting?.countingBoardMajority ?? 0.5),
    };
    const confirmed = board.confirmedAt !== null;
    const present = confirmed ? board.presentUnits! : row.present;
    return {
      presentUnits: present,
      handsNeeded: Math.floor(row.majority * present) + 1,
      handsFor: confirmed ? board.handsFor! : row.hands_for,
      handsAgainst: confirmed ? board.handsAgainst! : row.hands_against,
      handsAbstain: confirmed ? board.handsAbstain! : row.hands_abstain,
      majority: row.majority,
    };
  }

  private async describe(manager: EntityManager, poll: Poll): Promise<CountingBoardResponseDto> {
    const board = await manager.findOne(CountingBoard, { where: { pollId: poll.id } });
    const members = await boardOf(manager, poll.id);
    const entered = await manager.existsBy(PaperCountEntry, { pollId: poll.id });
    const hands = board ? await handsOf(manager, board.proposalId) : [];
    return {
      pollId: poll.id,
      status: !board ? 'none' : board.confirmedAt ? 'confirmed' : 'proposed',
      proposalId: board?.proposalId ?? null,
      proposedBy: board?.proposedBy ?? null,
      proposedAt: board ? new Date(board.proposedAt).toISOString() : null,
      confirmedAt: board?.confirmedAt ? new Date(board.confirmedAt).toISOString() : null,
      members: members.map((m) => ({
        userId: m.user_id,
        fullName: m.full_name,
        unitId: m.unit_id,
        unitCode: m.unit_code,
        appointedBy: m.appointed_by,
        appointedAt: new Date(m.appointed_at).toISOString(),
      })),
      confirmation: board ? await this.confirmation(manager, poll, board) : null,
      hands: hands.map((h) => ({
        unitId: h.unit_id,
        unitCode: h.code,
        delegateId: h.delegate_id,
        vote: h.vote,
        raisedAt: new Date(h.raised_at).toISOString(),
      })),
      locked: entered || poll.status === 'tallied' || poll.status === 'certified',
    };
  }
}

const byUser = (a: { userId: string }, b: { userId: string }) => a.userId.localeCompare(b.userId);
