import { MigrationInterface, QueryRunner } from 'typeorm';

export class PledgesSignaturesLeadership1795589431002 implements MigrationInterface {
  name = 'PledgesSignaturesLeadership1795589431002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "pledges" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "cluster_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "shared_text" text NOT NULL,
                "rules_version_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "amendment_reason" text,
                "created_by" uuid NOT NULL,
                "seal_document_id" uuid,
                "sealed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "row_version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_pledges_seal" CHECK (
                    ("status" = 'sealed') = ("seal_document_id" IS NOT NULL)
                ),
                CONSTRAINT "ck_pledges_status" CHECK ("status" IN ('open', 'sealed')),
                CONSTRAINT "pk_pledges" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_pledges_cluster" ON "pledges" ("cluster_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pledges_cycle_version" ON "pledges" ("cycle_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "unit_pledges" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "pledge_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "drafted_by" uuid NOT NULL,
                "signed_document_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "row_version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_unit_pledges_signed" CHECK (
                    ("status" = 'signed') = ("signed_document_id" IS NOT NULL)
                ),
                CONSTRAINT "ck_unit_pledges_status" CHECK (
                    "status" IN ('draft', 'submitted', 'approved', 'signed')
                ),
                CONSTRAINT "pk_unit_pledges" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_unit_pledges_unit" ON "unit_pledges" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_unit_pledges_pledge_unit" ON "unit_pledges" ("pledge_id", "unit_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "pledge_progress_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "unit_pledge_id" uuid NOT NULL,
                "period" text NOT NULL,
                "number" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "drafted_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "row_version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_pledge_progress_reports_status" CHECK ("status" IN ('draft', 'submitted', 'approved')),
                CONSTRAINT "ck_pledge_progress_reports_period" CHECK ("period" IN ('mid_year', 'year_end')),
                CONSTRAINT "pk_pledge_progress_reports" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_pledge_progress_reports_unit_pledge" ON "pledge_progress_reports" ("unit_pledge_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pledge_progress_reports_open" ON "pledge_progress_reports" ("unit_pledge_id", "period")
            WHERE "status" <> 'approved'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pledge_progress_reports_version" ON "pledge_progress_reports" ("unit_pledge_id", "period", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "pledge_targets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "unit_pledge_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "indicator" text NOT NULL,
                "unit_of_measure" text NOT NULL,
                "target_value" numeric(20, 2) NOT NULL,
                "baseline" numeric(20, 2),
                CONSTRAINT "ck_pledge_targets_position" CHECK ("position" >= 1),
                CONSTRAINT "pk_pledge_targets" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pledge_targets_position" ON "pledge_targets" ("unit_pledge_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "pledge_progress_values" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report_id" uuid NOT NULL,
                "target_id" uuid NOT NULL,
                "actual_value" numeric(20, 2) NOT NULL,
                "note" text,
                CONSTRAINT "pk_pledge_progress_values" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_pledge_progress_values_target" ON "pledge_progress_values" ("target_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pledge_progress_values_target" ON "pledge_progress_values" ("report_id", "target_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "cluster_leaderships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cluster_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "role" text NOT NULL,
                "term_year" integer NOT NULL,
                "basis" text NOT NULL,
                "poll_id" uuid,
                "note" text,
                "recorded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_cluster_leaderships_term" CHECK (
                    "term_year" BETWEEN 2000 AND 2200
                ),
                CONSTRAINT "ck_cluster_leaderships_election" CHECK (("basis" = 'election') = ("poll_id" IS NOT NULL)),
                CONSTRAINT "ck_cluster_leaderships_basis" CHECK ("basis" IN ('recorded', 'election')),
                CONSTRAINT "ck_cluster_leaderships_role" CHECK ("role" IN ('leader', 'deputy')),
                CONSTRAINT "pk_cluster_leaderships" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cluster_leaderships_unit" ON "cluster_leaderships" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_cluster_leaderships_term_role" ON "cluster_leaderships" ("cluster_id", "term_year", "role")
        `);
    await queryRunner.query(`
            CREATE TABLE "signed_documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "subject_id" uuid NOT NULL,
                "canonical" text NOT NULL,
                "digest" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_signed_documents" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_signed_documents_subject_digest" ON "signed_documents" ("kind", "subject_id", "digest")
        `);
    await queryRunner.query(`
            CREATE TABLE "signing_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "algorithm" text NOT NULL,
                "public_key_pem" text NOT NULL,
                "fingerprint" text NOT NULL,
                "label" text,
                "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revocation_reason" text,
                CONSTRAINT "ck_signing_keys_revocation" CHECK (
                    ("revoked_at" IS NULL) = ("revocation_reason" IS NULL)
                ),
                CONSTRAINT "ck_signing_keys_algorithm" CHECK ("algorithm" IN ('ed25519', 'ecdsa-p256')),
                CONSTRAINT "pk_signing_keys" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_signing_keys_user" ON "signing_keys" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_signing_keys_fingerprint" ON "signing_keys" ("fingerprint")
        `);
    await queryRunner.query(`
            CREATE TABLE "document_signatures" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "signer_id" uuid NOT NULL,
                "signing_key_id" uuid NOT NULL,
                "capacity" text NOT NULL,
                "unit_id" uuid,
                "mandate_id" uuid,
                "delegation_id" uuid,
                "signature" text NOT NULL,
                "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ledger_seq" bigint NOT NULL,
                CONSTRAINT "pk_document_signatures" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_document_signatures_document" ON "document_signatures" ("document_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_document_signatures_key" ON "document_signatures" ("signing_key_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_document_signatures_signer" ON "document_signatures" ("document_id", "signer_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "signing_key_challenges" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "challenge" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_signing_key_challenges" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_signing_key_challenges_user" ON "signing_key_challenges" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "pledges"
            ADD CONSTRAINT "fk_pledges_cycle" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pledges"
            ADD CONSTRAINT "fk_pledges_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pledges"
            ADD CONSTRAINT "fk_pledges_rules_version" FOREIGN KEY ("rules_version_id") REFERENCES "rules_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "unit_pledges"
            ADD CONSTRAINT "fk_unit_pledges_pledge" FOREIGN KEY ("pledge_id") REFERENCES "pledges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "unit_pledges"
            ADD CONSTRAINT "fk_unit_pledges_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pledge_progress_reports"
            ADD CONSTRAINT "fk_pledge_progress_reports_unit_pledge" FOREIGN KEY ("unit_pledge_id") REFERENCES "unit_pledges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pledge_targets"
            ADD CONSTRAINT "fk_pledge_targets_unit_pledge" FOREIGN KEY ("unit_pledge_id") REFERENCES "unit_pledges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pledge_progress_values"
            ADD CONSTRAINT "fk_pledge_progress_values_report" FOREIGN KEY ("report_id") REFERENCES "pledge_progress_reports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pledge_progress_values"
            ADD CONSTRAINT "fk_pledge_progress_values_target" FOREIGN KEY ("target_id") REFERENCES "pledge_targets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cluster_leaderships"
            ADD CONSTRAINT "fk_cluster_leaderships_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cluster_leaderships"
            ADD CONSTRAINT "fk_cluster_leaderships_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "signing_keys"
            ADD CONSTRAINT "fk_signing_keys_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_signatures"
            ADD CONSTRAINT "fk_document_signatures_document" FOREIGN KEY ("document_id") REFERENCES "signed_documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_signatures"
            ADD CONSTRAINT "fk_document_signatures_signer" FOREIGN KEY ("signer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_signatures"
            ADD CONSTRAINT "fk_document_signatures_key" FOREIGN KEY ("signing_key_id") REFERENCES "signing_keys"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "signing_key_challenges"
            ADD CONSTRAINT "fk_signing_key_challenges_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Signed records are append-only; sealed or signed ones read-only (SQLSTATE TD001 → 409 immutable_record).
    for (const table of ['signed_documents', 'document_signatures', 'cluster_leaderships']) {
      await queryRunner.query(`
                CREATE TRIGGER "trg_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_change"()
            `);
    }
    await queryRunner.query(`
            CREATE TRIGGER "trg_pledges_sealed" BEFORE UPDATE OR DELETE ON "pledges"
            FOR EACH ROW WHEN (OLD."status" = 'sealed') EXECUTE FUNCTION "thidua_refuse_change_when"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_unit_pledges_signed" BEFORE UPDATE OR DELETE ON "unit_pledges"
            FOR EACH ROW WHEN (OLD."status" = 'signed') EXECUTE FUNCTION "thidua_refuse_change_when"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_pledge_progress_reports_immutable" BEFORE UPDATE OR DELETE ON "pledge_progress_reports"
            FOR EACH ROW WHEN (OLD."status" = 'approved') EXECUTE FUNCTION "thidua_refuse_change_when"()
        `);
    // A key's only change is its revocation, once: the key, its owner and its dates stay as signed with.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_signing_key_revocation_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' OR OLD.revoked_at IS NOT NULL
                   OR (to_jsonb(NEW) - 'revoked_at' - 'revocation_reason') <> (to_jsonb(OLD) - 'revoked_at' - 'revocation_reason') THEN
                    RAISE EXCEPTION '% of signing key % is refused: only a revocation, once, may change a key', TG_OP, OLD.id
                        USING ERRCODE = 'TD001';
                END IF;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_signing_keys_revocation_only" BEFORE UPDATE OR DELETE ON "signing_keys"
            FOR EACH ROW EXECUTE FUNCTION "thidua_signing_key_revocation_only"()
        `);
    // Child rows of a document follow their parent's status: they may change only while it is a draft.
    // Arguments: parent table, the child's column holding the parent id.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_refuse_unless_parent_draft"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                target jsonb;
                parent_status text;
            BEGIN
                IF TG_OP = 'DELETE' THEN target := to_jsonb(OLD); ELSE target := to_jsonb(NEW); END IF;
                EXECUTE format('SELECT status FROM %I WHERE id = $1', TG_ARGV[0])
                   INTO parent_status USING (target ->> TG_ARGV[1])::uuid;
                IF parent_status IS DISTINCT FROM 'draft' THEN
                    RAISE EXCEPTION '% on % is refused: its % is %', TG_OP, TG_TABLE_NAME, TG_ARGV[0], parent_status
                        USING ERRCODE = 'TD001';
                END IF;
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_pledge_targets_locked" BEFORE INSERT OR UPDATE OR DELETE ON "pledge_targets"
            FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_unless_parent_draft"('unit_pledges', 'unit_pledge_id')
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_pledge_progress_values_locked" BEFORE INSERT OR UPDATE OR DELETE ON "pledge_progress_values"
            FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_unless_parent_draft"('pledge_progress_reports', 'report_id')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_pledge_progress_values_locked" ON "pledge_progress_values"`);
    await queryRunner.query(`DROP TRIGGER "trg_pledge_targets_locked" ON "pledge_targets"`);
    await queryRunner.query(`DROP FUNCTION "thidua_refuse_unless_parent_draft"()`);
    await queryRunner.query(`DROP TRIGGER "trg_signing_keys_revocation_only" ON "signing_keys"`);
    await queryRunner.query(`DROP FUNCTION "thidua_signing_key_revocation_only"()`);
    await queryRunner.query(`DROP TRIGGER "trg_pledge_progress_reports_immutable" ON "pledge_progress_reports"`);
    await queryRunner.query(`DROP TRIGGER "trg_unit_pledges_signed" ON "unit_pledges"`);
    await queryRunner.query(`DROP TRIGGER "trg_pledges_sealed" ON "pledges"`);
    for (const table of ['signed_documents', 'document_signatures', 'cluster_leaderships']) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_append_only" ON "${table}"`);
    }
    await queryRunner.query(`
            ALTER TABLE "signing_key_challenges" DROP CONSTRAINT "fk_signing_key_challenges_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_signatures" DROP CONSTRAINT "fk_document_signatures_key"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_signatures" DROP CONSTRAINT "fk_document_signatures_signer"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_signatures" DROP CONSTRAINT "fk_document_signatures_document"
        `);
    await queryRunner.query(`
            ALTER TABLE "signing_keys" DROP CONSTRAINT "fk_signing_keys_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "cluster_leaderships" DROP CONSTRAINT "fk_cluster_leaderships_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "cluster_leaderships" DROP CONSTRAINT "fk_cluster_leaderships_cluster"
        `);
    await queryRunner.query(`
            ALTER TABLE "pledge_progress_values" DROP CONSTRAINT "fk_pledge_progress_values_target"
        `);
    await queryRunner.query(`
            ALTER TABLE "pledge_progress_values" DROP CONSTRAINT "fk_pledge_progress_values_report"
        `);
    await queryRunner.query(`
            ALTER TABLE "pledge_targets" DROP CONSTRAINT "fk_pledge_targets_unit_pledge"
        `);
    await queryRunner.query(`
            ALTER TABLE "pledge_progress_reports" DROP CONSTRAINT "fk_pledge_progress_reports_unit_pledge"
        `);
    await queryRunner.query(`
            ALTER TABLE "unit_pledges" DROP CONSTRAINT "fk_unit_pledges_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "unit_pledges" DROP CONSTRAINT "fk_unit_pledges_pledge"
        `);
    await queryRunner.query(`
            ALTER TABLE "pledges" DROP CONSTRAINT "fk_pledges_rules_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "pledges" DROP CONSTRAINT "fk_pledges_cluster"
        `);
    await queryRunner.query(`
            ALTER TABLE "pledges" DROP CONSTRAINT "fk_pledges_cycle"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_signing_key_challenges_user"
        `);
    await queryRunner.query(`
            DROP TABLE "signing_key_challenges"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_document_signatures_signer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_document_signatures_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_document_signatures_document"
        `);
    await queryRunner.query(`
            DROP TABLE "document_signatures"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_signing_keys_fingerprint"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_signing_keys_user"
        `);
    await queryRunner.query(`
            DROP TABLE "signing_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_signed_documents_subject_digest"
        `);
    await queryRunner.query(`
            DROP TABLE "signed_documents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_cluster_leaderships_term_role"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cluster_leaderships_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "cluster_leaderships"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_pledge_progress_values_target"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_pledge_progress_values_target"
        `);
    await queryRunner.query(`
            DROP TABLE "pledge_progress_values"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_pledge_targets_position"
        `);
    await queryRunner.query(`
            DROP TABLE "pledge_targets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_pledge_progress_reports_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_pledge_progress_reports_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_pledge_progress_reports_unit_pledge"
        `);
    await queryRunner.query(`
            DROP TABLE "pledge_progress_reports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_unit_pledges_pledge_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_unit_pledges_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "unit_pledges"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_pledges_cycle_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_pledges_cluster"
        `);
    await queryRunner.query(`
            DROP TABLE "pledges"
        `);
  }
}
