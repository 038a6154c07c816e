// The generated types themselves (what web/src/api/schema.ts re-exports), named with the extension the
// server's Node16 typecheck needs: the unit spec (test/web/console-rules-units.spec.ts) types this file.
import type { components } from '../../../../src/api-client/schema.js';

type Schemas = components['schemas'];

/*
 * The rules editor's pure parts (no runtime imports: test/web/console-rules-units.spec.ts runs them in
 * jest): the sums as typed, the content the API is sent, and where each of the API's field paths lands
 * in the form with which sentence.
 */

type Content = Schemas['RulesContentDto'];
type Criterion = Schemas['CriterionDto'];
type Item = Schemas['BonusPenaltyItemDto'];
type Award = Schemas['AwardCategoryDto'];

/** A criterion as the form holds it while a person types: anything may still be empty. */
export interface TypedCriterion {
  code?: string;
  name?: string;
  maxPoints?: number | null;
  /** Present (even empty) on a group: what makes a row a group in the editor. */
  children?: (TypedCriterion | undefined)[];
}

/** Groups within groups, at most this deep (the API's MAX_CRITERIA_DEPTH). */
export const MAX_DEPTH = 4;

export const AWARD_LEVELS = [
  'government_flag',
  'ministry_flag',
  'province_flag',
  'alliance_flag',
  'certificate_of_merit',
] as const;
export const THRESHOLD_BASES = ['valid_votes', 'all_members', 'present_members'] as const;
export const TIE_BREAKS = ['higher_final_score', 'women_led_unit', 'recorded_draw'] as const;
export const RUNOFF_POLICIES = ['top_two', 'none'] as const;
export const COUNTERSIGNERS = ['cluster_leader_head', 'secretariat'] as const;

export function isGroup(node: TypedCriterion | undefined): boolean {
  return Array.isArray(node?.children);
}

/** What the leaves under a node add up to, as typed (a leaf: its own maximum; empty counts 0). */
export function typedMax(node: TypedCriterion | undefined): number {
  if (!node) return 0;
  if (!node.children?.length) return Number(node.maxPoints ?? 0) || 0;
  return node.children.reduce((sum, child) => sum + typedMax(child), 0);
}

/** The tree's total as typed. */
export function typedTotal(criteria: (TypedCriterion | undefined)[] | undefined): number {
  return (criteria ?? []).reduce((sum, node) => sum + typedMax(node), 0);
}

/** Whether a group's stated maximum differs from what its sub-criteria add up to (0.1 + 0.2 = 0.3 here). */
export function sumMismatch(node: TypedCriterion | undefined): boolean {
  const stated = node?.maxPoints;
  if (!isGroup(node) || stated === undefined || stated === null) return false;
  return Math.abs(Number(stated) - typedMax(node)) > 1e-9;
}

/** A share (0.2) as the percent a person types (20), without float dust (0.07 → 7, not 7.000000000000001). */
export function percentOf(share: number | null | undefined): number | null | undefined {
  return share === null || share === undefined ? share : Math.round(share * 1e6) / 1e4;
}

/** The percent typed (20) as the share stored (0.2). */
export function shareOf(percent: number | string | null | undefined): number | null | undefined {
  if (percent === null || percent === undefined || percent === '') return percent === '' ? null : percent;
  return Math.round(Number(percent) * 1e4) / 1e6;
}

const text = (value: string | undefined | null) => (value ?? '').trim();
const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

function criterionToSave(node: TypedCriterion | undefined): Criterion {
  const children = (node?.children ?? []).map(criterionToSave);
  return {
    code: text(node?.code),
    name: text(node?.name),
    ...(given(node?.maxPoints) ? { maxPoints: node.maxPoints } : {}),
    // A group emptied of its sub-criteria is a leaf again (it then needs its own maximum).
    ...(children.length ? { children } : {}),
  };
}

function itemToSave(item: Partial<Item> | undefined): Item {
  return { code: text(item?.code), name: text(item?.name), points: item?.points as number, cap: item?.cap as number };
}

/** Only the conditions set: an unticked box or an emptied field is no condition (as the model rules write it). */
function awardToSave(award: Partial<Award> | undefined): Award {
  const e = award?.eligibility ?? {};
  return {
    code: text(award?.code),
    nameVi: text(award?.nameVi),
    nameEn: text(award?.nameEn),
    level: award?.level as Award['level'],
    ...(given(award?.quotaCount) ? { quotaCount: award.quotaCount } : {}),
    ...(given(award?.quotaShare) ? { quotaShare: award.quotaShare } : {}),
    eligibility: {
      ...(e.requiresSealedPledge ? { requiresSealedPledge: true } : {}),
      ...(given(e.minFinalScore) ? { minFinalScore: e.minFinalScore } : {}),
      ...(e.requiresCategory ? { requiresCategory: e.requiresCategory } : {}),
      ...(e.requiresAdoptedRanking ? { requiresAdoptedRanking: true } : {}),
    },
  };
}

