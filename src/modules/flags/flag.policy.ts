import { holdsUnitRole, isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import { FlagsErrorCode, FlagsException } from './flags.exception';

/**
 * Record-level rules for the rotating flag. The secretariat of the flag's cluster (or an
 * administrator) registers it, opens and cancels handovers and resolves incidents; the head of
 * the unit that holds it reports incidents. Who signs a handover is decided at signing time by
 * the mandates in force then (signer-capacity.ts), not here. Reading is open to everyone signed in.
 */
export const FlagPolicy = {
  assertMayManage(actor: Actor, clusterId: string): void {
    if (!isAdmin(actor) && !isSecretariatOf(actor, clusterId)) {
      throw new FlagsException(
        FlagsErrorCode.FlagManageForbidden,
        "Only an administrator or this cluster's secretariat may register its flag, run its handovers and resolve its incidents.",
        { clusterId },
      );
    }
  },

  assertMayReportIncident(actor: Actor, custodianUnitId: string): void {
    if (!holdsUnitRole(actor, custodianUnitId, 'head')) {
      throw new FlagsException(
        FlagsErrorCode.IncidentReportForbidden,
        'An incident is reported by the head of the unit that holds the flag today.',
        { custodianUnitId },
      );
    }
  },
};
