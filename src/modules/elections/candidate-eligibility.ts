import type { AwardCategory, LeaderRotationRule } from '../rules';
import { toHundredths } from '../scoring';
import type { PollKind } from './poll.entity';

/**
 * Who may stand (ứng cử) in a poll, by the rules: pure functions over facts the service reads.
 * A refusal has a stable code and a sentence; the poll lists refused units with both.
 */

export interface MemberUnit {
  unitId: string;
  code: string;
}

export interface EligibilityFacts {
  kind: PollKind;
  members: MemberUnit[];
  rotation: LeaderRotationRule;
  /** The leader unit of the term that ends (the cycle's year), when recorded. */
  outgoingLeaderUnitId: string | null;
  /** The leader already chosen for the next term (a deputy cannot also lead). */
  nextLeaderUnitId: string | null;
  categories: AwardCategory[];
  category: AwardCategory | null;
  /** Units that signed the cycle's newest pledge version, when it is sealed; null when it is not. */
  sealedPledgeUnitIds: ReadonlySet<string> | null;
  /** Final scores of the cycle's adopted ranking by unit; null when no ranking is adopted. */
  finalScores: ReadonlyMap<string, string> | null;
}

export type Refusal = { code: string; reason: string };

/** The unit a fixed rotation order names next: the member after the outgoing leader (wrapping round). */
export function nextInRotation(facts: EligibilityFacts): string | null {
  const order = facts.rotation.fixedOrder ?? [];
  const byCode = new Map(facts.members.map((m) => [m.code, m.unitId]));
  const outgoingCode = facts.members.find((m) => m.unitId === facts.outgoingLeaderUnitId)?.code;
  const start = outgoingCode ? order.indexOf(outgoingCode) + 1 : 0;
  for (let step = 0; step < order.length; step += 1) {
    const unitId = byCode.get(order[(start + step) % order.length]);
    if (unitId && (unitId !== facts.outgoingLeaderUnitId || facts.rotation.outgoingLeaderEligible)) return unitId;
  }
  return null;
}

function leadershipRefusal(facts: EligibilityFacts, unitId: string): Refusal | null {
  if (facts.kind === 'deputy_election') {
    return unitId === facts.nextLeaderUnitId
      ? { code: 'elected_leader', reason: 'The unit is already the leader for the next term.' }
      : null;
  }
  if (unitId === facts.outgoingLeaderUnitId && !facts.rotation.outgoingLeaderEligible) {
    return {
      code: 'outgoing_leader',
      reason:
        'The rotation rule: the outgoing leader unit is not eligible for the next term (leaderRotation.outgoingLeaderEligible = false).',
    };
  }
  if (facts.rotation.fixedOrder && facts.rotation.fixedOrder.length > 0) {
    const next = nextInRotation(facts);
    if (next !== null && unitId !== next) {
      const code = facts.members.find((m) => m.unitId === next)?.code;
      return { code: 'not_next_in_rotation', reason: `The fixed rotation order names ${code} for the next term.` };
    }
  }
  return null;
}

function awardRefusal(facts: EligibilityFacts, category: AwardCategory, unitId: string, depth = 0): Refusal | null {
  const rule = category.eligibility;
  if (rule.requiresSealedPledge) {
    if (facts.sealedPledgeUnitIds === null) {
      return { code: 'pledge_not_sealed', reason: "The cycle's emulation pledge is not sealed." };
    }
    if (!facts.sealedPledgeUnitIds.has(unitId)) {
      return { code: 'pledge_not_signed', reason: "The unit did not sign the cycle's sealed pledge." };
    }
  }
  const needsScore = rule.requiresAdoptedRanking || rule.minFinalScore !== undefined;
  if (needsScore && facts.finalScores === null) {
    return { code: 'ranking_not_adopted', reason: "The cycle's ranking is not adopted yet." };
  }
  const score = facts.finalScores?.get(unitId);
  if (needsScore && score === undefined) {
    return { code: 'not_in_ranking', reason: 'The unit is not in the adopted ranking.' };
  }
  if (rule.minFinalScore !== undefined && toHundredths(score!) < toHundredths(rule.minFinalScore)) {
    return {
      code: 'score_below_minimum',
      reason: `The unit's final score ${score} is below the category's minimum ${rule.minFinalScore}.`,
    };
  }
  if (rule.requiresCategory && depth < 10) {
    const required = facts.categories.find((c) => c.code === rule.requiresCategory);
    const below = required ? awardRefusal(facts, required, unitId, depth + 1) : null;
    if (!required || below) {
      return {
        code: 'required_category_not_met',
        reason: `The unit does not qualify for ${rule.requiresCategory} first${below ? ` (${below.reason})` : ''}.`,
      };
    }
  }
  return null;
}

/** Null when the unit may stand; else the rule that refuses it. */
export function refusalOf(facts: EligibilityFacts, unitId: string): Refusal | null {
  if (!facts.members.some((m) => m.unitId === unitId)) {
    return { code: 'not_member', reason: 'Only current member units of the cluster may stand.' };
  }
  if (facts.kind === 'leader_election' || facts.kind === 'deputy_election') return leadershipRefusal(facts, unitId);
  if (facts.kind === 'award_proposal' && facts.category) return awardRefusal(facts, facts.category, unitId);
  return null;
}

/** Member units eligible for the award category (the base of a quota share). */
export function eligibleForCategory(facts: EligibilityFacts): string[] {
  return facts.category
    ? facts.members.filter((m) => !awardRefusal(facts, facts.category!, m.unitId)).map((m) => m.unitId)
    : [];
}
