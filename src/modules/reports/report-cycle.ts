import type { EntityManager } from 'typeorm';
import type { CycleFacts } from '../cycles';
import { isCurrentMember } from '../registry';
import { ReportsErrorCode, ReportsException } from './reports.exception';

/**
 * A closed cycle's results are final (no new version, edit, submission or approval): what
 * `assertCycleOpen` names in its refusal.
 */
export const REPORTS_OF_THE_CYCLE = 'its results reports';

export async function assertCurrentMember(
  manager: EntityManager,
  cycle: Pick<CycleFacts, 'clusterId'>,
  unitId: string,
): Promise<void> {
  if (!(await isCurrentMember(manager, cycle.clusterId, unitId))) {
    throw new ReportsException(
      ReportsErrorCode.UnitNotMember,
      "Only the cluster's current member units report their results for its cycle.",
      { unitId, clusterId: cycle.clusterId },
    );
  }
}
