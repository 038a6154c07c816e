import { isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import type { ReaderScope } from '../registry';
import type { RulesVersionStatus } from './rules-version.entity';
import { RulesErrorCode, RulesException } from './rules.exception';

/**
 * Record-level rules for rules versions; the route's permission (rules.draft) is checked before.
 * Proposing, rejecting and adopting are the approval workflow's (rules-adoption.workflow.ts).
 */
export const RulesPolicy = {
  /**
   * Drafts and proposals are the cluster's: its secretariat, the people of its member units (whose
   * heads adopt them) and administrators. Adopted rules are read by everyone signed in.
   */
  mayReadDraftsOf(reader: ReaderScope, clusterId: string): boolean {
    return (
      reader.admin || reader.secretariatClusterIds.includes(clusterId) || reader.memberClusterIds.includes(clusterId)
    );
  },

  /** An administrator, or the secretariat of the cluster the rules belong to. */
  assertMayDraft(actor: Actor, clusterId: string): void {
    if (!isAdmin(actor) && !isSecretariatOf(actor, clusterId)) {
      throw new RulesException(
        RulesErrorCode.DraftForbidden,
        "Only an administrator or this cluster's secretariat may draft or revise its rules.",
      );
    }
  },

  /** Proposed versions wait for the heads; adopted ones are immutable (the database agrees). */
  assertRevisable(status: RulesVersionStatus): void {
    if (status !== 'draft') {
      const why =
        status === 'adopted'
          ? 'it is adopted and can no longer change; draft an amendment (POST …/amendments) instead'
          : 'it is proposed to the heads; a head rejects it back to draft, with a comment, before it can change';
      throw new RulesException(RulesErrorCode.VersionNotDraft, `This rules version cannot be revised: ${why}.`, {
        status,
      });
    }
  },

  assertAmendable(status: RulesVersionStatus): void {
    if (status !== 'adopted') {
      throw new RulesException(
        RulesErrorCode.AmendRequiresAdopted,
        `Only an adopted version can be amended; this one is ${status}. Revise it directly while it is a draft.`,
        { status },
      );
    }
  },
};
