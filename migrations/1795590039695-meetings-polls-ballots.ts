import { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingsPollsBallots1795590039695 implements MigrationInterface {
  name = 'MeetingsPollsBallots1795590039695';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "meetings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cluster_id" uuid NOT NULL,
                "cycle_id" uuid NOT NULL,
                "title" text NOT NULL,
                "held_on" date NOT NULL,
                "place" text NOT NULL,
                "agenda" jsonb NOT NULL DEFAULT '[]',
                "status" text NOT NULL DEFAULT 'scheduled',
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "row_version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_meetings_status" CHECK (
                    "status" IN ('scheduled', 'in_session', 'closed')
                ),
                CONSTRAINT "pk_meetings" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_meetings_cluster" ON "meetings" ("cluster_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_meetings_cycle" ON "meetings" ("cycle_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "polls" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "method" text NOT NULL DEFAULT 'electronic',
                "status" text NOT NULL DEFAULT 'draft',
                "round" smallint NOT NULL DEFAULT '1',
                "parent_poll_id" uuid,
                "rules_version_id" uuid NOT NULL,
                "voting_rules" jsonb NOT NULL,
                "award_category_code" text,
                "max_approvals" smallint,
                "motion_text" text,
                "approval_request_id" uuid,
                "member_count" integer,
                "present_count" integer,
                "roll_size" integer,
                "roll_weight" integer,
                "roll_digest" text,
                "opened_at" TIMESTAMP WITH TIME ZONE,
                "opened_by" uuid,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "closed_by" uuid,
                "ballots_cast" integer,
                "bulletin_digest" text,
                "tallied_at" TIMESTAMP WITH TIME ZONE,
                "result" jsonb,
                "counting_record_document_id" uuid,
                "certified_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "row_version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_polls_certified" CHECK (
                    ("status" = 'certified') = (
                        "certified_at" IS NOT NULL
                        AND "counting_record_document_id" IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_polls_tallied" CHECK (
                    "status" NOT IN ('tallied', 'certified')
                    OR "result" IS NOT NULL
                ),
                CONSTRAINT "ck_polls_closed" CHECK (
                    "status" IN ('draft', 'open')
                    OR "closed_at" IS NOT NULL
                ),
                CONSTRAINT "ck_polls_opened" CHECK (
                    "status" = 'draft'
                    OR (
                        "opened_at" IS NOT NULL
                        AND "roll_digest" IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_polls_round" CHECK (
                    "round" >= 1
                    AND ("round" = 1) = ("parent_poll_id" IS NULL)
                ),
                CONSTRAINT "ck_polls_motion_text" CHECK (
                    ("kind" = 'motion') = ("motion_text" IS NOT NULL)
                ),
                CONSTRAINT "ck_polls_award_category" CHECK (
                    ("kind" = 'award_proposal') = ("award_category_code" IS NOT NULL)
                ),
                CONSTRAINT "ck_polls_method" CHECK ("method" IN ('electronic', 'paper', 'mixed')),
                CONSTRAINT "ck_polls_status" CHECK (
                    "status" IN (
                        'draft',
                        'open',
                        'closed',
                        'tallied',
                        'certified'
                    )
                ),
                CONSTRAINT "ck_polls_kind" CHECK (
                    "kind" IN (
                        'leader_election',
                        'deputy_election',
                        'award_proposal',
                        'motion'
                    )
                ),
                CONSTRAINT "pk_polls" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_polls_meeting" ON "polls" ("meeting_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_polls_parent" ON "polls" ("parent_poll_id")
            WHERE "parent_poll_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "ballots" (
                "poll_id" uuid NOT NULL,
                "tracker" bytea NOT NULL,
                "choice" integer NOT NULL,
                CONSTRAINT "ck_ballots_choice" CHECK ("choice" >= -1),
                CONSTRAINT "ck_ballots_tracker" CHECK (octet_length("tracker") = 32),
                CONSTRAINT "pk_ballots" PRIMARY KEY ("poll_id", "tracker")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "poll_counting_board_members" (
                "poll_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "unit_id" uuid,
                "appointed_by" uuid NOT NULL,
                "appointed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_poll_counting_board_members" PRIMARY KEY ("poll_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "poll_paper_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "poll_id" uuid NOT NULL,
                "entered_by" uuid NOT NULL,
                "line" text NOT NULL,
                "count" integer NOT NULL,
                "supersedes_id" uuid,
                "reason" text,
                "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_poll_paper_entries_reason" CHECK (
                    "supersedes_id" IS NULL
                    OR length(btrim("reason")) > 0
                ),
                CONSTRAINT "ck_poll_paper_entries_count" CHECK ("count" >= 0),
                CONSTRAINT "ck_poll_paper_entries_line" CHECK (
                    "line" ~ '^(option:[0-9]{1,2}|blank|invalid|ballots_issued|ballots_received)$'
                ),
                CONSTRAINT "pk_poll_paper_entries" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_poll_paper_entries_supersedes" ON "poll_paper_entries" ("supersedes_id")
            WHERE "supersedes_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_poll_paper_entries_first" ON "poll_paper_entries" ("poll_id", "entered_by", "line")
            WHERE "supersedes_id" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "poll_candidates" (
                "poll_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "position" smallint,
                "refusal_code" text,
                "refusal_reason" text,
                "final_score" numeric(10, 2),
                "women_led" boolean NOT NULL DEFAULT false,
                CONSTRAINT "ck_poll_candidates_position" CHECK (
                    "position" IS NULL
                    OR "position" BETWEEN 0 AND 30
                ),
                CONSTRAINT "ck_poll_candidates_refusal" CHECK (
                    ("position" IS NULL) = ("refusal_code" IS NOT NULL)
                ),
                CONSTRAINT "pk_poll_candidates" PRIMARY KEY ("poll_id", "unit_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_poll_candidates_position" ON "poll_candidates" ("poll_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "poll_voters" (
                "poll_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "delegate_id" uuid NOT NULL,
                "weight" smallint NOT NULL DEFAULT '1',
                CONSTRAINT "ck_poll_voters_weight" CHECK (
                    "weight" BETWEEN 1 AND 100
                ),
                CONSTRAINT "pk_poll_voters" PRIMARY KEY ("poll_id", "unit_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_poll_voters_delegate" ON "poll_voters" ("poll_id", "delegate_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "poll_participations" (
                "poll_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "channel" text NOT NULL DEFAULT 'electronic',
                "key_hash" bytea,
                CONSTRAINT "ck_poll_participations_key_hash" CHECK (
                    ("channel" = 'electronic') = ("key_hash" IS NOT NULL)
                    AND (
                        "key_hash" IS NULL
                        OR octet_length("key_hash") = 32
                    )
                ),
                CONSTRAINT "ck_poll_participations_channel" CHECK ("channel" IN ('electronic', 'paper')),
                CONSTRAINT "pk_poll_participations" PRIMARY KEY ("poll_id", "unit_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_attendances" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "delegate_id" uuid NOT NULL,
                "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "checked_in_by" uuid NOT NULL,
                "checked_out_at" TIMESTAMP WITH TIME ZONE,
                "checked_out_by" uuid,
                "note" text,
                CONSTRAINT "ck_meeting_attendances_order" CHECK (
                    "checked_out_at" IS NULL
                    OR "checked_out_at" >= "checked_in_at"
                ),
                CONSTRAINT "ck_meeting_attendances_check_out" CHECK (
                    ("checked_out_at" IS NULL) = ("checked_out_by" IS NULL)
                ),
                CONSTRAINT "pk_meeting_attendances" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_meeting_attendances_unit" ON "meeting_attendances" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_meeting_attendances_delegate" ON "meeting_attendances" ("delegate_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_meeting_attendances_delegate_present" ON "meeting_attendances" ("meeting_id", "delegate_id")
            WHERE "checked_out_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_meeting_attendances_unit_present" ON "meeting_attendances" ("meeting_id", "unit_id")
            WHERE "checked_out_at" IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "fk_meetings_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "fk_meetings_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "polls"
            ADD CONSTRAINT "fk_polls_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "polls"
            ADD CONSTRAINT "fk_polls_parent" FOREIGN KEY ("parent_poll_id") REFERENCES "polls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "polls"
            ADD CONSTRAINT "fk_polls_rules_version" FOREIGN KEY ("rules_version_id") REFERENCES "rules_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "polls"
            ADD CONSTRAINT "fk_polls_approval_request" FOREIGN KEY ("approval_request_id") REFERENCES "approval_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "polls"
            ADD CONSTRAINT "fk_polls_counting_record" FOREIGN KEY ("counting_record_document_id") REFERENCES "signed_documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ballots"
            ADD CONSTRAINT "fk_ballots_poll" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_counting_board_members"
            ADD CONSTRAINT "fk_poll_counting_board_members_poll" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_counting_board_members"
            ADD CONSTRAINT "fk_poll_counting_board_members_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_counting_board_members"
            ADD CONSTRAINT "fk_poll_counting_board_members_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_paper_entries"
            ADD CONSTRAINT "fk_poll_paper_entries_poll" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_paper_entries"
            ADD CONSTRAINT "fk_poll_paper_entries_user" FOREIGN KEY ("entered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_paper_entries"
            ADD CONSTRAINT "fk_poll_paper_entries_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "poll_paper_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_candidates"
            ADD CONSTRAINT "fk_poll_candidates_poll" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_candidates"
            ADD CONSTRAINT "fk_poll_candidates_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters"
            ADD CONSTRAINT "fk_poll_voters_poll" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters"
            ADD CONSTRAINT "fk_poll_voters_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters"
            ADD CONSTRAINT "fk_poll_voters_delegate" FOREIGN KEY ("delegate_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_participations"
            ADD CONSTRAINT "fk_poll_participations_voter" FOREIGN KEY ("poll_id", "unit_id") REFERENCES "poll_voters"("poll_id", "unit_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendances"
            ADD CONSTRAINT "fk_meeting_attendances_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendances"
            ADD CONSTRAINT "fk_meeting_attendances_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendances"
            ADD CONSTRAINT "fk_meeting_attendances_delegate" FOREIGN KEY ("delegate_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // The roll and the candidates are frozen once the poll leaves draft (SQLSTATE TD001).
    for (const table of ['poll_voters', 'poll_candidates']) {
      await queryRunner.query(`
                CREATE TRIGGER "trg_${table}_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_unless_parent_draft"('polls', 'poll_id')
            `);
    }
    // Who voted and the paper counts are append-only; the attendance register is never deleted from.
    for (const table of ['poll_participations', 'poll_paper_entries']) {
      await queryRunner.query(`
                CREATE TRIGGER "trg_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_change"()
            `);
    }
    await queryRunner.query(`
            CREATE TRIGGER "trg_meeting_attendances_no_delete" BEFORE DELETE ON "meeting_attendances"
            FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_change"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_polls_certified" BEFORE UPDATE OR DELETE ON "polls"
            FOR EACH ROW WHEN (OLD."status" = 'certified') EXECUTE FUNCTION "thidua_refuse_change_when"()
        `);
    // A ballot is never changed. The one exception is the reseal at close, which rewrites a
    // closed poll's ballots in tracker order inside the closing transaction (docs/elections.md):
    // it names the poll in the transaction-local setting thidua.reseal_poll.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_ballots_sealed"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE'
                   AND current_setting('thidua.reseal_poll', true) = OLD.poll_id::text
                   AND EXISTS (SELECT 1 FROM "polls" WHERE "id" = OLD.poll_id AND "status" = 'closed') THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION '% on ballots is refused: a ballot is never changed', TG_OP
                    USING ERRCODE = 'TD001';
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_ballots_sealed" BEFORE UPDATE OR DELETE ON "ballots"
            FOR EACH ROW EXECUTE FUNCTION "thidua_ballots_sealed"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_ballots_sealed" ON "ballots"`);
    await queryRunner.query(`DROP FUNCTION "thidua_ballots_sealed"()`);
    await queryRunner.query(`DROP TRIGGER "trg_polls_certified" ON "polls"`);
    await queryRunner.query(`DROP TRIGGER "trg_meeting_attendances_no_delete" ON "meeting_attendances"`);
    for (const table of ['poll_participations', 'poll_paper_entries']) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_append_only" ON "${table}"`);
    }
    for (const table of ['poll_voters', 'poll_candidates']) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_frozen" ON "${table}"`);
    }
    await queryRunner.query(`
            ALTER TABLE "meeting_attendances" DROP CONSTRAINT "fk_meeting_attendances_delegate"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendances" DROP CONSTRAINT "fk_meeting_attendances_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendances" DROP CONSTRAINT "fk_meeting_attendances_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_participations" DROP CONSTRAINT "fk_poll_participations_voter"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters" DROP CONSTRAINT "fk_poll_voters_delegate"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters" DROP CONSTRAINT "fk_poll_voters_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_voters" DROP CONSTRAINT "fk_poll_voters_poll"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_candidates" DROP CONSTRAINT "fk_poll_candidates_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_candidates" DROP CONSTRAINT "fk_poll_candidates_poll"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_paper_entries" DROP CONSTRAINT "fk_poll_paper_entries_supersedes"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_paper_entries" DROP CONSTRAINT "fk_poll_paper_entries_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_paper_entries" DROP CONSTRAINT "fk_poll_paper_entries_poll"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_counting_board_members" DROP CONSTRAINT "fk_poll_counting_board_members_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_counting_board_members" DROP CONSTRAINT "fk_poll_counting_board_members_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "poll_counting_board_members" DROP CONSTRAINT "fk_poll_counting_board_members_poll"
        `);
    await queryRunner.query(`
            ALTER TABLE "ballots" DROP CONSTRAINT "fk_ballots_poll"
        `);
    await queryRunner.query(`
            ALTER TABLE "polls" DROP CONSTRAINT "fk_polls_counting_record"
        `);
    await queryRunner.query(`
            ALTER TABLE "polls" DROP CONSTRAINT "fk_polls_approval_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "polls" DROP CONSTRAINT "fk_polls_rules_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "polls" DROP CONSTRAINT "fk_polls_parent"
        `);
    await queryRunner.query(`
            ALTER TABLE "polls" DROP CONSTRAINT "fk_polls_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_cycle"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_cluster"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_meeting_attendances_unit_present"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_meeting_attendances_delegate_present"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_attendances_delegate"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_attendances_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_attendances"
        `);
    await queryRunner.query(`
            DROP TABLE "poll_participations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_poll_voters_delegate"
        `);
    await queryRunner.query(`
            DROP TABLE "poll_voters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_poll_candidates_position"
        `);
    await queryRunner.query(`
            DROP TABLE "poll_candidates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_poll_paper_entries_first"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_poll_paper_entries_supersedes"
        `);
    await queryRunner.query(`
            DROP TABLE "poll_paper_entries"
        `);
    await queryRunner.query(`
            DROP TABLE "poll_counting_board_members"
        `);
    await queryRunner.query(`
            DROP TABLE "ballots"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_polls_parent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_polls_meeting"
        `);
    await queryRunner.query(`
            DROP TABLE "polls"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_meetings_cycle"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_meetings_cluster"
        `);
    await queryRunner.query(`
            DROP TABLE "meetings"
        `);
  }
}
