import { findRulesVersion } from '../rules';
import type { CycleGate } from './cycle-gates';

export const RULES_PINNED_GATE_KEY = 'rules.pinned';

/** No pledges are signed before the cycle runs under adopted reward rules (quy chế khen thưởng). */
export const rulesPinnedGate: CycleGate = {
  key: RULES_PINNED_GATE_KEY,
  phase: 'pledge_signing',
  description: 'An adopted version of the reward rules is pinned to the cycle.',
  blocking: true,
  async check(manager, cycle) {
    if (!cycle.rulesVersionId) {
      return [
        {
          gate: RULES_PINNED_GATE_KEY,
          message: 'No adopted rules version is pinned to this cycle; pin one with PUT /cycles/{id}/rules-version.',
        },
      ];
    }
    const pinned = await findRulesVersion(manager, cycle.rulesVersionId);
    if (pinned?.status !== 'adopted') {
      return [{ gate: RULES_PINNED_GATE_KEY, message: 'The rules version pinned to this cycle is not adopted.' }];
    }
    return [];
  },
};
