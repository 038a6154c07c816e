import { isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import { CyclesErrorCode, CyclesException } from './cycles.exception';

/**
 * Record-level rule for running a cycle (open, advance, reopen, deadlines, pinned rules): the
 * route's permission (cycles.manage) is checked before; this decides whether it applies to the
 * cycle's cluster.
 */
export const CyclePolicy = {
  /** An administrator, or the secretariat of the cycle's cluster. */
  assertMayManage(actor: Actor, clusterId: string): void {
    if (!isAdmin(actor) && !isSecretariatOf(actor, clusterId)) {
      throw new CyclesException(
        CyclesErrorCode.CycleManageForbidden,
        "Only an administrator or this cluster's secretariat may run its cycles.",
        { clusterId },
      );
    }
  },
};
