import type { EntityManager } from 'typeorm';
import type { LedgerService } from '../ledger';
import { seatsHeldNow } from '../mandates';
import { SITTING_ROLES } from './meeting.policy';

export const ATTENDANCE_SUBJECT = 'meeting_attendance';

/**
 * A seat is held by a mandate, not by the check-in: whoever sits for a unit without a delegate or
 * head mandate of it in force now (it ended, or was cut short, after they checked in) is checked
 * out here, so the unit's real delegate can take the seat and a poll's roll never lists them.
 * Called with the meeting row locked (check-in, poll opening), which keeps the register still between
 * reading it and checking out; each release is in the ledger.
 */
export async function releaseLapsedSeats(
  manager: EntityManager,
  ledger: LedgerService,
  meetingId: string,
  actorId: string,
): Promise<{ unitId: string; delegateId: string }[]> {
  const seated = (await manager.query(
    `SELECT id, unit_id, delegate_id FROM meeting_attendances WHERE meeting_id = $1 AND checked_out_at IS NULL`,
    [meetingId],
  )) as { id: string; unit_id: string; delegate_id: string }[];
  const held = await seatsHeldNow(
    manager,
    seated.map((row) => ({ userId: row.delegate_id, unitId: row.unit_id })),
    SITTING_ROLES,
  );
  const heldSeats = new Set(held.map((seat) => `${seat.userId} ${seat.unitId}`));
  const lapsed = seated.filter((row) => !heldSeats.has(`${row.delegate_id} ${row.unit_id}`)).map((row) => row.id);
  if (lapsed.length === 0) return [];
  // The UPDATE inside a CTE: the drivers answer a SELECT with its rows alone.
  const rows = (await manager.query(
    `WITH released AS (
     UPDATE meeting_attendances a
        SET checked_out_at = now(), checked_out_by = $2,
            note = concat_ws(E'\\n', a.note, 'Checked out: no delegate or head mandate of the unit in force.')
      WHERE a.meeting_id = $1 AND a.checked_out_at IS NULL AND a.id = ANY($3::uuid[])
      RETURNING a.id, a.unit_id, a.delegate_id, a.checked_out_at)
     SELECT * FROM released ORDER BY unit_id`,
    [meetingId, actorId, lapsed],
  )) as { id: string; unit_id: string; delegate_id: string; checked_out_at: Date }[];
  for (const row of rows) {
    await ledger.append(manager, {
      actorId,
      action: 'meetings.attendance_checked_out',
      subjectType: ATTENDANCE_SUBJECT,
      subjectId: row.id,
      payload: {
        meetingId,
        unitId: row.unit_id,
        delegateId: row.delegate_id,
        checkedOutAt: new Date(row.checked_out_at).toISOString(),
        reason: 'mandate_ended',
      },
    });
  }
  return rows.map((row) => ({ unitId: row.unit_id, delegateId: row.delegate_id }));
}
