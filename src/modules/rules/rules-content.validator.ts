import type { FieldError } from '../../common/errors/domain.exception';
import { computedMaxPoints, isLeaf, samePoints, totalMaxPoints, withComputedMaxima } from './criteria-tree';
import type { AwardCategory, BonusPenaltyItem, CriterionNode, RulesContent } from './rules-content';
import { RulesException } from './rules.exception';

/** Facts from the database the rules are checked against. */
export interface RulesContentContext {
  /** Codes of the cluster's member units today (the fixed rotation order names them). */
  memberUnitCodes: readonly string[];
}

/** Groups within groups, at most this deep: a scoring table people read on paper. */
export const MAX_CRITERIA_DEPTH = 4;

const ROOT = 'content';

class Findings {
  private readonly byField = new Map<string, string[]>();

  add(field: string, message: string): void {
    const messages = this.byField.get(field) ?? [];
    messages.push(message);
    this.byField.set(field, messages);
  }

  list(): FieldError[] {
    return [...this.byField].map(([field, messages]) => ({ field, messages }));
  }
}

function isFraction(value: number): boolean {
  return Number.isFinite(value) && value > 0 && value <= 1;
}

/** Records the first path of each code and reports the later ones. */
function uniqueCodes(findings: Findings, what: string) {
  const seen = new Map<string, string>();
  return (code: string, path: string) => {
    const first = seen.get(code);
    if (first) findings.add(`${path}.code`, `duplicates the ${what} code '${code}' of ${first}`);
    else seen.set(code, path);
  };
}

/** Returns whether every maximum is known, so that sums mean something (no follow-on errors). */
function checkCriteria(findings: Findings, nodes: readonly CriterionNode[]): boolean {
  const claim = uniqueCodes(findings, 'criterion');
  const walk = (list: readonly CriterionNode[], path: string, depth: number): boolean => {
    let complete = true;
    list.forEach((node, index) => {
      const at = `${path}[${index}]`;
      claim(node.code, at);
      if (isLeaf(node)) {
        if (node.maxPoints === undefined || node.maxPoints === null) {
          findings.add(`${at}.maxPoints`, `the leaf criterion '${node.code}' needs maxPoints`);
          complete = false;
        } else if (!(node.maxPoints > 0)) {
          findings.add(`${at}.maxPoints`, `must be a positive number of points (it is ${node.maxPoints})`);
          complete = false;
        }
        return;
      }
      if (depth >= MAX_CRITERIA_DEPTH) {
        findings.add(`${at}.children`, `criteria nest at most ${MAX_CRITERIA_DEPTH} levels deep`);
        complete = false;
        return;
      }
      const childrenComplete = walk(node.children!, `${at}.children`, depth + 1);
      complete &&= childrenComplete;
      if (node.maxPoints === undefined || node.maxPoints === null) return;
      if (node.maxPoints < 0) {
        findings.add(`${at}.maxPoints`, `must not be negative (it is ${node.maxPoints})`);
        complete = false;
      } else if (childrenComplete && !samePoints(node.maxPoints, computedMaxPoints(node))) {
        findings.add(
          `${at}.maxPoints`,
          `is ${node.maxPoints} but the children of '${node.code}' add up to ${computedMaxPoints(node)}; state the sum or leave it out`,
        );
      }
    });
    return complete;
  };
  if (nodes.length === 0) {
    findings.add(`${ROOT}.scoring.criteria`, 'the scoring table needs at least one criterion');
    return false;
  }
  return walk(nodes, `${ROOT}.scoring.criteria`, 1);
}

