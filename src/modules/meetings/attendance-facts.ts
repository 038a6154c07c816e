import type { EntityManager } from 'typeorm';

/** The attendance rows of the meeting checked in and not out: how many are in the room now. */
export async function presentAttendanceCount(manager: EntityManager, meetingId: string): Promise<number> {
  const [row] = (await manager.query(
    `SELECT count(*)::int AS present FROM meeting_attendances a WHERE a.meeting_id = $1 AND a.checked_out_at IS NULL`,
    [meetingId],
  )) as { present: number }[];
  return row.present;
}

/** Who sits for which unit at the meeting. */
export interface AttendanceSeat {
  unitId: string;
  delegateId: string;
}

/** The seats of the meeting checked in and not out (one per unit and per person), of these people only if given. */
export async function presentSeats(
  manager: EntityManager,
  meetingId: string,
  delegateIds?: readonly string[],
): Promise<AttendanceSeat[]> {
  const rows = (await manager.query(
    `SELECT a.unit_id, a.delegate_id FROM meeting_attendances a
      WHERE a.meeting_id = $1 AND a.checked_out_at IS NULL AND ($2::uuid[] IS NULL OR a.delegate_id = ANY($2::uuid[]))`,
    [meetingId, delegateIds ? [...delegateIds] : null],
  )) as { unit_id: string; delegate_id: string }[];
  return rows.map((row) => ({ unitId: row.unit_id, delegateId: row.delegate_id }));
}

/** Every seat these people took at the meeting, checked out or not. */
export async function seatsTakenBy(
  manager: EntityManager,
  meetingId: string,
  delegateIds: readonly string[],
): Promise<AttendanceSeat[]> {
  const rows = (await manager.query(
    `SELECT a.unit_id, a.delegate_id FROM meeting_attendances a WHERE a.meeting_id = $1 AND a.delegate_id = ANY($2::uuid[])`,
    [meetingId, [...delegateIds]],
  )) as { unit_id: string; delegate_id: string }[];
  return rows.map((row) => ({ unitId: row.unit_id, delegateId: row.delegate_id }));
}
