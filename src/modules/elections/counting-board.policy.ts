import type { EntityManager } from 'typeorm';
import { SITTING_ROLES } from '../meetings';
import { currentMembershipSql } from '../registry';
import { CountingBoardMember } from './counting-board-member.entity';
import { CountingBoard } from './counting-board.entity';
import { CountingErrorCode, CountingException } from './counting.exception';
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
    const rows = (await manager.query(
      `SELECT DISTINCT ON (u.id) u.id AS user_id, m.unit_id, u.is_active
         FROM users u
         LEFT JOIN mandates m
                ON m.user_id = u.id AND m.role = ANY($4::text[])
               AND m.valid_from <= now() AND (m.valid_to IS NULL OR m.valid_to > now())
               AND EXISTS (SELECT 1 FROM cluster_memberships cm
                            WHERE cm.cluster_id = $3 AND cm.unit_id = m.unit_id AND ${currentMembershipSql('cm')})
               AND EXISTS (SELECT 1 FROM meeting_attendances a
                            WHERE a.meeting_id = $2 AND a.unit_id = m.unit_id AND a.checked_out_at IS NULL)
        WHERE u.id = ANY($1::uuid[])
        ORDER BY u.id, (EXISTS (SELECT 1 FROM meeting_attendances a
                                 WHERE a.meeting_id = $2 AND a.unit_id = m.unit_id AND a.delegate_id = u.id
                                   AND a.checked_out_at IS NULL)) DESC,
                 m.valid_from DESC`,
      [userIds, poll.meetingId, clusterId, [...SITTING_ROLES]],
    )) as { user_id: string; unit_id: string | null; is_active: boolean }[];
    return userIds.map((userId) => {
      const row = rows.find((r) => r.user_id === userId);
      if (!row || !row.is_active) return { userId, unitId: null, reason: 'is no active user' };
      if (!row.unit_id) {
        return {
          userId,
          unitId: null,
          reason: 'holds no delegate or head mandate of a member unit present at the meeting',
        };
      }
      return { userId, unitId: row.unit_id, reason: null };
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
    const rows = (await manager.query(
      `SELECT m.user_id, u.id AS unit_id, u.code, u.name, m.role AS how
         FROM mandates m
         JOIN poll_candidates c ON c.poll_id = $1 AND c.unit_id = m.unit_id AND c.position IS NOT NULL
         JOIN units u ON u.id = m.unit_id
        WHERE m.user_id = ANY($2::uuid[]) AND m.role = ANY($4::text[])
          AND m.valid_from <= now() AND (m.valid_to IS NULL OR m.valid_to > now())
       UNION ALL
       SELECT a.delegate_id, u.id, u.code, u.name, 'attendance'
         FROM meeting_attendances a
         JOIN poll_candidates c ON c.poll_id = $1 AND c.unit_id = a.unit_id AND c.position IS NOT NULL
         JOIN units u ON u.id = a.unit_id
        WHERE a.meeting_id = $3 AND a.delegate_id = ANY($2::uuid[])`,
      [poll.id, userIds, poll.meetingId, [...SITTING_ROLES]],
    )) as { user_id: string; unit_id: string; code: string; name: string; how: string }[];
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
