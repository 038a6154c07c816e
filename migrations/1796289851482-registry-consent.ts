import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry cannot be used to mint voters or heads (issue #12 §2): a unit belongs to at most
 * one cluster under a parent body at a time, joins only on its head's acceptance of an
 * invitation (or by an administrator), has at most one head at any instant, and nobody grants a
 * mandate to themselves. The two "at most one" rules are exclusion constraints (btree_gist, a
 * trusted extension on the server and a bundled one in the embedded PGlite).
 */
export class RegistryConsent1796289851482 implements MigrationInterface {
  name = 'RegistryConsent1796289851482';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    // The cluster's parent body, copied onto each membership so that one exclusion constraint can
    // compare memberships of different clusters. Always taken from the cluster, never from the writer.
    await queryRunner.query(`ALTER TABLE "cluster_memberships" ADD "parent_unit_id" uuid`);
    await queryRunner.query(`
            UPDATE "cluster_memberships" m SET "parent_unit_id" = c."parent_unit_id"
              FROM "clusters" c WHERE c."id" = m."cluster_id"
        `);
    await queryRunner.query(`
            CREATE FUNCTION "thidua_cluster_membership_parent"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                SELECT c."parent_unit_id" INTO NEW."parent_unit_id" FROM "clusters" c WHERE c."id" = NEW."cluster_id";
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_cluster_memberships_parent" BEFORE INSERT OR UPDATE ON "cluster_memberships"
            FOR EACH ROW EXECUTE FUNCTION "thidua_cluster_membership_parent"()
        `);
    await queryRunner.query(`
            CREATE FUNCTION "thidua_cluster_parent_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE "cluster_memberships" SET "parent_unit_id" = NEW."parent_unit_id" WHERE "cluster_id" = NEW."id";
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_clusters_parent_to_memberships" AFTER UPDATE OF "parent_unit_id" ON "clusters"
            FOR EACH ROW WHEN (OLD."parent_unit_id" IS DISTINCT FROM NEW."parent_unit_id")
            EXECUTE FUNCTION "thidua_cluster_parent_to_memberships"()
        `);
    // Clusters without a recorded parent body count as one group (the nil uuid), so they are covered too.
    await queryRunner.query(`
            ALTER TABLE "cluster_memberships" ADD CONSTRAINT "ex_cluster_memberships_one_cluster_per_parent"
            EXCLUDE USING gist (
                "unit_id" WITH =,
                (COALESCE("parent_unit_id", '00000000-0000-0000-0000-000000000000'::uuid)) WITH =,
                daterange("joined_on", "left_on", '[]') WITH &&
            )
        `);

    await queryRunner.query(`
            ALTER TABLE "mandates" ADD CONSTRAINT "ex_mandates_one_head_per_unit"
            EXCLUDE USING gist ("unit_id" WITH =, tstzrange("valid_from", "valid_to", '[)') WITH &&)
            WHERE ("role" = 'head')
        `);
    await queryRunner.query(`
            ALTER TABLE "mandates" ADD CONSTRAINT "ck_mandates_not_self_granted"
            CHECK ("granted_by" IS NULL OR "granted_by" <> "user_id")
        `);
    await queryRunner.query(`ALTER TABLE "mandates" ADD "ended_by" uuid`);

    await queryRunner.query(`
            CREATE TABLE "cluster_invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cluster_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "joined_on" date NOT NULL,
                "note" text,
                "status" text NOT NULL DEFAULT 'pending',
                "invited_by" uuid NOT NULL,
                "answered_by" uuid,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "membership_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_cluster_invitations_status" CHECK (
                    "status" IN ('pending', 'accepted', 'declined', 'withdrawn')
                ),
                CONSTRAINT "ck_cluster_invitations_answered" CHECK (
                    ("status" = 'pending') = ("answered_by" IS NULL AND "answered_at" IS NULL)
                ),
                CONSTRAINT "ck_cluster_invitations_membership" CHECK (
                    ("status" = 'accepted') = ("membership_id" IS NOT NULL)
                ),
                CONSTRAINT "pk_cluster_invitations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_cluster_invitations_pending" ON "cluster_invitations" ("cluster_id", "unit_id")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`CREATE INDEX "ix_cluster_invitations_unit" ON "cluster_invitations" ("unit_id")`);
    await queryRunner.query(`
            ALTER TABLE "cluster_invitations" ADD CONSTRAINT "fk_cluster_invitations_cluster"
            FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cluster_invitations" ADD CONSTRAINT "fk_cluster_invitations_unit"
            FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cluster_invitations" ADD CONSTRAINT "fk_cluster_invitations_membership"
            FOREIGN KEY ("membership_id") REFERENCES "cluster_memberships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cluster_invitations"`);
    await queryRunner.query(`ALTER TABLE "mandates" DROP COLUMN "ended_by"`);
    await queryRunner.query(`ALTER TABLE "mandates" DROP CONSTRAINT "ck_mandates_not_self_granted"`);
    await queryRunner.query(`ALTER TABLE "mandates" DROP CONSTRAINT "ex_mandates_one_head_per_unit"`);
    await queryRunner.query(
      `ALTER TABLE "cluster_memberships" DROP CONSTRAINT "ex_cluster_memberships_one_cluster_per_parent"`,
    );
    await queryRunner.query(`DROP TRIGGER "trg_clusters_parent_to_memberships" ON "clusters"`);
    await queryRunner.query(`DROP FUNCTION "thidua_cluster_parent_to_memberships"()`);
    await queryRunner.query(`DROP TRIGGER "trg_cluster_memberships_parent" ON "cluster_memberships"`);
    await queryRunner.query(`DROP FUNCTION "thidua_cluster_membership_parent"()`);
    await queryRunner.query(`ALTER TABLE "cluster_memberships" DROP COLUMN "parent_unit_id"`);
  }
}
