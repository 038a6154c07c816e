import { defaultRulesContent } from '../rules';
import {
  effectiveFinal,
  formatHundredths,
  normalizePoints,
  parsePoints,
  sheetTotals,
  stageScore,
  type ScoreTree,
  type ScoreValues,
} from './score-values';

const tree: ScoreTree = {
  criteria: [
    {
      code: 'A',
      name: 'A',
      children: [
        { code: 'A1', name: 'A1', maxPoints: 10 },
        { code: 'A2', name: 'A2', children: [{ code: 'A2a', name: 'A2a', maxPoints: 2.5 }] },
      ],
    },
    { code: 'B', name: 'B', maxPoints: 5 },
  ],
  bonus: [{ code: 'BON', name: 'bonus', points: 1, cap: 3 }],
  penalty: [{ code: 'PEN', name: 'penalty', points: 2, cap: 6 }],
};

const entry = (
  itemCode: string,
  selfScore: string | null,
  reviewedScore: string | null = null,
  finalScore: string | null = null,
): ScoreValues => ({
  itemCode,
  selfScore,
  reviewedScore,
  finalScore,
});

describe('score values', () => {
  it('parses decimals with at most two places exactly, negative included, and refuses anything else', () => {
    expect(parsePoints('12.5')).toBe(1250n);
    expect(parsePoints(0.1)).toBe(10n);
    expect(parsePoints('7')).toBe(700n);
    expect(parsePoints(-1)).toBe(-100n);
    expect(parsePoints('1.234')).toBeNull();
    expect(parsePoints('abc')).toBeNull();
    expect(parsePoints(Number.NaN)).toBeNull();
    expect(parsePoints(null)).toBeNull();
    expect(formatHundredths(-305n)).toBe('-3.05');
    expect(normalizePoints(2.5)).toBe('2.50');
  });

  it('takes the final, else the reviewed, else the self score as the final of an entry', () => {
    expect(effectiveFinal(entry('A1', '8.00', '7.00', '7.50'))).toBe('7.50');
    expect(effectiveFinal(entry('A1', '8.00', '7.00'))).toBe('7.00');
    expect(effectiveFinal(entry('A1', '8.00'))).toBe('8.00');
    expect(effectiveFinal(entry('A1', null))).toBeNull();
    expect(stageScore(entry('A1', '8.00'), 'reviewed')).toBe('8.00');
    expect(stageScore(entry('A1', '8.00', '6.00', '9.00'), 'self')).toBe('8.00');
  });

  it('sums leaves per group and adds bonus minus penalty at each stage, without float error', () => {
    const entries = [
      entry('A1', '0.10', '0.20'),
      entry('A2a', '0.20', null, '2.50'),
      entry('B', '0.30'),
      entry('BON', '1.00', '2.00'),
      entry('PEN', '2.00', '4.00', '0.00'),
      entry('UNKNOWN', '99.00'),
    ];
    expect(sheetTotals(tree, entries, 'self')).toEqual({
      criteria: '0.60',
      bonus: '1.00',
      penalty: '2.00',
      total: '-0.40',
      groups: { A: '0.30', B: '0.30' },
    });
    expect(sheetTotals(tree, entries, 'reviewed')).toEqual({
      criteria: '0.70',
      bonus: '2.00',
      penalty: '4.00',
      total: '-1.30',
      groups: { A: '0.40', B: '0.30' },
    });
    expect(sheetTotals(tree, entries, 'final')).toEqual({
      criteria: '3.00',
      bonus: '2.00',
      penalty: '0.00',
      total: '5.00',
      groups: { A: '2.70', B: '0.30' },
    });
  });

  it('scores the default rules to their maximum of 100 when every leaf is full', () => {
    const scoring = defaultRulesContent().scoring;
    const leaves = scoring.criteria.flatMap((group) => group.children ?? [group]);
    const totals = sheetTotals(
      scoring,
      leaves.map((leaf) => entry(leaf.code, String(leaf.maxPoints))),
      'self',
    );
    expect(totals.total).toBe('100.00');
    expect(totals.groups).toEqual({ A: '30.00', B: '45.00', C: '25.00' });
    expect(sheetTotals(scoring, [], 'final').total).toBe('0.00');
  });
});
