import { isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import { ElectionsErrorCode, ElectionsException } from './elections.exception';

/**
 * Record-level rules for polls: the cluster's secretariat (or an administrator) creates, opens,
 * closes and tallies them. Who votes is not a role but the frozen roll, checked in the ballot
 * statement itself.
 */
export const PollPolicy = {
  assertMayManage(actor: Actor, clusterId: string): void {
    if (!isAdmin(actor) && !isSecretariatOf(actor, clusterId)) {
      throw new ElectionsException(
        ElectionsErrorCode.ManageForbidden,
        "Only an administrator or this cluster's secretariat may run its polls.",
        { clusterId },
      );
    }
  },
};
