import type { WorkflowDefinition } from '../approvals';
import type { RulesVersionStatus } from './rules-version.entity';

export const RULES_ADOPTION_WORKFLOW_KEY = 'rules_adoption';
export const RULES_VERSION_SUBJECT_TYPE = 'rules_version';

/**
 * Adoption of a rules version (thông qua quy chế khen thưởng): the secretariat proposes what it
 * drafted (so not independent); the heads of the member units adopt it, k of n, k fixed on the
 * request when the version was drafted; one head's rejection, with a comment, sends it back to
 * draft for revision and a new round. The version's `status` follows the request's state in the
 * act's transaction (RulesService.onAdoptionStateEntered).
 */
export const RULES_ADOPTION_WORKFLOW: Omit<WorkflowDefinition, 'onStateEntered'> = {
  key: RULES_ADOPTION_WORKFLOW_KEY,
  subjectType: RULES_VERSION_SUBJECT_TYPE,
  description: "A version of the cluster's reward rules: proposed by the secretariat, adopted by k of n member heads.",
  states: ['draft', 'proposed', 'adopted'] satisfies RulesVersionStatus[],
  initial: 'draft',
  final: ['adopted'],
  transitions: [
    { name: 'propose', from: 'draft', to: 'proposed', by: 'cluster_secretariat', independent: false },
    { name: 'reject', from: 'proposed', to: 'draft', by: 'member_heads', commentRequired: true, approvals: 1 },
    { name: 'adopt', from: 'proposed', to: 'adopted', by: 'member_heads', approvals: 'request' },
  ],
};
