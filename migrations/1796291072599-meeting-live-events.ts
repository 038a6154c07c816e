import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The meeting's live events: after a change to a meeting, its attendance register or one of its
 * polls commits, PostgreSQL notifies channel `thidua_meeting` with `{meetingId, kind, pollId?}`,
 * and every instance's listener tells its streams (src/modules/live). In the writing transaction,
 * so a rolled-back change notifies nobody; on tables, so no code path can forget it.
 */
export class MeetingLiveEvents1796291072599 implements MigrationInterface {
  name = 'MeetingLiveEvents1796291072599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_meeting_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        change jsonb;
      BEGIN
        -- One branch per table: PL/pgSQL resolves every NEW.field of an expression, taken or not.
        IF TG_TABLE_NAME = 'meetings' THEN
          change := jsonb_build_object('meetingId', NEW.id, 'kind', 'meeting');
        ELSIF TG_TABLE_NAME = 'meeting_attendances' THEN
          change := jsonb_build_object('meetingId', NEW.meeting_id, 'kind', 'attendance');
        ELSE
          change := jsonb_build_object('meetingId', NEW.meeting_id, 'kind', 'poll', 'pollId', NEW.id);
        END IF;
        PERFORM pg_notify('thidua_meeting', change::text);
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER trg_meetings_notify AFTER UPDATE ON meetings
        FOR EACH ROW EXECUTE FUNCTION notify_meeting_change()
    `);
    await queryRunner.query(`
      CREATE TRIGGER trg_meeting_attendances_notify AFTER INSERT OR UPDATE ON meeting_attendances
        FOR EACH ROW EXECUTE FUNCTION notify_meeting_change()
    `);
    await queryRunner.query(`
      CREATE TRIGGER trg_polls_notify AFTER INSERT OR UPDATE ON polls
        FOR EACH ROW EXECUTE FUNCTION notify_meeting_change()
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER trg_polls_notify ON polls');
    await queryRunner.query('DROP TRIGGER trg_meeting_attendances_notify ON meeting_attendances');
    await queryRunner.query('DROP TRIGGER trg_meetings_notify ON meetings');
    await queryRunner.query('DROP FUNCTION notify_meeting_change()');
  }
}
