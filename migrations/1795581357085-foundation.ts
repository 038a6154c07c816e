import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity, registry, mandates, sessions, the audit ledger and login throttling. */
export class Foundation1795581357085 implements MigrationInterface {
  name = 'Foundation1795581357085';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "throttle_buckets" (
                "key" text NOT NULL,
                "hits" integer NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "blocked_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_throttle_buckets" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "full_name" text NOT NULL,
                "locale" text NOT NULL DEFAULT 'vi',
                "password_hash" text NOT NULL,
                "is_active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_users_email_lowercase" CHECK ("email" = lower("email")),
                CONSTRAINT "ck_users_locale" CHECK ("locale" IN ('vi', 'en')),
                CONSTRAINT "pk_users" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "auth_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" text,
                "user_agent" text,
                "ip_address" text,
                CONSTRAINT "pk_auth_sessions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_auth_sessions_user" ON "auth_sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_refresh_tokens" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens_session" ON "refresh_tokens" ("session_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_refresh_tokens_hash" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_entries" (
                "seq" bigint NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_id" uuid,
                "action" text NOT NULL,
                "subject_type" text NOT NULL,
                "subject_id" text NOT NULL,
                "payload" jsonb NOT NULL,
                "payload_digest" text NOT NULL,
                "prev_hash" text NOT NULL,
                "hash" text NOT NULL,
                CONSTRAINT "pk_ledger_entries" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_ledger_entries_hash" ON "ledger_entries" ("hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ledger_entries_subject" ON "ledger_entries" ("subject_type", "subject_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_head" (
                "id" smallint NOT NULL,
                "seq" bigint NOT NULL,
                "hash" text NOT NULL,
                CONSTRAINT "ck_ledger_head_single_row" CHECK ("id" = 1),
                CONSTRAINT "pk_ledger_head" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "units" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "short_name" text,
                "province" text,
                "kind" text NOT NULL DEFAULT 'provincial_alliance',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_units_kind" CHECK (
                    "kind" IN (
                        'provincial_alliance',
                        'national_alliance',
                        'other'
                    )
                ),
                CONSTRAINT "pk_units" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_units_code" ON "units" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "clusters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "description" text,
                "parent_unit_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_clusters" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_clusters_code" ON "clusters" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_clusters_parent_unit" ON "clusters" ("parent_unit_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "mandates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "role" text NOT NULL,
                "unit_id" uuid,
                "cluster_id" uuid,
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "valid_to" TIMESTAMP WITH TIME ZONE,
                "granted_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_mandates_period" CHECK (
                    "valid_to" IS NULL
                    OR "valid_to" > "valid_from"
                ),
                CONSTRAINT "ck_mandates_scope" CHECK (
                    (
                        "role" IN ('officer', 'head', 'delegate')
                        AND "unit_id" IS NOT NULL
                        AND "cluster_id" IS NULL
                    )
                    OR (
                        "role" = 'secretariat'
                        AND "cluster_id" IS NOT NULL
                        AND "unit_id" IS NULL
                    )
                    OR (
                        "role" = 'admin'
                        AND "unit_id" IS NULL
                        AND "cluster_id" IS NULL
                    )
                ),
                CONSTRAINT "pk_mandates" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_mandates_unit" ON "mandates" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_mandates_cluster" ON "mandates" ("cluster_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_mandates_user_period" ON "mandates" ("user_id", "valid_from")
        `);
    await queryRunner.query(`
            CREATE TABLE "cluster_memberships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cluster_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "joined_on" date NOT NULL,
                "left_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_cluster_memberships_dates" CHECK (
                    "left_on" IS NULL
                    OR "left_on" >= "joined_on"
                ),
                CONSTRAINT "pk_cluster_memberships" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cluster_memberships_unit" ON "cluster_memberships" ("unit_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_cluster_memberships_open" ON "cluster_memberships" ("cluster_id", "unit_id")
            WHERE "left_on" IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD CONSTRAINT "fk_auth_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "fk_refresh_tokens_session" FOREIGN KEY ("session_id") REFERENCES "auth_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters"
            ADD CONSTRAINT "fk_clusters_parent_unit" FOREIGN KEY ("parent_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mandates"
            ADD CONSTRAINT "fk_mandates_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mandates"
            ADD CONSTRAINT "fk_mandates_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mandates"
            ADD CONSTRAINT "fk_mandates_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cluster_memberships"
            ADD CONSTRAINT "fk_cluster_memberships_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cluster_memberships"
            ADD CONSTRAINT "fk_cluster_memberships_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Append-only tables: the database itself refuses UPDATE, DELETE and TRUNCATE (SQLSTATE TD001,
    // mapped to 409 immutable_record). Later modules reuse the same function for sealed records.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'TD001';
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries"
            FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_change"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries"
            FOR EACH STATEMENT EXECUTE FUNCTION "thidua_refuse_change"()
        `);
    await queryRunner.query(`
            INSERT INTO "ledger_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_ledger_entries_no_truncate" ON "ledger_entries"`);
    await queryRunner.query(`DROP TRIGGER "trg_ledger_entries_append_only" ON "ledger_entries"`);
    await queryRunner.query(`
            ALTER TABLE "cluster_memberships" DROP CONSTRAINT "fk_cluster_memberships_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "cluster_memberships" DROP CONSTRAINT "fk_cluster_memberships_cluster"
        `);
    await queryRunner.query(`
            ALTER TABLE "mandates" DROP CONSTRAINT "fk_mandates_cluster"
        `);
    await queryRunner.query(`
            ALTER TABLE "mandates" DROP CONSTRAINT "fk_mandates_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "mandates" DROP CONSTRAINT "fk_mandates_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters" DROP CONSTRAINT "fk_clusters_parent_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_session"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP CONSTRAINT "fk_auth_sessions_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_cluster_memberships_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cluster_memberships_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "cluster_memberships"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_mandates_user_period"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_mandates_cluster"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_mandates_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "mandates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_clusters_parent_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_clusters_code"
        `);
    await queryRunner.query(`
            DROP TABLE "clusters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_units_code"
        `);
    await queryRunner.query(`
            DROP TABLE "units"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_head"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ledger_entries_subject"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_ledger_entries_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_entries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_refresh_tokens_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens_session"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_auth_sessions_user"
        `);
    await queryRunner.query(`
            DROP TABLE "auth_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_email"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TABLE "throttle_buckets"
        `);
    await queryRunner.query(`DROP FUNCTION "thidua_refuse_change"()`);
  }
}
