import type { CriterionNode, RulesContent } from './rules-content';

/** Sums of points compare within this: points may be decimals (2.5), and 0.1 + 0.2 ≠ 0.3. */
const EPSILON = 1e-9;

export function samePoints(a: number, b: number): boolean {
  return Math.abs(a - b) < EPSILON;
}

export function isLeaf(node: CriterionNode): boolean {
  return !node.children || node.children.length === 0;
}

/** A node's maximum: a leaf's own, a parent's the sum of its children (whatever it states). */
export function computedMaxPoints(node: CriterionNode): number {
  if (isLeaf(node)) return node.maxPoints ?? 0;
  return node.children!.reduce((sum, child) => sum + computedMaxPoints(child), 0);
}

/** The tree with every parent's maximum filled in as the sum of its children. */
export function withComputedMaxima(nodes: readonly CriterionNode[]): CriterionNode[] {
  return nodes.map((node) =>
    isLeaf(node)
      ? { ...node }
      : { ...node, maxPoints: computedMaxPoints(node), children: withComputedMaxima(node.children!) },
  );
}

/** The most a unit can score on the criteria (bonus and penalty aside). */
export function totalMaxPoints(content: RulesContent): number {
  return content.scoring.criteria.reduce((sum, node) => sum + computedMaxPoints(node), 0);
}
