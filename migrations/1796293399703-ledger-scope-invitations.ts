import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger read model scopes the registry's invitations (`cluster_invitation`, decision 019):
 * the invited unit and the inviting cluster, so the cluster's secretariat and the unit's people
 * read them like every other entry of theirs — before, only administrators and the author did.
 * Every other subject type the code appends was already resolved (the counting board's entries
 * are about their poll); people and signing keys stay nobody's (docs/read-model.md). Entries
 * appended before get their scope now. Safe to run twice: the function is replaced and only
 * unscoped invitation entries are filled in.
 */
export class LedgerScopeInvitations1796293399703 implements MigrationInterface {
  name = 'LedgerScopeInvitations1796293399703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "ledger_subject_scope"(p_type text, p_id text, OUT cluster_id uuid, OUT unit_id uuid)
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
                WHEN 'cluster_invitation' THEN
                  SELECT i.cluster_id, i.unit_id INTO cluster_id, unit_id FROM cluster_invitations i WHERE i.id = $2::uuid;
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
            UPDATE "ledger_entry_scopes" t SET "cluster_id" = s."cluster_id", "unit_id" = s."unit_id"
              FROM "ledger_entries" e, LATERAL "ledger_subject_scope"(e."subject_type", e."subject_id") s
             WHERE e."seq" = t."seq" AND e."subject_type" = 'cluster_invitation'
               AND t."cluster_id" IS NULL AND t."unit_id" IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE "ledger_entry_scopes" t SET "cluster_id" = NULL, "unit_id" = NULL
              FROM "ledger_entries" e
             WHERE e."seq" = t."seq" AND e."subject_type" = 'cluster_invitation'
        `);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "ledger_subject_scope"(p_type text, p_id text, OUT cluster_id uuid, OUT unit_id uuid)
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
  }
}