/** Drops the optional fields left empty, so that the API takes their absence (and its default). */
function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => given(field))) as T;
}

/**
 * The content the API is sent from what the form holds (`form.getFieldsValue(true).content`): codes and
 * names trimmed, empty optional fields left out (a unit's emptied ballot weight too), no fixed rotation
 * order when the list is empty. Every other value is sent as typed: the API says what is wrong, at its
 * field.
 */
export function contentToSave(values: Content): Content {
  const { scoring, voting, leaderRotation } = values;
  const fixedOrder = (leaderRotation.fixedOrder ?? []).filter(Boolean);
  const voterWeights = withoutEmpty(voting.voterWeights ?? {});
  return {
    ...values,
    scoring: {
      criteria: (scoring.criteria ?? []).map(criterionToSave),
      bonus: (scoring.bonus ?? []).map(itemToSave),
      penalty: (scoring.penalty ?? []).map(itemToSave),
    },
    awardCategories: (values.awardCategories ?? []).map(awardToSave),
    voting: withoutEmpty({
      ...voting,
      tieBreak: (voting.tieBreak ?? []).filter(Boolean),
      // Units left empty have one ballot; no weight at all is no map.
      voterWeights: Object.keys(voterWeights).length ? voterWeights : undefined,
    }),
    leaderRotation: {
      outgoingLeaderEligible: Boolean(leaderRotation.outgoingLeaderEligible),
      ...(fixedOrder.length ? { fixedOrder } : {}),
    },
    adoptionApprovals: values.adoptionApprovals ?? null,
  };
}

/** Where an API error lands in the form and the key of its sentence under `console.rules.errors`. */
export interface FieldErrorTarget {
  name: (string | number)[];
  key: string;
}

const VOTING_KEYS: Record<string, string> = {
  quorum: 'share',
  awardQuorum: 'share',
  passingThreshold: 'share',
  maxBallotsPerRound: 'maxBallotsPerRound',
  thresholdBase: 'choice',
  runoff: 'choice',
  countingBoardMajority: 'countingBoardMajority',
  minElectronicVotersForBoard: 'minElectronicVotersForBoard',
  abstentionsCountAsCast: 'choice',
  invalidBallotsCountAsCast: 'choice',
  mixedBallots: 'choice',
};

const AWARD_KEYS: Record<string, string> = {
  code: 'awardCode',
  nameVi: 'name',
  nameEn: 'name',
  level: 'choice',
  quotaCount: 'quotaCount',
  quotaShare: 'quotaShare',
  minFinalScore: 'minFinalScore',
  requiresCategory: 'requiresCategory',
  requiresSealedPledge: 'choice',
  requiresAdoptedRanking: 'choice',
};

/**
 * The form field an API field path (`content.awardCategories[1].quotaShare`, as a name path: ui/field-errors'
 * namePath) belongs to and the sentence
 * that says, in the clerk's words, what the API refused there. `content` is what was sent (a group's
 * maximum and a leaf's are said differently). Paths of list items with no field of their own (a tie-break
 * rule, a unit of the rotation order) land on their list; an award without any condition on its first one.
 */
export function fieldErrorTarget(name: (string | number)[], content: Content): FieldErrorTarget {
  const [, section, list] = name;
  const last = name.at(-1);
  if (section === 'scoring' && list === 'criteria') {
    if (name.length === 3) return { name, key: 'criteriaEmpty' };
    if (last === 'children') return { name, key: 'tooDeep' };
    if (last === 'code') return { name, key: 'criterionCode' };
    if (last === 'name') return { name, key: 'name' };
    if (last === 'maxPoints') {
      let node: unknown = { content };
      for (const part of name.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[part];
      const group = ((node as Criterion | undefined)?.children?.length ?? 0) > 0;
      return { name, key: group ? 'groupMax' : 'leafMax' };
    }
  }
  if (section === 'scoring' && (list === 'bonus' || list === 'penalty')) {
    const keys: Record<string, string> = { code: 'itemCode', name: 'name', points: 'points', cap: 'cap' };
    return { name, key: keys[String(last)] ?? 'fallback' };
  }
  if (section === 'awardCategories') {
    if (last === 'eligibility') return { name: [...name, 'requiresSealedPledge'], key: 'eligibilityMissing' };
    return { name, key: AWARD_KEYS[String(last)] ?? 'fallback' };
  }
  if (section === 'voting') {
    if (list === 'tieBreak') return { name: name.slice(0, 3), key: 'tieBreak' };
    if (list === 'voterWeights') return { name, key: 'voterWeight' };
    return { name, key: VOTING_KEYS[String(list)] ?? 'fallback' };
  }
  if (section === 'leaderRotation' && list === 'fixedOrder') return { name: name.slice(0, 3), key: 'fixedOrder' };
  if (section === 'adoptionApprovals') return { name, key: 'adoptionApprovals' };
  if (section === 'pledge') return { name, key: 'choice' };
  return { name, key: 'fallback' };
}
