import { MigrationInterface, QueryRunner } from 'typeorm';

/** A score entry may cite approved pledge progress reports as evidence; the citations have a history too. */
export class ScoreEntryProgressCitations1795590618871 implements MigrationInterface {
  name = 'ScoreEntryProgressCitations1795590618871';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "score_entries"
            ADD "cited_progress_report_ids" uuid array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "score_changes" DROP CONSTRAINT "ck_score_changes_field"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_changes"
            ADD CONSTRAINT "ck_score_changes_field" CHECK (
                    "field" IN (
                        'self_score',
                        'self_note',
                        'cited_progress_reports',
                        'reviewed_score',
                        'review_comment',
                        'explanation',
                        'final_score',
                        'final_reason'
                    )
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "score_changes" DROP CONSTRAINT "ck_score_changes_field"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_changes"
            ADD CONSTRAINT "ck_score_changes_field" CHECK (
                    "field" IN (
                        'self_score',
                        'self_note',
                        'reviewed_score',
                        'review_comment',
                        'explanation',
                        'final_score',
                        'final_reason'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "score_entries" DROP COLUMN "cited_progress_report_ids"
        `);
  }
}
