import { MigrationInterface, QueryRunner } from 'typeorm';

/** The yearly cycle, the approval workflow engine, versioned reward rules and results reports. */
export class CycleApprovalsRulesReports1795582612183 implements MigrationInterface {
  name = 'CycleApprovalsRulesReports1795582612183';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "approval_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "workflow_key" text NOT NULL,
                "subject_type" text NOT NULL,
                "subject_id" uuid NOT NULL,
                "cluster_id" uuid NOT NULL,
                "unit_id" uuid,
                "state" text NOT NULL,
                "drafted_by" uuid NOT NULL,
                "round" integer NOT NULL DEFAULT '1',
                "approvals_required" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "pk_approval_requests" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_approval_requests_workflow_state" ON "approval_requests" ("workflow_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_approval_requests_cluster" ON "approval_requests" ("cluster_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_approval_requests_unit" ON "approval_requests" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_approval_requests_subject" ON "approval_requests" ("subject_type", "subject_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "approval_acts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "request_id" uuid NOT NULL,
                "round" integer NOT NULL,
                "transition" text NOT NULL,
                "from_state" text NOT NULL,
                "to_state" text,
                "actor_id" uuid NOT NULL,
                "mandate_id" uuid,
                "delegation_id" uuid,
                "counted_for" text NOT NULL,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_approval_acts" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_approval_acts_request" ON "approval_acts" ("request_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_approval_acts_actor" ON "approval_acts" ("actor_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_approval_acts_counted_once" ON "approval_acts" (
                "request_id",
                "round",
                "transition",
                "counted_for"
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "approval_delegations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "unit_id" uuid NOT NULL,
                "delegator_id" uuid NOT NULL,
                "delegate_id" uuid NOT NULL,
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "valid_to" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason" text,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_approval_delegations_distinct" CHECK ("delegator_id" <> "delegate_id"),
                CONSTRAINT "ck_approval_delegations_period" CHECK ("valid_to" > "valid_from"),
                CONSTRAINT "pk_approval_delegations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_approval_delegations_unit" ON "approval_delegations" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_approval_delegations_delegate" ON "approval_delegations" ("delegate_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "rules_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cluster_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "title" text NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "replaces_id" uuid,
                "content" jsonb NOT NULL,
                "content_digest" text NOT NULL,
                "created_by" uuid NOT NULL,
                "adopted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_rules_versions_status" CHECK ("status" IN ('draft', 'proposed', 'adopted')),
                CONSTRAINT "pk_rules_versions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_rules_versions_cluster_number" ON "rules_versions" ("cluster_id", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "cycles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cluster_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "phase" text NOT NULL DEFAULT 'setup',
                "deadlines" jsonb NOT NULL DEFAULT '{}',
                "rules_version_id" uuid,
                "opened_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_cycles_year" CHECK (
                    "year" BETWEEN 2000 AND 2200
                ),
                CONSTRAINT "ck_cycles_phase" CHECK (
                    "phase" IN (
                        'setup',
                        'rules_adoption',
                        'pledge_signing',
                        'in_progress',
                        'evaluation',
                        'voting',
                        'handover',
                        'closed'
                    )
                ),
                CONSTRAINT "pk_cycles" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cycles_rules_version" ON "cycles" ("rules_version_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_cycles_cluster_year" ON "cycles" ("cluster_id", "year")
        `);
    await queryRunner.query(`
            CREATE TABLE "cycle_transitions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "from_phase" text,
                "to_phase" text NOT NULL,
                "reason" text,
                "actor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_cycle_transitions_kind" CHECK (
                    "kind" IN (
                        'opened',
                        'advanced',
                        'reopened',
                        'deadline_changed'
                    )
                ),
                CONSTRAINT "pk_cycle_transitions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cycle_transitions_cycle" ON "cycle_transitions" ("cycle_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "results_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "cooperatives" integer NOT NULL,
                "charter_capital_vnd" numeric(20, 0) NOT NULL,
                "members_and_workers" integer NOT NULL,
                "cooperative_groups" integer NOT NULL,
                "group_members" integer NOT NULL,
                "new_cooperatives" integer NOT NULL,
                "new_member_cooperatives" integer NOT NULL,
                "notes" jsonb NOT NULL DEFAULT '{}',
                "supersedes_id" uuid,
                "drafted_by" uuid NOT NULL,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_results_reports_non_negative" CHECK (
                    "cooperatives" >= 0
                    AND "charter_capital_vnd" >= 0
                    AND "members_and_workers" >= 0
                    AND "cooperative_groups" >= 0
                    AND "group_members" >= 0
                    AND "new_cooperatives" >= 0
                    AND "new_member_cooperatives" >= 0
                ),
                CONSTRAINT "ck_results_reports_status" CHECK ("status" IN ('draft', 'submitted', 'approved')),
                CONSTRAINT "pk_results_reports" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_results_reports_unit" ON "results_reports" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_results_reports_open" ON "results_reports" ("cycle_id", "unit_id")
            WHERE "status" <> 'approved'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_results_reports_version" ON "results_reports" ("cycle_id", "unit_id", "number")
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "fk_approval_requests_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "fk_approval_requests_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_acts"
            ADD CONSTRAINT "fk_approval_acts_request" FOREIGN KEY ("request_id") REFERENCES "approval_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_delegations"
            ADD CONSTRAINT "fk_approval_delegations_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_delegations"
            ADD CONSTRAINT "fk_approval_delegations_delegator" FOREIGN KEY ("delegator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_delegations"
            ADD CONSTRAINT "fk_approval_delegations_delegate" FOREIGN KEY ("delegate_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "rules_versions"
            ADD CONSTRAINT "fk_rules_versions_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "rules_versions"
            ADD CONSTRAINT "fk_rules_versions_replaces" FOREIGN KEY ("replaces_id") REFERENCES "rules_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cycles"
            ADD CONSTRAINT "fk_cycles_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cycles"
            ADD CONSTRAINT "fk_cycles_rules_version" FOREIGN KEY ("rules_version_id") REFERENCES "rules_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cycle_transitions"
            ADD CONSTRAINT "fk_cycle_transitions_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "results_reports"
            ADD CONSTRAINT "fk_results_reports_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "results_reports"
            ADD CONSTRAINT "fk_results_reports_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Adopted rules and approved reports are read-only: the database refuses UPDATE and DELETE
    // of such rows (SQLSTATE TD001 → 409 immutable_record). Corrections are new versions.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_refuse_change_when"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% of % % is refused: the record is %', TG_OP, TG_TABLE_NAME, OLD.id, OLD.status
                    USING ERRCODE = 'TD001';
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_rules_versions_immutable" BEFORE UPDATE OR DELETE ON "rules_versions"
            FOR EACH ROW WHEN (OLD."status" = 'adopted') EXECUTE FUNCTION "thidua_refuse_change_when"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_results_reports_immutable" BEFORE UPDATE OR DELETE ON "results_reports"
            FOR EACH ROW WHEN (OLD."status" = 'approved') EXECUTE FUNCTION "thidua_refuse_change_when"()
        `);
    // Acts are the history of every approval: append-only like the ledger.
    await queryRunner.query(`
            CREATE TRIGGER "trg_approval_acts_append_only" BEFORE UPDATE OR DELETE ON "approval_acts"
            FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_change"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_approval_acts_append_only" ON "approval_acts"`);
    await queryRunner.query(`DROP TRIGGER "trg_results_reports_immutable" ON "results_reports"`);
    await queryRunner.query(`DROP TRIGGER "trg_rules_versions_immutable" ON "rules_versions"`);
    await queryRunner.query(`DROP FUNCTION "thidua_refuse_change_when"()`);
    await queryRunner.query(`
            ALTER TABLE "results_reports" DROP CONSTRAINT "fk_results_reports_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "results_reports" DROP CONSTRAINT "fk_results_reports_cycle"
        `);
    await queryRunner.query(`
            ALTER TABLE "cycle_transitions" DROP CONSTRAINT "fk_cycle_transitions_cycle"
        `);
    await queryRunner.query(`
            ALTER TABLE "cycles" DROP CONSTRAINT "fk_cycles_rules_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "cycles" DROP CONSTRAINT "fk_cycles_cluster"
        `);
    await queryRunner.query(`
            ALTER TABLE "rules_versions" DROP CONSTRAINT "fk_rules_versions_replaces"
        `);
    await queryRunner.query(`
            ALTER TABLE "rules_versions" DROP CONSTRAINT "fk_rules_versions_cluster"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_delegations" DROP CONSTRAINT "fk_approval_delegations_delegate"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_delegations" DROP CONSTRAINT "fk_approval_delegations_delegator"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_delegations" DROP CONSTRAINT "fk_approval_delegations_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_acts" DROP CONSTRAINT "fk_approval_acts_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "fk_approval_requests_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "fk_approval_requests_cluster"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_results_reports_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_results_reports_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_results_reports_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "results_reports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cycle_transitions_cycle"
        `);
    await queryRunner.query(`
            DROP TABLE "cycle_transitions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_cycles_cluster_year"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cycles_rules_version"
        `);
    await queryRunner.query(`
            DROP TABLE "cycles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_rules_versions_cluster_number"
        `);
    await queryRunner.query(`
            DROP TABLE "rules_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approval_delegations_delegate"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approval_delegations_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_delegations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_approval_acts_counted_once"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approval_acts_actor"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approval_acts_request"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_acts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_approval_requests_subject"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approval_requests_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approval_requests_cluster"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approval_requests_workflow_state"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_requests"
        `);
  }
}
