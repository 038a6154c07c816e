import type { LedgerReader } from './ledger-reader';

/** Where an entry's subject lies (ledger_entry_scopes), as the database resolved it at append. */
export interface EntryScope {
  clusterId: string | null;
  unitId: string | null;
}

/**
 * Entries about a unit whose payload any member of the unit's cluster may read: decided,
 * adopted or signed acts. Everything else about a unit (drafted targets, report figures, self
 * and reviewed scores, evidence, approval acts on drafts) is that unit's and its secretariat's.
 * Deny by default: a new action is withheld from other units until it is listed here.
 */
const PUBLIC_UNIT_ACTIONS: readonly string[] = [
  'registry.',
  'mandates.',
  'meetings.',
  'elections.',
  'flags.',
  'cycles.',
  'pledges.targets_approved',
  'pledges.unit_signed',
  'pledges.progress_approved',
  'pledges.sealed',
  'reports.report_approved',
  'scoring.ranking_adopted',
  'approvals.delegation_granted',
  'approvals.delegation_revoked',
];

/** Cluster-level entries whose payload only the secretariat reads (who took a paper ballot: #12 §1). */
const SECRETARIAT_ONLY_ACTIONS: ReadonlySet<string> = new Set(['elections.paper_ballot_handed']);

const isPublicUnitAction = (action: string) =>
  PUBLIC_UNIT_ACTIONS.some((p) => (p.endsWith('.') ? action.startsWith(p) : action === p));

export const LedgerReadPolicy = {
  /** Whether the reader serves as secretariat of the cluster(s) the entry is about. */
  servesAsSecretariat(reader: LedgerReader, scope: EntryScope): boolean {
    if (scope.clusterId) return reader.secretariatClusterIds.includes(scope.clusterId);
    return scope.unitId !== null && reader.secretariatUnitIds.includes(scope.unitId);
  },

  /**
   * Whether the payload of an entry the reader may list is shown. When it is not, the entry keeps
   * its digest and hashes, so the chain still verifies, and says `payloadWithheld`.
   */
  mayReadPayload(reader: LedgerReader, entry: { actorId: string | null; action: string }, scope: EntryScope): boolean {
    if (reader.admin || entry.actorId === reader.userId) return true;
    if (LedgerReadPolicy.servesAsSecretariat(reader, scope)) return true;
    if (SECRETARIAT_ONLY_ACTIONS.has(entry.action)) return false;
    if (scope.unitId === null) return true;
    if (reader.unitIds.includes(scope.unitId)) return true;
    return isPublicUnitAction(entry.action);
  },
};
