import type { EntityManager } from 'typeorm';
import { SITTING_ROLES } from '../meetings/meeting.policy';
import { CountingBoardMember } from './counting-board-member.entity';
import { CountingErrorCode, CountingException } from './counting.exception';
import type { Poll } from './poll.entity';

export interface BoardConflict {
  userId: string;
  unitId: string;
  unitCode: string;
  reason: string;
}

/**
 * Who may sit on a poll's counting board (ban kiểm phiếu): nobody who speaks for a candidate —
 * a delegate or head of a unit on the ballot today, or whoever sat for one at this meeting.
 * Refused candidates are not on the ballot, so their delegates may count.
 */
export const CountingBoardPolicy = {
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

  /** The board member row of the actor, or the refusal. */
  async assertOnBoard(manager: EntityManager, pollId: string, userId: string): Promise<CountingBoardMember> {
    const member = await manager.findOne(CountingBoardMember, { where: { pollId, userId } });
    if (!member) throw CountingException.notOnBoard(pollId);
    return member;
  },
};
