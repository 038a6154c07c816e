import { MigrationInterface, QueryRunner } from 'typeorm';

/** Units declare whether they are women-led, for the tie-break preference of the rules. */
export class UnitWomenLed1795584227985 implements MigrationInterface {
  name = 'UnitWomenLed1795584227985';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "units"
            ADD "women_led" boolean NOT NULL DEFAULT false
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "units" DROP COLUMN "women_led"
        `);
  }
}
