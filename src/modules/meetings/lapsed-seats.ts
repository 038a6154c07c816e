import type { EntityManager } from 'typeorm';
import type { LedgerService } from '../ledger';
import { SITTING_ROLES } from './meeting.policy';

export const ATTENDANCE_SUBJECT = 'meeting_attendance';

/**
 * A seat is held by a mandate, not by the check-in: whoever sits for a unit without a delegate or
 * head mandate of it in force now (it ended, or was cut short, after they checked in) is checked
 * out here, so the unit's real delegate can take the seat and a poll's roll never lists them.
 * Called with the meeting row locked (check-in, poll opening); each release is in the ledger.
 */
export async function releaseLapsedSeats(
  manager: EntityManager,
  ledger: LedgerService,
  meetingId: string,
  actorId: string,
): Promise<{ unitId: string; delegateId: string }[]> {
  // The UPDATE inside a CTE: the drivers answer a SELECT with its rows alone.
  const rows = (await manager.query(
    `WITH released AS (
     UPDATE meeting_attendances a
        SET checked_out_at = now(), checked_out_by = $2,
            note = concat_ws(E'\\n', a.note, 'Checked out: no delegate or head mandate of the unit in force.')
      WHERE a.meeting_id = $1 AND a.checked_out_at IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM mandates m
           WHERE m.user_id = a.delegate_id AND m.unit_id = a.unit_id AND m.role = ANY($3)
             AND m.valid_from <= now() AND (m.valid_to IS NULL OR m.valid_to > now()))
      RETURNING a.id, a.unit_id, a.delegate_id, a.checked_out_at)
     SELECT * FROM released ORDER BY unit_id`,
    [meetingId, actorId, [...SITTING_ROLES]],
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
