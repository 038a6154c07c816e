import { MigrationInterface, QueryRunner } from 'typeorm';

export class Flags1795590091026 implements MigrationInterface {
  name = 'Flags1795590091026';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "flags" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cluster_id" uuid NOT NULL,
                "name" text NOT NULL,
                "description" text,
                "photo_sha256" text,
                "photo_content_type" text,
                "registered_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_flags_photo" CHECK (
                    ("photo_sha256" IS NULL) = ("photo_content_type" IS NULL)
                ),
                CONSTRAINT "pk_flags" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_flags_cluster" ON "flags" ("cluster_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "flag_handovers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "flag_id" uuid NOT NULL,
                "cycle_id" uuid NOT NULL,
                "from_unit_id" uuid NOT NULL,
                "to_unit_id" uuid NOT NULL,
                "leadership_id" uuid NOT NULL,
                "election_poll_id" uuid NOT NULL,
                "term_year" integer NOT NULL,
                "handover_date" date NOT NULL,
                "place" text NOT NULL,
                "witnesses" jsonb NOT NULL DEFAULT '[]',
                "status" text NOT NULL DEFAULT 'opened',
                "opened_by" uuid NOT NULL,
                "signed_document_id" uuid,
                "release_signature_id" uuid,
                "released_at" TIMESTAMP WITH TIME ZONE,
                "receipt_signature_id" uuid,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "cancel_reason" text,
                "cancelled_by" uuid,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "row_version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_flag_handovers_cancelled" CHECK (
                    ("status" = 'cancelled') = (
                        "cancel_reason" IS NOT NULL
                        AND "cancelled_at" IS NOT NULL
                        AND "cancelled_by" IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_flag_handovers_completed" CHECK (
                    ("status" = 'completed') = (
                        "receipt_signature_id" IS NOT NULL
                        AND "completed_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_flag_handovers_released" CHECK (
                    "status" NOT IN ('released', 'completed')
                    OR (
                        "release_signature_id" IS NOT NULL
                        AND "signed_document_id" IS NOT NULL
                        AND "released_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_flag_handovers_units" CHECK ("from_unit_id" <> "to_unit_id"),
                CONSTRAINT "ck_flag_handovers_status" CHECK (
                    "status" IN ('opened', 'released', 'completed', 'cancelled')
                ),
                CONSTRAINT "pk_flag_handovers" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_flag_handovers_flag" ON "flag_handovers" ("flag_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_flag_handovers_cycle" ON "flag_handovers" ("cycle_id")
            WHERE "status" <> 'cancelled'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_flag_handovers_open" ON "flag_handovers" ("flag_id")
            WHERE "status" IN ('opened', 'released')
        `);
    await queryRunner.query(`
            CREATE TABLE "flag_custody_periods" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "flag_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "state" text NOT NULL,
                "custodian_unit_id" uuid,
                "cause" text NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "handover_id" uuid,
                "leadership_id" uuid,
                "election_poll_id" uuid,
                "signed_document_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_flag_custody_periods_position" CHECK ("position" >= 1),
                CONSTRAINT "ck_flag_custody_periods_range" CHECK (
                    "ended_at" IS NULL
                    OR "ended_at" >= "started_at"
                ),
                CONSTRAINT "ck_flag_custody_periods_transit" CHECK (
                    "state" = 'held'
                    OR "handover_id" IS NOT NULL
                ),
                CONSTRAINT "ck_flag_custody_periods_custodian" CHECK (
                    ("state" = 'held') = ("custodian_unit_id" IS NOT NULL)
                ),
                CONSTRAINT "ck_flag_custody_periods_cause" CHECK (
                    "cause" IN (
                        'registered',
                        'released',
                        'received',
                        'handover_cancelled'
                    )
                ),
                CONSTRAINT "ck_flag_custody_periods_state" CHECK ("state" IN ('held', 'in_transit')),
                CONSTRAINT "pk_flag_custody_periods" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_flag_custody_periods_custodian" ON "flag_custody_periods" ("custodian_unit_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_flag_custody_periods_handover" ON "flag_custody_periods" ("handover_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_flag_custody_periods_position" ON "flag_custody_periods" ("flag_id", "position")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_flag_custody_periods_open" ON "flag_custody_periods" ("flag_id")
            WHERE "ended_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "flag_incidents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "flag_id" uuid NOT NULL,
                "custody_period_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "description" text NOT NULL,
                "occurred_on" date,
                "reporting_unit_id" uuid NOT NULL,
                "reported_by" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "resolution" text,
                "resolved_by" uuid,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_flag_incidents_resolution" CHECK (
                    ("status" = 'resolved') = (
                        "resolution" IS NOT NULL
                        AND "resolved_by" IS NOT NULL
                        AND "resolved_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_flag_incidents_status" CHECK ("status" IN ('open', 'resolved')),
                CONSTRAINT "ck_flag_incidents_kind" CHECK ("kind" IN ('lost', 'damaged', 'replaced')),
                CONSTRAINT "pk_flag_incidents" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_flag_incidents_flag" ON "flag_incidents" ("flag_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_flag_incidents_period" ON "flag_incidents" ("custody_period_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "flags"
            ADD CONSTRAINT "fk_flags_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers"
            ADD CONSTRAINT "fk_flag_handovers_flag" FOREIGN KEY ("flag_id") REFERENCES "flags"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers"
            ADD CONSTRAINT "fk_flag_handovers_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers"
            ADD CONSTRAINT "fk_flag_handovers_from_unit" FOREIGN KEY ("from_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers"
            ADD CONSTRAINT "fk_flag_handovers_to_unit" FOREIGN KEY ("to_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers"
            ADD CONSTRAINT "fk_flag_handovers_leadership" FOREIGN KEY ("leadership_id") REFERENCES "cluster_leaderships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers"
            ADD CONSTRAINT "fk_flag_handovers_document" FOREIGN KEY ("signed_document_id") REFERENCES "signed_documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers"
            ADD CONSTRAINT "fk_flag_handovers_release_signature" FOREIGN KEY ("release_signature_id") REFERENCES "document_signatures"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers"
            ADD CONSTRAINT "fk_flag_handovers_receipt_signature" FOREIGN KEY ("receipt_signature_id") REFERENCES "document_signatures"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods"
            ADD CONSTRAINT "fk_flag_custody_periods_flag" FOREIGN KEY ("flag_id") REFERENCES "flags"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods"
            ADD CONSTRAINT "fk_flag_custody_periods_custodian" FOREIGN KEY ("custodian_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods"
            ADD CONSTRAINT "fk_flag_custody_periods_handover" FOREIGN KEY ("handover_id") REFERENCES "flag_handovers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods"
            ADD CONSTRAINT "fk_flag_custody_periods_leadership" FOREIGN KEY ("leadership_id") REFERENCES "cluster_leaderships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods"
            ADD CONSTRAINT "fk_flag_custody_periods_document" FOREIGN KEY ("signed_document_id") REFERENCES "signed_documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_incidents"
            ADD CONSTRAINT "fk_flag_incidents_flag" FOREIGN KEY ("flag_id") REFERENCES "flags"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_incidents"
            ADD CONSTRAINT "fk_flag_incidents_period" FOREIGN KEY ("custody_period_id") REFERENCES "flag_custody_periods"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_incidents"
            ADD CONSTRAINT "fk_flag_incidents_unit" FOREIGN KEY ("reporting_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // The chain of custody is kept whole by the database, not only by the service (decision 012).
    // A closed period is history: read-only. An open one may only be closed (ended_at set), once.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_flag_custody_period_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' OR OLD.ended_at IS NOT NULL
                   OR (to_jsonb(NEW) - 'ended_at') <> (to_jsonb(OLD) - 'ended_at') THEN
                    RAISE EXCEPTION '% of custody period % is refused: a period is only ever closed, once', TG_OP, OLD.id
                        USING ERRCODE = 'TD001';
                END IF;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_flag_custody_periods_guard" BEFORE UPDATE OR DELETE ON "flag_custody_periods"
            FOR EACH ROW EXECUTE FUNCTION "thidua_flag_custody_period_guard"()
        `);
    // No two periods of a flag overlap (half-open ranges; an exclusion constraint would need
    // btree_gist, which the embedded PGlite lacks). The flag row is locked so that two
    // transactions cannot both pass the check.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_flag_custody_no_overlap"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM 1 FROM "flags" WHERE "id" = NEW.flag_id FOR UPDATE;
                IF EXISTS (
                    SELECT 1 FROM "flag_custody_periods" p
                     WHERE p.flag_id = NEW.flag_id AND p.id <> NEW.id
                       AND tstzrange(p.started_at, coalesce(p.ended_at, 'infinity'), '[)')
                           && tstzrange(NEW.started_at, coalesce(NEW.ended_at, 'infinity'), '[)')
                ) THEN
                    RAISE EXCEPTION 'custody period % of flag % overlaps another period of the flag', NEW.id, NEW.flag_id
                        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'ex_flag_custody_periods_overlap';
                END IF;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_flag_custody_periods_no_overlap" BEFORE INSERT OR UPDATE ON "flag_custody_periods"
            FOR EACH ROW EXECUTE FUNCTION "thidua_flag_custody_no_overlap"()
        `);
    // At commit, every flag touched has exactly one open period: one holder, or in transit —
    // never two, never none (the unique index alone allows none).
    await queryRunner.query(`
            CREATE FUNCTION "thidua_flag_custody_one_open"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                target uuid;
                open_periods integer;
            BEGIN
                IF TG_TABLE_NAME = 'flags' THEN target := NEW.id; ELSE target := NEW.flag_id; END IF;
                SELECT count(*) INTO open_periods FROM "flag_custody_periods"
                 WHERE "flag_id" = target AND "ended_at" IS NULL;
                IF open_periods <> 1 THEN
                    RAISE EXCEPTION 'flag % has % open custody periods; it must have exactly one', target, open_periods
                        USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_flag_custody_one_open_period';
                END IF;
                RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER "trg_flag_custody_periods_one_open" AFTER INSERT OR UPDATE ON "flag_custody_periods"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "thidua_flag_custody_one_open"()
        `);
    await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER "trg_flags_one_open_period" AFTER INSERT ON "flags"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "thidua_flag_custody_one_open"()
        `);
    // Flags, handovers and incidents are never deleted; finished handovers and resolved incidents
    // are read-only (SQLSTATE TD001 → 409 immutable_record).
    for (const table of ['flags', 'flag_handovers', 'flag_incidents']) {
      await queryRunner.query(`
                CREATE TRIGGER "trg_${table}_no_delete" BEFORE DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_change"()
            `);
    }
    await queryRunner.query(`
            CREATE TRIGGER "trg_flag_handovers_final" BEFORE UPDATE ON "flag_handovers"
            FOR EACH ROW WHEN (OLD."status" IN ('completed', 'cancelled')) EXECUTE FUNCTION "thidua_refuse_change_when"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_flag_incidents_resolved" BEFORE UPDATE ON "flag_incidents"
            FOR EACH ROW WHEN (OLD."status" = 'resolved') EXECUTE FUNCTION "thidua_refuse_change_when"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_flag_incidents_resolved" ON "flag_incidents"`);
    await queryRunner.query(`DROP TRIGGER "trg_flag_handovers_final" ON "flag_handovers"`);
    for (const table of ['flags', 'flag_handovers', 'flag_incidents']) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_no_delete" ON "${table}"`);
    }
    await queryRunner.query(`DROP TRIGGER "trg_flags_one_open_period" ON "flags"`);
    await queryRunner.query(`DROP TRIGGER "trg_flag_custody_periods_one_open" ON "flag_custody_periods"`);
    await queryRunner.query(`DROP FUNCTION "thidua_flag_custody_one_open"()`);
    await queryRunner.query(`DROP TRIGGER "trg_flag_custody_periods_no_overlap" ON "flag_custody_periods"`);
    await queryRunner.query(`DROP FUNCTION "thidua_flag_custody_no_overlap"()`);
    await queryRunner.query(`DROP TRIGGER "trg_flag_custody_periods_guard" ON "flag_custody_periods"`);
    await queryRunner.query(`DROP FUNCTION "thidua_flag_custody_period_guard"()`);
    await queryRunner.query(`
            ALTER TABLE "flag_incidents" DROP CONSTRAINT "fk_flag_incidents_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_incidents" DROP CONSTRAINT "fk_flag_incidents_period"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_incidents" DROP CONSTRAINT "fk_flag_incidents_flag"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods" DROP CONSTRAINT "fk_flag_custody_periods_document"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods" DROP CONSTRAINT "fk_flag_custody_periods_leadership"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods" DROP CONSTRAINT "fk_flag_custody_periods_handover"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods" DROP CONSTRAINT "fk_flag_custody_periods_custodian"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_custody_periods" DROP CONSTRAINT "fk_flag_custody_periods_flag"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers" DROP CONSTRAINT "fk_flag_handovers_receipt_signature"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers" DROP CONSTRAINT "fk_flag_handovers_release_signature"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers" DROP CONSTRAINT "fk_flag_handovers_document"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers" DROP CONSTRAINT "fk_flag_handovers_leadership"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers" DROP CONSTRAINT "fk_flag_handovers_to_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers" DROP CONSTRAINT "fk_flag_handovers_from_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers" DROP CONSTRAINT "fk_flag_handovers_cycle"
        `);
    await queryRunner.query(`
            ALTER TABLE "flag_handovers" DROP CONSTRAINT "fk_flag_handovers_flag"
        `);
    await queryRunner.query(`
            ALTER TABLE "flags" DROP CONSTRAINT "fk_flags_cluster"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_flag_incidents_period"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_flag_incidents_flag"
        `);
    await queryRunner.query(`
            DROP TABLE "flag_incidents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_flag_custody_periods_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_flag_custody_periods_position"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_flag_custody_periods_handover"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_flag_custody_periods_custodian"
        `);
    await queryRunner.query(`
            DROP TABLE "flag_custody_periods"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_flag_handovers_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_flag_handovers_cycle"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_flag_handovers_flag"
        `);
    await queryRunner.query(`
            DROP TABLE "flag_handovers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_flags_cluster"
        `);
    await queryRunner.query(`
            DROP TABLE "flags"
        `);
  }
}
