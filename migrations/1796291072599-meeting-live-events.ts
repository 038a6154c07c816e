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
      BEGIN
        PERFORM pg_notify('thidua_meeting', json_build_object(
          'meetingId', CASE TG_TABLE_NAME WHEN 'meetings' THEN NEW.id ELSE NEW.meeting_id END,
          'kind', CASE TG_TABLE_NAME WHEN 'meetings' THEN 'meeting'
                                     WHEN 'meeting_attendances' THEN 'attendance'
                                     ELSE 'poll' END,
          'pollId', CASE TG_TABLE_NAME WHEN 'polls' THEN NEW.id END
        )::text);
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