function checkBonusPenalty(
  findings: Findings,
  bonus: readonly BonusPenaltyItem[],
  penalty: readonly BonusPenaltyItem[],
) {
  // Bonus and penalty items are one list of codes: a score sheet names an item by its code alone.
  const claim = uniqueCodes(findings, 'bonus or penalty');
  const check = (items: readonly BonusPenaltyItem[], path: string) =>
    items.forEach((item, index) => {
      const at = `${path}[${index}]`;
      claim(item.code, at);
      if (!(item.points > 0))
        findings.add(`${at}.points`, `must be a positive number of points (it is ${item.points})`);
      if (item.cap === undefined || item.cap === null) {
        findings.add(`${at}.cap`, `'${item.code}' needs a cap: the most it can count in total`);
      } else if (!(item.cap > 0)) {
        findings.add(`${at}.cap`, `must be a positive number of points (it is ${item.cap})`);
      } else if (item.points > item.cap) {
        findings.add(`${at}.points`, `is ${item.points}, more than the cap of ${item.cap}`);
      }
    });
  check(bonus, `${ROOT}.scoring.bonus`);
  check(penalty, `${ROOT}.scoring.penalty`);
}

function hasCondition(category: AwardCategory): boolean {
  const e = category.eligibility;
  if (!e) return false;
  return (
    e.requiresSealedPledge === true ||
    e.requiresAdoptedRanking === true ||
    (e.minFinalScore !== undefined && e.minFinalScore !== null) ||
    (e.requiresCategory !== undefined && e.requiresCategory !== null)
  );
}

/** `criteriaComplete`: the total maximum is known, so a minimum score can be compared with it. */
function checkCategories(findings: Findings, content: RulesContent, criteriaComplete: boolean): void {
  const categories = content.awardCategories;
  const claim = uniqueCodes(findings, 'award category');
  const byCode = new Map(categories.map((category) => [category.code, category]));
  const highestFinal = totalMaxPoints(content) + content.scoring.bonus.reduce((sum, item) => sum + (item.cap ?? 0), 0);
  categories.forEach((category, index) => {
    const at = `${ROOT}.awardCategories[${index}]`;
    claim(category.code, at);
    if (category.quotaCount !== undefined && category.quotaCount !== null && !(category.quotaCount >= 1)) {
      findings.add(`${at}.quotaCount`, `must be at least 1 (it is ${category.quotaCount})`);
    }
    if (category.quotaShare !== undefined && category.quotaShare !== null && !isFraction(category.quotaShare)) {
      findings.add(`${at}.quotaShare`, `is a share of the eligible units in (0, 1] (it is ${category.quotaShare})`);
    }
    if (!hasCondition(category)) {
      findings.add(
        `${at}.eligibility`,
        `'${category.code}' needs at least one eligibility condition: requiresSealedPledge, minFinalScore, requiresCategory or requiresAdoptedRanking`,
      );
      return;
    }
    const { minFinalScore, requiresCategory } = category.eligibility;
    if (minFinalScore !== undefined && minFinalScore !== null) {
      if (minFinalScore < 0) {
        findings.add(`${at}.eligibility.minFinalScore`, `must not be negative (it is ${minFinalScore})`);
      } else if (criteriaComplete && minFinalScore > highestFinal + 1e-9) {
        findings.add(
          `${at}.eligibility.minFinalScore`,
          `is ${minFinalScore}, above the highest possible final score (${highestFinal})`,
        );
      }
    }
    if (requiresCategory !== undefined && requiresCategory !== null) {
      const field = `${at}.eligibility.requiresCategory`;
      if (requiresCategory === category.code) findings.add(field, `'${category.code}' cannot require itself`);
      else if (!byCode.has(requiresCategory))
        findings.add(field, `names no award category of this version ('${requiresCategory}')`);
      else if (requiresChainLoops(category.code, byCode))
        findings.add(field, `'${category.code}' requires itself through other categories`);
    }
  });
}

function requiresChainLoops(start: string, byCode: ReadonlyMap<string, AwardCategory>): boolean {
  const visited = new Set<string>([start]);
  let next = byCode.get(start)?.eligibility?.requiresCategory;
  while (next) {
    if (visited.has(next)) return next === start;
    visited.add(next);
    next = byCode.get(next)?.eligibility?.requiresCategory;
  }
  return false;
}

