import type { EntityManager } from 'typeorm';
import { unitRefs } from '../registry';
import { userRefsByName } from '../users';
import { CountingBoardMember } from './counting-board-member.entity';

interface BoardRow {
  user_id: string;
  full_name: string;
  unit_id: string | null;
  unit_code: string | null;
  appointed_by: string;
  appointed_at: Date;
}

/** The board's members with their names and units, by name then id, in the caller's transaction. */
export async function boardOf(manager: EntityManager, pollId: string): Promise<BoardRow[]> {
  const members = await manager.find(CountingBoardMember, { where: { pollId } });
  const memberOf = new Map(members.map((member) => [member.userId, member]));
  // The users module orders the names (by the database's collation); the foreign key keeps each person.
  const people = await userRefsByName(
    manager,
    members.map((member) => member.userId),
  );
  const units = await unitRefs(
    manager,
    members.flatMap((member) => (member.unitId ? [member.unitId] : [])),
  );
  return people.map((person) => {
    const member = memberOf.get(person.id)!;
    return {
      user_id: member.userId,
      full_name: person.fullName,
      unit_id: member.unitId,
      unit_code: member.unitId ? (units.get(member.unitId)?.code ?? null) : null,
      appointed_by: member.appointedBy,
      appointed_at: member.appointedAt,
    };
  });
}

interface HandRow {
  unit_id: string;
  code: string;
  delegate_id: string;
  vote: 'for';
  raised_at: Date;
}

/** The hands on a proposal in the order raised; hands raised at the same instant by unit code. */
export async function handsOf(manager: EntityManager, proposalId: string): Promise<HandRow[]> {
  const rows = (await manager.query(
    `SELECT h.unit_id, h.delegate_id, h.vote, h.raised_at, dense_rank() OVER (ORDER BY h.raised_at)::int AS instant
       FROM poll_counting_board_hands h WHERE h.proposal_id = $1 ORDER BY h.raised_at`,
    [proposalId],
  )) as (Omit<HandRow, 'code'> & { instant: number })[];
  const units = await unitRefs(
    manager,
    rows.map((row) => row.unit_id),
  );
  return rows
    .map(({ instant, ...row }) => ({ instant, hand: { ...row, code: units.get(row.unit_id)!.code } }))
    .sort((a, b) => a.instant - b.instant || (a.hand.code < b.hand.code ? -1 : a.hand.code > b.hand.code ? 1 : 0))
    .map(({ hand }) => hand);
}
