import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: when a password was last set and whether its holder must replace it (an
 * administrator's reset). Ledger read model: each entry's cluster and unit, resolved from its
 * subject when it is appended (a trigger, so no caller can forget), kept beside the hashed entry.
 */
export class AccountsAndLedgerScopes1796289918171 implements MigrationInterface {
  name = 'AccountsAndLedgerScopes1796289918171';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "password_changed_at" timestamp with time zone
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "password_must_change" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_entry_scopes" (
                "seq" bigint NOT NULL,
                "cluster_id" uuid,
                "unit_id" uuid,
                CONSTRAINT "pk_ledger_entry_scopes" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ledger_entry_scopes_cluster" ON "ledger_entry_scopes" ("cluster_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ledger_entry_scopes_unit" ON "ledger_entry_scopes" ("unit_id")
        `);
    // No foreign key to ledger_entries: it would make TRUNCATE fail before the append-only trigger
    // can refuse it with its own message, and the scope is an index of the chain, not part of it.
    // The cluster and unit an entry is about, from its subject. A subject that names a unit but
    // not a cluster (the unit itself, its mandates) gets the unit only: its clusters are then the
    // unit's memberships at read time. People, signing keys and admin mandates belong to nobody.
    await queryRunner.query(`
            CREATE FUNCTION "ledger_subject_scope"(p_type text, p_id text, OUT cluster_id uuid, OUT unit_id uuid)
            LANGUAGE plpgsql STABLE AS $$
            BEGIN
              IF p_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
                RETURN;
              END IF;
              CASE p_type
                WHEN 'cluster' THEN cluster_id := p_id::uuid;
                WHEN 'unit' THEN unit_id := p_id::uuid;
                WHEN 'cluster_membership' THEN
                  SELECT m.cluster_id, m.unit_id INTO cluster_id, unit_id FROM cluster_memberships m WHERE m.id = $2::uuid;
                WHEN 'cluster_leadership' THEN
                  SELECT l.cluster_id, l.unit_id INTO cluster_id, unit_id FROM cluster_leaderships l WHERE l.id = $2::uuid;
                WHEN 'mandate' THEN
                  SELECT m.cluster_id, m.unit_id INTO cluster_id, unit_id FROM mandates m WHERE m.id = $2::uuid;
                WHEN 'cycle' THEN
                  SELECT c.cluster_id INTO cluster_id FROM cycles c WHERE c.id = $2::uuid;
                WHEN 'approval_request' THEN
                  SELECT r.cluster_id, r.unit_id INTO cluster_id, unit_id FROM approval_requests r WHERE r.id = $2::uuid;
                WHEN 'approval_delegation' THEN
                  SELECT d.unit_id INTO unit_id FROM approval_delegations d WHERE d.id = $2::uuid;
                WHEN 'rules_version' THEN
                  SELECT r.cluster_id INTO cluster_id FROM rules_versions r WHERE r.id = $2::uuid;
                WHEN 'results_report' THEN
                  SELECT c.cluster_id, r.unit_id INTO cluster_id, unit_id
                    FROM results_reports r JOIN cycles c ON c.id = r.cycle_id WHERE r.id = $2::uuid;
                WHEN 'scoring_period' THEN
                  SELECT c.cluster_id INTO cluster_id
                    FROM scoring_periods p JOIN cycles c ON c.id = p.cycle_id WHERE p.id = $2::uuid;
                WHEN 'score_sheet' THEN
                  SELECT c.cluster_id, s.unit_id INTO cluster_id, unit_id
                    FROM score_sheets s JOIN scoring_periods p ON p.id = s.period_id JOIN cycles c ON c.id = p.cycle_id
                   WHERE s.id = $2::uuid;
                WHEN 'score_entry' THEN
                  SELECT c.cluster_id, s.unit_id INTO cluster_id, unit_id
                    FROM score_entries e JOIN score_sheets s ON s.id = e.sheet_id
                    JOIN scoring_periods p ON p.id = s.period_id JOIN cycles c ON c.id = p.cycle_id
                   WHERE e.id = $2::uuid;
                WHEN 'review_assignment' THEN
                  SELECT c.cluster_id, a.unit_id INTO cluster_id, unit_id
                    FROM review_assignments a JOIN scoring_periods p ON p.id = a.period_id JOIN cycles c ON c.id = p.cycle_id
                   WHERE a.id = $2::uuid;
                WHEN 'evidence_file' THEN
                  SELECT c.cluster_id, s.unit_id INTO cluster_id, unit_id
                    FROM evidence_files f JOIN score_entries e ON e.id = f.entry_id JOIN score_sheets s ON s.id = e.sheet_id
                    JOIN scoring_periods p ON p.id = s.period_id JOIN cycles c ON c.id = p.cycle_id
                   WHERE f.id = $2::uuid;
                WHEN 'pledge' THEN
                  SELECT p.cluster_id INTO cluster_id FROM pledges p WHERE p.id = $2::uuid;
                WHEN 'unit_pledge' THEN
                  SELECT p.cluster_id, u.unit_id INTO cluster_id, unit_id
                    FROM unit_pledges u JOIN pledges p ON p.id = u.pledge_id WHERE u.id = $2::uuid;
                WHEN 'pledge_progress_report' THEN
                  SELECT p.cluster_id, u.unit_id INTO cluster_id, unit_id
                    FROM pledge_progress_reports r JOIN unit_pledges u ON u.id = r.unit_pledge_id
                    JOIN pledges p ON p.id = u.pledge_id WHERE r.id = $2::uuid;
                WHEN 'meeting' THEN
                  SELECT m.cluster_id INTO cluster_id FROM meetings m WHERE m.id = $2::uuid;
                WHEN 'meeting_attendance' THEN
                  SELECT m.cluster_id, a.unit_id INTO cluster_id, unit_id
                    FROM meeting_attendances a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = $2::uuid;
                WHEN 'poll' THEN
                  SELECT m.cluster_id INTO cluster_id FROM polls p JOIN meetings m ON m.id = p.meeting_id WHERE p.id = $2::uuid;
                WHEN 'flag' THEN
                  SELECT f.cluster_id INTO cluster_id FROM flags f WHERE f.id = $2::uuid;
                WHEN 'flag_handover' THEN
                  SELECT f.cluster_id INTO cluster_id FROM flag_handovers h JOIN flags f ON f.id = h.flag_id WHERE h.id = $2::uuid;
                WHEN 'flag_incident' THEN
                  SELECT f.cluster_id INTO cluster_id FROM flag_incidents i JOIN flags f ON f.id = i.flag_id WHERE i.id = $2::uuid;
                ELSE
                  NULL;
              END CASE;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION "ledger_entries_record_scope"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              found_cluster uuid;
              found_unit uuid;
            BEGIN
              SELECT s.cluster_id, s.unit_id INTO found_cluster, found_unit
                FROM ledger_subject_scope(NEW.subject_type, NEW.subject_id) s;
              -- A subject removed in the same transaction (an evidence file detached): the scope its
              -- earlier entries had.
              IF found_cluster IS NULL AND found_unit IS NULL THEN
                SELECT p.cluster_id, p.unit_id INTO found_cluster, found_unit
                  FROM ledger_entries e JOIN ledger_entry_scopes p ON p.seq = e.seq
                 WHERE e.subject_type = NEW.subject_type AND e.subject_id = NEW.subject_id AND e.seq < NEW.seq
                   AND (p.cluster_id IS NOT NULL OR p.unit_id IS NOT NULL)
                 ORDER BY e.seq DESC LIMIT 1;
              END IF;
              INSERT INTO ledger_entry_scopes (seq, cluster_id, unit_id) VALUES (NEW.seq, found_cluster, found_unit);
              RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_ledger_entries_record_scope" AFTER INSERT ON "ledger_entries"
            FOR EACH ROW EXECUTE FUNCTION "ledger_entries_record_scope"()
        `);
    await queryRunner.query(`
            INSERT INTO "ledger_entry_scopes" ("seq", "cluster_id", "unit_id")
            SELECT e."seq", s."cluster_id", s."unit_id"
              FROM "ledger_entries" e, LATERAL "ledger_subject_scope"(e."subject_type", e."subject_id") s
        `);
    // Entries whose subject is gone take the scope of the first entry about it that resolved.
    await queryRunner.query(`
            UPDATE "ledger_entry_scopes" t SET "cluster_id" = f."cluster_id", "unit_id" = f."unit_id"
              FROM "ledger_entries" e,
                   LATERAL (SELECT p."cluster_id", p."unit_id"
                              FROM "ledger_entries" o JOIN "ledger_entry_scopes" p ON p."seq" = o."seq"
                             WHERE o."subject_type" = e."subject_type" AND o."subject_id" = e."subject_id"
                               AND (p."cluster_id" IS NOT NULL OR p."unit_id" IS NOT NULL)
                             ORDER BY o."seq" LIMIT 1) f
             WHERE e."seq" = t."seq" AND t."cluster_id" IS NULL AND t."unit_id" IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_ledger_entries_record_scope" ON "ledger_entries"`);
    await queryRunner.query(`DROP FUNCTION "ledger_entries_record_scope"()`);
    await queryRunner.query(`DROP FUNCTION "ledger_subject_scope"(text, text)`);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ledger_entry_scopes_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ledger_entry_scopes_cluster"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_entry_scopes"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "password_must_change"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "password_changed_at"
        `);
  }
}
