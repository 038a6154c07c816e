import type { EntityManager } from 'typeorm';

/**
 * How many have voted in each open poll of a meeting — the figure `GET /polls/{id}/turnout`
 * already shows — read by the meeting's live stream to notice that turnout moved. Casting does
 * not NOTIFY: a notification per ballot would serialise commits on the hot path (decision 011).
 */
export async function openPollTurnout(
  manager: EntityManager,
  meetingId: string,
): Promise<Array<{ pollId: string; voted: number }>> {
  const rows: Array<{ poll_id: string; voted: number }> = await manager.query(
    `SELECT p.id AS poll_id, count(pp.unit_id)::int AS voted
       FROM polls p LEFT JOIN poll_participations pp ON pp.poll_id = p.id
      WHERE p.meeting_id = $1 AND p.status = 'open'
      GROUP BY p.id`,
    [meetingId],
  );
  return rows.map((row) => ({ pollId: row.poll_id, voted: row.voted }));
}
