import { IsNull, Not, type EntityManager } from 'typeorm';
import { mandatesInForceNow } from '../mandates';
import { presentSeats, seatsTakenBy, SITTING_ROLES } from '../meetings';
import { currentMembersAmong, unitRefs } from '../registry';
import { activeUserIds } from '../users';
import { CountingBoardMember } from './counting-board-member.entity';
import { CountingBoard } from './counting-board.entity';
import { CountingErrorCode, CountingException } from './counting.exception';
import { PollCandidate } from './poll-candidate.entity';
import type { Poll } from './poll.entity';

export interface BoardConflict {
  userId: string;
  unitId: string;
  unitCode: string;
  reason: string;
}

/** The unit a proposed member sits for at the meeting, or why they have no seat. */
export interface BoardSeat {
  userId: string;
  unitId: string | null;
  reason: string | null;
}

/**
 * Who may sit on a poll's counting board (ban kiểm phiếu): a delegate or head, with the mandate
 * in force, of a member unit of the cluster that is present at the meeting — one member per unit —
 * and nobody who speaks for a candidate: a delegate or head of a unit on the ballot, or whoever
 * sat for one at this meeting. The database refuses the same (trigger
 * `trg_poll_counting_board_members_guard`); this policy names the reasons.
 */
export const CountingBoardPolicy = {
  /** For each proposed member: the present member unit they hold a sitting mandate of. */
  async seats(manager: EntityManager, poll: Poll, clusterId: string, userIds: string[]): Promise<BoardSeat[]> {
    const active = await activeUserIds(manager, userIds);
    // Sitting mandates in force, newest first, of units present at the meeting and members today.
    const mandates = await mandatesInForceNow(manager, userIds, SITTING_ROLES);
    const seats = await presentSeats(manager, poll.meetingId);
    const present = new Set(seats.map((seat) => seat.unitId));
    const sitting = new Set(seats.map((seat) => `${seat.unitId}|${seat.delegateId}`));
    const members = await currentMembersAmong(
      manager,
      clusterId,
      mandates.flatMap((m) => (m.unitId ? [m.unitId] : [])),
    );
    return userIds.map((userId) => {
      if (!active.has(userId)) return { userId, unitId: null, reason: 'is no active user' };
      const held = mandates.filter(
        (m) => m.userId === userId && m.unitId !== null && members.has(m.unitId) && present.has(m.unitId),
      );
      // The unit they sit for now first, else the newest mandate (the filter keeps newest first).
      const row = held.find((m) => sitting.has(`${m.unitId}|${userId}`)) ?? held[0];
      if (!row?.unitId) {
        return {
          userId,
          unitId: null,
          reason: 'holds no delegate or head mandate of a member unit present at the meeting',
        };
      }
      return { userId, unitId: row.unitId, reason: null };
    });
  },

  assertSeated(seats: BoardSeat[]): void {
    const refused = seats.filter((s) => s.unitId === null);
    if (refused.length > 0) {
      throw new CountingException(
        CountingErrorCode.BoardMemberNoSeat,
        `Counting-board members sit for a member unit present at the meeting: ${refused
          .map((s) => `${s.userId} ${s.reason}`)
          .join('; ')}.`,
        { refused: refused.map((s) => ({ userId: s.userId, reason: s.reason })) },
      );
    }
    const byUnit = new Map<string, string[]>();
    for (const seat of seats) byUnit.set(seat.unitId!, [...(byUnit.get(seat.unitId!) ?? []), seat.userId]);
    const shared = [...byUnit.entries()].filter(([, users]) => users.length > 1);
    if (shared.length > 0) {
      throw new CountingException(
        CountingErrorCode.BoardUnitsNotDistinct,
        'Each member of the counting board sits for a different unit.',
        { sharedUnits: shared.map(([unitId, members]) => ({ unitId, userIds: members })) },
      );
    }
  },

  async conflicts(manager: EntityManager, poll: Poll, userIds: string[]): Promise<BoardConflict[]> {
    const candidates = await manager.find(PollCandidate, { where: { pollId: poll.id, position: Not(IsNull()) } });
    const onBallot = new Set(candidates.map((c) => c.unitId));
    // A sitting mandate of a unit on the ballot, then a seat taken for one at this meeting.
    const mandates = (await mandatesInForceNow(manager, userIds, SITTING_ROLES)).flatMap((m) =>
      m.unitId !== null && onBallot.has(m.unitId) ? [{ user_id: m.userId, unit_id: m.unitId, how: m.role }] : [],
    );
    const sat = (await seatsTakenBy(manager, poll.meetingId, userIds)).flatMap((a) =>
      onBallot.has(a.unitId) ? [{ user_id: a.delegateId, unit_id: a.unitId, how: 'attendance' }] : [],
    );
    const units = await unitRefs(
      manager,
      [...mandates, ...sat].map((r) => r.unit_id),
    );
    const rows = [...mandates, ...sat].map((r) => ({
      ...r,
      name: units.get(r.unit_id)!.name,
      code: units.get(r.unit_id)!.code,
    }));
    const seen = new Set<string>();
    const out: BoardConflict[] = [];
    for (const row of rows) {
      if (seen.has(`${row.user_id}|${row.unit_id}`)) continue;
      seen.add(`${row.user_id}|${row.unit_id}`);
      out.push({
        userId: row.user_id,
        unitId: row.unit_id,
        unitCode: row.code,
        reason:
          row.how === 'attendance'
            ? `sat for ${row.name}, a candidate, at this meeting`
            : `is ${row.how === 'head' ? 'the head' : 'a delegate'} of ${row.name}, a candidate`,
      });
    }
    return out;
  },

  assertNoConflict(conflicts: BoardConflict[]): void {
    if (conflicts.length > 0) {
      throw new CountingException(
        CountingErrorCode.BoardMemberConflict,
        `A candidate's delegate may not count the ballots: ${conflicts.map((c) => `${c.userId} ${c.reason}`).join('; ')}.`,
        { refused: conflicts },
      );
    }
  },

  /** The board as the meeting confirmed it, or the refusal: nobody counts or signs for a board only proposed. */
  async assertConfirmed(manager: EntityManager, pollId: string): Promise<CountingBoard> {
    const board = await manager.findOne(CountingBoard, { where: { pollId } });
    if (!board) {
      throw new CountingException(
        CountingErrorCode.BoardMissing,
        'The chair proposes a counting board (PUT …/counting-board) and the meeting confirms it first.',
      );
    }
    if (!board.confirmedAt) throw CountingException.notConfirmed(pollId, board.proposalId);
    return board;
  },

  /** The board member row of the actor on the confirmed board, or the refusal. */
  async assertOnBoard(manager: EntityManager, pollId: string, userId: string): Promise<CountingBoardMember> {
    const member = await manager.findOne(CountingBoardMember, { where: { pollId, userId } });
    if (!member) throw CountingException.notOnBoard(pollId);
    await CountingBoardPolicy.assertConfirmed(manager, pollId);
    return member;
  },
};
