import { MigrationInterface, QueryRunner } from 'typeorm';

/** Scoring periods, score sheets and entries with their history, cross-review assignments, evidence files. */
export class Scoring1795584162054 implements MigrationInterface {
  name = 'Scoring1795584162054';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "scoring_periods" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "name" text NOT NULL,
                "rules_version_id" uuid NOT NULL,
                "self_scoring_due" date NOT NULL,
                "explanation_due" date NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "adopted_at" TIMESTAMP WITH TIME ZONE,
                "adopted_by" uuid,
                "adopted_ranking" jsonb,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_scoring_periods_status" CHECK ("status" IN ('open', 'adopted')),
                CONSTRAINT "pk_scoring_periods" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_scoring_periods_cycle_name" ON "scoring_periods" ("cycle_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "score_sheets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "period_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_score_sheets_status" CHECK ("status" IN ('draft', 'submitted')),
                CONSTRAINT "pk_score_sheets" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_score_sheets_unit" ON "score_sheets" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_score_sheets_period_unit" ON "score_sheets" ("period_id", "unit_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "score_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "sheet_id" uuid NOT NULL,
                "item_code" text NOT NULL,
                "item_kind" text NOT NULL,
                "self_score" numeric(10, 2),
                "self_note" text,
                "reviewed_score" numeric(10, 2),
                "review_comment" text,
                "reviewed_by" uuid,
                "explanation" text,
                "final_score" numeric(10, 2),
                "final_reason" text,
                "finalized_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_score_entries_non_negative" CHECK (
                    COALESCE("self_score", 0) >= 0
                    AND COALESCE("reviewed_score", 0) >= 0
                    AND COALESCE("final_score", 0) >= 0
                ),
                CONSTRAINT "ck_score_entries_kind" CHECK ("item_kind" IN ('criterion', 'bonus', 'penalty')),
                CONSTRAINT "pk_score_entries" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_score_entries_sheet_item" ON "score_entries" ("sheet_id", "item_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "evidence_files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "entry_id" uuid NOT NULL,
                "file_name" text NOT NULL,
                "content_type" text NOT NULL,
                "size_bytes" integer NOT NULL,
                "sha256" text NOT NULL,
                "uploaded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_evidence_files" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_evidence_files_entry" ON "evidence_files" ("entry_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "stored_blobs" (
                "sha256" text NOT NULL,
                "bytes" bytea NOT NULL,
                "size_bytes" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_stored_blobs" PRIMARY KEY ("sha256")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "review_assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "period_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "reviewer_id" uuid NOT NULL,
                "assigned_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_review_assignments" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_review_assignments_reviewer" ON "review_assignments" ("reviewer_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_review_assignments" ON "review_assignments" ("period_id", "unit_id", "reviewer_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "score_changes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "entry_id" uuid NOT NULL,
                "field" text NOT NULL,
                "old_value" text,
                "new_value" text,
                "actor_id" uuid NOT NULL,
                "reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_score_changes_field" CHECK (
                    "field" IN (
                        'self_score',
                        'self_note',
                        'reviewed_score',
                        'review_comment',
                        'explanation',
                        'final_score',
                        'final_reason'
                    )
                ),
                CONSTRAINT "pk_score_changes" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_score_changes_entry" ON "score_changes" ("entry_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "scoring_periods"
            ADD CONSTRAINT "fk_scoring_periods_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets"
            ADD CONSTRAINT "fk_score_sheets_period" FOREIGN KEY ("period_id") REFERENCES "scoring_periods"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets"
            ADD CONSTRAINT "fk_score_sheets_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_entries"
            ADD CONSTRAINT "fk_score_entries_sheet" FOREIGN KEY ("sheet_id") REFERENCES "score_sheets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evidence_files"
            ADD CONSTRAINT "fk_evidence_files_entry" FOREIGN KEY ("entry_id") REFERENCES "score_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "review_assignments"
            ADD CONSTRAINT "fk_review_assignments_period" FOREIGN KEY ("period_id") REFERENCES "scoring_periods"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "review_assignments"
            ADD CONSTRAINT "fk_review_assignments_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "review_assignments"
            ADD CONSTRAINT "fk_review_assignments_reviewer" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_changes"
            ADD CONSTRAINT "fk_score_changes_entry" FOREIGN KEY ("entry_id") REFERENCES "score_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Score history is append-only; an adopted period is immutable, and so is everything scored in it:
    // its sheets, their entries and their evidence (SQLSTATE TD001 → 409 immutable_record).
    await queryRunner.query(`
            CREATE TRIGGER "trg_score_changes_append_only" BEFORE UPDATE OR DELETE ON "score_changes"
            FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_change"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_scoring_periods_immutable" BEFORE UPDATE OR DELETE ON "scoring_periods"
            FOR EACH ROW WHEN (OLD."status" = 'adopted') EXECUTE FUNCTION "thidua_refuse_change_when"()
        `);
    await queryRunner.query(`
            CREATE FUNCTION "thidua_refuse_when_period_adopted"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                target record;
                adopted boolean;
            BEGIN
                IF TG_OP = 'DELETE' THEN target := OLD; ELSE target := NEW; END IF;
                IF TG_TABLE_NAME = 'score_sheets' THEN
                    SELECT p.status = 'adopted' INTO adopted FROM scoring_periods p WHERE p.id = target.period_id;
                ELSIF TG_TABLE_NAME = 'score_entries' THEN
                    SELECT p.status = 'adopted' INTO adopted
                      FROM score_sheets s JOIN scoring_periods p ON p.id = s.period_id WHERE s.id = target.sheet_id;
                ELSE
                    SELECT p.status = 'adopted' INTO adopted
                      FROM score_entries e JOIN score_sheets s ON s.id = e.sheet_id
                      JOIN scoring_periods p ON p.id = s.period_id WHERE e.id = target.entry_id;
                END IF;
                IF adopted THEN
                    RAISE EXCEPTION '% on % is refused: its scoring period is adopted', TG_OP, TG_TABLE_NAME
                        USING ERRCODE = 'TD001';
                END IF;
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END
            $$
        `);
    for (const table of ['score_sheets', 'score_entries', 'evidence_files']) {
      await queryRunner.query(`
                CREATE TRIGGER "trg_${table}_period_adopted" BEFORE INSERT OR UPDATE OR DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_when_period_adopted"()
            `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['score_sheets', 'score_entries', 'evidence_files']) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_period_adopted" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "thidua_refuse_when_period_adopted"()`);
    await queryRunner.query(`DROP TRIGGER "trg_scoring_periods_immutable" ON "scoring_periods"`);
    await queryRunner.query(`DROP TRIGGER "trg_score_changes_append_only" ON "score_changes"`);
    await queryRunner.query(`
            ALTER TABLE "score_changes" DROP CONSTRAINT "fk_score_changes_entry"
        `);
    await queryRunner.query(`
            ALTER TABLE "review_assignments" DROP CONSTRAINT "fk_review_assignments_reviewer"
        `);
    await queryRunner.query(`
            ALTER TABLE "review_assignments" DROP CONSTRAINT "fk_review_assignments_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "review_assignments" DROP CONSTRAINT "fk_review_assignments_period"
        `);
    await queryRunner.query(`
            ALTER TABLE "evidence_files" DROP CONSTRAINT "fk_evidence_files_entry"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_entries" DROP CONSTRAINT "fk_score_entries_sheet"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets" DROP CONSTRAINT "fk_score_sheets_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_sheets" DROP CONSTRAINT "fk_score_sheets_period"
        `);
    await queryRunner.query(`
            ALTER TABLE "scoring_periods" DROP CONSTRAINT "fk_scoring_periods_cycle"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_score_changes_entry"
        `);
    await queryRunner.query(`
            DROP TABLE "score_changes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_review_assignments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_review_assignments_reviewer"
        `);
    await queryRunner.query(`
            DROP TABLE "review_assignments"
        `);
    await queryRunner.query(`
            DROP TABLE "stored_blobs"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_evidence_files_entry"
        `);
    await queryRunner.query(`
            DROP TABLE "evidence_files"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_score_entries_sheet_item"
        `);
    await queryRunner.query(`
            DROP TABLE "score_entries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_score_sheets_period_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_score_sheets_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "score_sheets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_scoring_periods_cycle_name"
        `);
    await queryRunner.query(`
            DROP TABLE "scoring_periods"
        `);
  }
}
