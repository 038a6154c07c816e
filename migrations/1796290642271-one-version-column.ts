import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One name for the optimistic version: every versioned table calls it `version`. The pledge's own
 * sequence number (1, then +1 per amendment), which was `version`, becomes `number`.
 */
export class OneVersionColumn1796290642271 implements MigrationInterface {
  name = 'OneVersionColumn1796290642271';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pledges" RENAME COLUMN "version" TO "number"`);
    await queryRunner.query(`ALTER INDEX "uq_pledges_cycle_version" RENAME TO "uq_pledges_cycle_number"`);
    for (const table of ['pledges', 'unit_pledges', 'pledge_progress_reports', 'meetings', 'polls', 'flag_handovers']) {
      await queryRunner.query(`ALTER TABLE "${table}" RENAME COLUMN "row_version" TO "version"`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['pledges', 'unit_pledges', 'pledge_progress_reports', 'meetings', 'polls', 'flag_handovers']) {
      await queryRunner.query(`ALTER TABLE "${table}" RENAME COLUMN "version" TO "row_version"`);
    }
    await queryRunner.query(`ALTER INDEX "uq_pledges_cycle_number" RENAME TO "uq_pledges_cycle_version"`);
    await queryRunner.query(`ALTER TABLE "pledges" RENAME COLUMN "number" TO "version"`);
  }
}