function checkVoting(findings: Findings, content: RulesContent): void {
  const voting = content.voting;
  const at = `${ROOT}.voting`;
  for (const field of ['quorum', 'awardQuorum', 'passingThreshold'] as const) {
    if (!isFraction(voting[field])) findings.add(`${at}.${field}`, `is a share in (0, 1] (it is ${voting[field]})`);
  }
  if (!(Number.isInteger(voting.maxBallotsPerRound) && voting.maxBallotsPerRound >= 1)) {
    findings.add(
      `${at}.maxBallotsPerRound`,
      `must be a whole number of at least 1 (it is ${voting.maxBallotsPerRound})`,
    );
  }
  if (voting.tieBreak.length === 0) {
    findings.add(`${at}.tieBreak`, 'needs at least one rule, e.g. recorded_draw, so that every tie ends');
  }
  voting.tieBreak.forEach((rule, index) => {
    if (voting.tieBreak.indexOf(rule) !== index) findings.add(`${at}.tieBreak[${index}]`, `repeats '${rule}'`);
  });
}

function checkVoterWeights(findings: Findings, content: RulesContent, context: RulesContentContext): void {
  const minimum = content.voting.minElectronicVotersForBoard;
  if (minimum !== undefined && !(Number.isInteger(minimum) && minimum >= 1 && minimum <= 1000)) {
    findings.add(
      `${ROOT}.voting.minElectronicVotersForBoard`,
      `must be a whole number from 1 to 1000 (it is ${String(minimum)})`,
    );
  }
  const members = new Set(context.memberUnitCodes);
  for (const [code, weight] of Object.entries(content.voting.voterWeights ?? {})) {
    const field = `${ROOT}.voting.voterWeights.${code}`;
    if (!members.has(code)) findings.add(field, `'${code}' is not a member unit of the cluster today`);
    if (!(Number.isInteger(weight) && weight >= 1 && weight <= 100)) {
      findings.add(field, `must be a whole number from 1 to 100 (it is ${String(weight)})`);
    }
  }
}

function checkRotationAndAdoption(findings: Findings, content: RulesContent, context: RulesContentContext): void {
  const members = new Set(context.memberUnitCodes);
  const order = content.leaderRotation.fixedOrder ?? [];
  order.forEach((code, index) => {
    const field = `${ROOT}.leaderRotation.fixedOrder[${index}]`;
    if (!members.has(code)) findings.add(field, `'${code}' is not a member unit of the cluster today`);
    else if (order.indexOf(code) !== index) findings.add(field, `'${code}' appears more than once`);
  });
  const k = content.adoptionApprovals;
  if (k !== undefined && k !== null) {
    if (!(Number.isInteger(k) && k >= 1)) {
      findings.add(`${ROOT}.adoptionApprovals`, `must be a whole number of at least 1, or null (it is ${k})`);
    } else if (k > members.size) {
      findings.add(`${ROOT}.adoptionApprovals`, `is ${k}, more than the ${members.size} member units of the cluster`);
    }
  }
}

/** Every rule a rules content breaks, each under its field path (`content.voting.quorum`). */
export function rulesContentErrors(content: RulesContent, context: RulesContentContext): FieldError[] {
  const findings = new Findings();
  const criteriaComplete = checkCriteria(findings, content.scoring.criteria);
  checkBonusPenalty(findings, content.scoring.bonus, content.scoring.penalty);
  checkCategories(findings, content, criteriaComplete);
  checkVoting(findings, content);
  checkVoterWeights(findings, content, context);
  checkRotationAndAdoption(findings, content, context);
  return findings.list();
}

/**
 * The content as it is stored: checked (RulesException `rules_content_invalid` listing every
 * problem) and with each parent criterion's maximum filled in as the sum of its children.
 */
export function validRulesContent(content: RulesContent, context: RulesContentContext): RulesContent {
  const errors = rulesContentErrors(content, context);
  if (errors.length > 0) throw RulesException.contentInvalid(errors);
  return { ...content, scoring: { ...content.scoring, criteria: withComputedMaxima(content.scoring.criteria) } };
}
