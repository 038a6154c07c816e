import type { CycleGate, UnmetCondition } from '../cycles';
import { currentMembershipSql } from '../registry';

export const REPORTS_APPROVED_GATE = 'reports.approved';

/**
 * Non-blocking: before the vote, the dashboard shows which current member units have no approved
 * results report for the cycle. The meeting may go ahead without one (the totals say who is missing).
 */
export function reportsApprovedGate(): CycleGate {
  return {
    key: REPORTS_APPROVED_GATE,
    phase: 'voting',
    description: 'Every current member unit has an approved results report for the cycle.',
    blocking: false,
    async check(manager, cycle): Promise<UnmetCondition[]> {
      const rows = (await manager.query(
        `SELECT u.id, u.name, w.status
           FROM units u
           LEFT JOIN results_reports w ON w.cycle_id = $2 AND w.unit_id = u.id AND w.status <> 'approved'
          WHERE EXISTS (SELECT 1 FROM cluster_memberships m
                         WHERE m.unit_id = u.id AND m.cluster_id = $1 AND ${currentMembershipSql('m')})
            AND NOT EXISTS (SELECT 1 FROM results_reports r
                             WHERE r.cycle_id = $2 AND r.unit_id = u.id AND r.status = 'approved')
          ORDER BY u.code`,
        [cycle.clusterId, cycle.id],
      )) as { id: string; name: string; status: string | null }[];
      return rows.map((row) => ({
        gate: REPORTS_APPROVED_GATE,
        unitId: row.id,
        message: row.status
          ? `${row.name}: the results report is ${row.status}, not yet approved.`
          : `${row.name}: no results report yet.`,
      }));
    },
  };
}
