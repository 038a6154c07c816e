import type { CycleGate, UnmetCondition } from '../cycles';
import { currentMemberUnits } from '../registry';
import type { ResultsReportStatus } from './results-report.entity';

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
      const members = await currentMemberUnits(manager, cycle.clusterId);
      const reports = (await manager.query(
        `SELECT r.unit_id, r.status FROM results_reports r WHERE r.cycle_id = $1 AND r.unit_id = ANY($2::uuid[])`,
        [cycle.id, members.map((member) => member.unitId)],
      )) as { unit_id: string; status: ResultsReportStatus }[];
      const approved = new Set(reports.filter((r) => r.status === 'approved').map((r) => r.unit_id));
      // At most one version in the works per unit and cycle (uq_results_reports_open).
      const open = new Map(reports.filter((r) => r.status !== 'approved').map((r) => [r.unit_id, r.status]));
      return members
        .filter((member) => !approved.has(member.unitId))
        .map((member) => {
          const status = open.get(member.unitId);
          return {
            gate: REPORTS_APPROVED_GATE,
            unitId: member.unitId,
            message: status
              ? `${member.name}: the results report is ${status}, not yet approved.`
              : `${member.name}: no results report yet.`,
          };
        });
    },
  };
}
