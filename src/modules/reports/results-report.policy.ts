import { holdsUnitRole, isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import { UNIT_ROLES } from '../../common/access/roles';
import { ReportsErrorCode, ReportsException } from './reports.exception';
import type { ResultsReportStatus } from './results-report.entity';

/** What the policies need to know about a report: whose it is, in which cluster, how far along. */
export interface ReportScope {
  unitId: string;
  clusterId: string;
  status: ResultsReportStatus;
}

const mayDraftFor = (actor: Actor, unitId: string) =>
  holdsUnitRole(actor, unitId, 'officer') || holdsUnitRole(actor, unitId, 'head');

/**
 * Record-level rules for results reports. Drafting is the unit's own business (its officer or
 * head; not even an administrator drafts for a unit). Approved reports are public to everyone
 * signed in; versions in the works only to the unit's people, the cluster's secretariat and admins.
 */
export const ResultsReportPolicy = {
  assertMayDraft(actor: Actor, unitId: string): void {
    if (!mayDraftFor(actor, unitId)) {
      throw new ReportsException(
        ReportsErrorCode.DraftForbidden,
        "Only an officer or the head of the unit may draft or change the unit's results report.",
        { unitId },
      );
    }
  },

  maySee(actor: Actor, report: ReportScope): boolean {
    return (
      report.status === 'approved' ||
      isAdmin(actor) ||
      isSecretariatOf(actor, report.clusterId) ||
      UNIT_ROLES.some((role) => holdsUnitRole(actor, report.unitId, role))
    );
  },

  assertMaySee(actor: Actor, report: ReportScope): void {
    if (!ResultsReportPolicy.maySee(actor, report)) {
      throw new ReportsException(
        ReportsErrorCode.ReportNotVisible,
        "Until it is approved, a report is visible only to the unit's people, the cluster's secretariat and administrators.",
      );
    }
  },

  /** Sees every version in the cluster (else: approved ones, plus the versions of the units it holds a role in). */
  seesAllOfCluster(actor: Actor, clusterId: string): boolean {
    return isAdmin(actor) || isSecretariatOf(actor, clusterId);
  },

  /** The units whose versions in the works the actor may see. */
  ownUnitIds(actor: Actor): string[] {
    return [...new Set(actor.mandates.filter((m) => m.unitId).map((m) => m.unitId!))];
  },
};
