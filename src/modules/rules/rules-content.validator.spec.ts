import type { FieldError } from '../../common/errors/domain.exception';
import { totalMaxPoints } from './criteria-tree';
import type { RulesContent } from './rules-content';
import { rulesContentErrors, validRulesContent, type RulesContentContext } from './rules-content.validator';
import { defaultRulesContent } from './rules-defaults';
import { RulesErrorCode, RulesException } from './rules.exception';

const MEMBERS: RulesContentContext = {
  memberUnitCodes: ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai', 'lang-son'],
};

/** The defaults, changed by `edit`: each case breaks exactly one rule. */
function errorsOf(edit: (content: RulesContent) => void, context = MEMBERS): FieldError[] {
  const content = defaultRulesContent();
  edit(content);
  return rulesContentErrors(content, context);
}

function fieldsOf(errors: FieldError[]): string[] {
  return errors.map((error) => error.field);
}

describe('rules-content.validator', () => {
  describe('the defaults', () => {
    it('are valid and add up to 100', () => {
      expect(rulesContentErrors(defaultRulesContent(), MEMBERS)).toEqual([]);
      expect(totalMaxPoints(defaultRulesContent())).toBe(100);
    });

    it('are valid for a cluster without members too (nothing in them names a unit)', () => {
      expect(rulesContentErrors(defaultRulesContent(), { memberUnitCodes: [] })).toEqual([]);
    });
  });

  describe('leaf criteria carry maxPoints', () => {
    it('refuses a leaf without maxPoints, naming its path', () => {
      const errors = errorsOf((c) => delete c.scoring.criteria[1].children![2].maxPoints);
      expect(errors).toEqual([
        { field: 'content.scoring.criteria[1].children[2].maxPoints', messages: [expect.stringContaining("'B3'")] },
      ]);
    });

    it('refuses a top-level leaf without maxPoints', () => {
      const errors = errorsOf((c) => c.scoring.criteria.push({ code: 'D', name: 'Khác' }));
      expect(fieldsOf(errors)).toEqual(['content.scoring.criteria[3].maxPoints']);
    });

    it('refuses a tree with no criteria at all', () => {
      expect(fieldsOf(errorsOf((c) => (c.scoring.criteria = [])))).toEqual(['content.scoring.criteria']);
    });
  });

  describe("a parent's maximum is the sum of its children", () => {
    it('refuses a stated maximum that is not the sum', () => {
      const errors = errorsOf((c) => (c.scoring.criteria[0].maxPoints = 35));
      expect(errors).toEqual([
        {
          field: 'content.scoring.criteria[0].maxPoints',
          messages: [expect.stringMatching(/is 35 but the children of 'A' add up to 30/)],
        },
      ]);
    });

    it('fills in an omitted parent maximum, and accepts decimals that add up', () => {
      const content = defaultRulesContent();
      delete content.scoring.criteria[2].maxPoints;
      content.scoring.criteria[2].children = [
        { code: 'C1', name: 'x', maxPoints: 12.1 },
        { code: 'C2', name: 'y', maxPoints: 12.9 },
      ];
      const valid = validRulesContent(content, MEMBERS);
      expect(valid.scoring.criteria[2].maxPoints).toBeCloseTo(25);
      expect(content.scoring.criteria[2].maxPoints).toBeUndefined();
    });

    it('refuses trees deeper than four levels', () => {
      const deep = {
        code: 'L1',
        name: '1',
        children: [
          {
            code: 'L2',
            name: '2',
            children: [
              {
                code: 'L3',
                name: '3',
                children: [{ code: 'L4', name: '4', children: [{ code: 'L5', name: '5', maxPoints: 1 }] }],
              },
            ],
          },
        ],
      };
      expect(fieldsOf(errorsOf((c) => c.scoring.criteria.push(deep)))).toEqual([
        'content.scoring.criteria[3].children[0].children[0].children[0].children',
      ]);
    });
  });

  describe('points are not negative', () => {
    it('refuses a negative leaf maximum', () => {
      const errors = errorsOf((c) => (c.scoring.criteria[0].children![0].maxPoints = -5));
      expect(fieldsOf(errors)).toContain('content.scoring.criteria[0].children[0].maxPoints');
    });

    it('refuses negative bonus points and a negative minimum final score', () => {
      const errors = errorsOf((c) => {
        c.scoring.bonus[0].points = -1;
        c.awardCategories[2].eligibility.minFinalScore = -10;
      });
      expect(fieldsOf(errors)).toEqual([
        'content.scoring.bonus[0].points',
        'content.awardCategories[2].eligibility.minFinalScore',
      ]);
    });
  });

  describe('bonus and penalty items have caps', () => {
    it('refuses an item without a cap', () => {
      const errors = errorsOf((c) => delete (c.scoring.penalty[1] as { cap?: number }).cap);
      expect(errors).toEqual([
        { field: 'content.scoring.penalty[1].cap', messages: [expect.stringContaining("'PEN-VIOLATION' needs a cap")] },
      ]);
    });

    it('refuses points per occurrence above the cap', () => {
      const errors = errorsOf((c) => (c.scoring.bonus[1].points = 3));
      expect(errors).toEqual([
        { field: 'content.scoring.bonus[1].points', messages: ['is 3, more than the cap of 2'] },
      ]);
    });
  });

  describe('shares are in (0, 1]', () => {
    it.each([
      [
        'a quota over 100%',
        (c: RulesContent) => (c.awardCategories[0].quotaShare = 1.2),
        'content.awardCategories[0].quotaShare',
      ],
      [
        'a quota of 0',
        (c: RulesContent) => (c.awardCategories[0].quotaShare = 0),
        'content.awardCategories[0].quotaShare',
      ],
      ['a quorum of 0', (c: RulesContent) => (c.voting.quorum = 0), 'content.voting.quorum'],
      ['a quorum above 1', (c: RulesContent) => (c.voting.quorum = 1.5), 'content.voting.quorum'],
      ['an award quorum above 1', (c: RulesContent) => (c.voting.awardQuorum = 80), 'content.voting.awardQuorum'],
      [
        'a negative threshold',
        (c: RulesContent) => (c.voting.passingThreshold = -0.5),
        'content.voting.passingThreshold',
      ],
    ])('refuses %s', (_case, edit, field) => {
      expect(fieldsOf(errorsOf(edit))).toEqual([field]);
    });

    it('accepts exactly 1 (unanimity)', () => {
      expect(errorsOf((c) => (c.voting.passingThreshold = 1))).toEqual([]);
    });

    it('refuses a quota count below 1', () => {
      expect(fieldsOf(errorsOf((c) => (c.awardCategories[1].quotaCount = 0)))).toEqual([
        'content.awardCategories[1].quotaCount',
      ]);
    });
  });

  describe('every award category has an eligibility condition', () => {
    it('refuses an empty eligibility', () => {
      const errors = errorsOf((c) => (c.awardCategories[2].eligibility = {}));
      expect(fieldsOf(errors)).toEqual(['content.awardCategories[2].eligibility']);
    });

    it('refuses a missing eligibility, and one whose only flags are false', () => {
      const errors = errorsOf((c) => {
        delete (c.awardCategories[2] as { eligibility?: unknown }).eligibility;
        c.awardCategories[1].eligibility = { requiresSealedPledge: false, requiresAdoptedRanking: false };
      });
      expect(fieldsOf(errors)).toEqual([
        'content.awardCategories[1].eligibility',
        'content.awardCategories[2].eligibility',
      ]);
    });

    it('refuses a minimum score above the highest possible final score (criteria plus bonus caps)', () => {
      expect(errorsOf((c) => (c.awardCategories[2].eligibility.minFinalScore = 105))).toEqual([]);
      expect(fieldsOf(errorsOf((c) => (c.awardCategories[2].eligibility.minFinalScore = 106)))).toEqual([
        'content.awardCategories[2].eligibility.minFinalScore',
      ]);
    });
  });

  describe('codes are unique', () => {
    it('refuses two criteria with one code, anywhere in the tree', () => {
      const errors = errorsOf((c) => (c.scoring.criteria[2].children![0].code = 'A1'));
      expect(errors).toEqual([
        {
          field: 'content.scoring.criteria[2].children[0].code',
          messages: ["duplicates the criterion code 'A1' of content.scoring.criteria[0].children[0]"],
        },
      ]);
    });

    it('refuses a penalty with the code of a bonus (one list of codes)', () => {
      const errors = errorsOf((c) => (c.scoring.penalty[0].code = 'BONUS-MODEL'));
      expect(fieldsOf(errors)).toEqual(['content.scoring.penalty[0].code']);
    });

    it('refuses two award categories with one code', () => {
      const errors = errorsOf((c) => (c.awardCategories[2].code = 'GOV-FLAG'));
      expect(fieldsOf(errors)).toEqual(['content.awardCategories[2].code']);
    });

    it('lets a criterion and a category share a code (different lists)', () => {
      expect(errorsOf((c) => (c.awardCategories[2].code = 'A'))).toEqual([]);
    });
  });

  describe('requiresCategory names a category of the version', () => {
    it('refuses an unknown category', () => {
      const errors = errorsOf((c) => (c.awardCategories[0].eligibility.requiresCategory = 'PROVINCE-FLAG'));
      expect(errors).toEqual([
        {
          field: 'content.awardCategories[0].eligibility.requiresCategory',
          messages: ["names no award category of this version ('PROVINCE-FLAG')"],
        },
      ]);
    });

    it('refuses a category that requires itself, directly or in a loop', () => {
      expect(fieldsOf(errorsOf((c) => (c.awardCategories[2].eligibility.requiresCategory = 'MERIT')))).toEqual([
        'content.awardCategories[2].eligibility.requiresCategory',
      ]);
      expect(fieldsOf(errorsOf((c) => (c.awardCategories[1].eligibility.requiresCategory = 'GOV-FLAG')))).toEqual([
        'content.awardCategories[0].eligibility.requiresCategory',
        'content.awardCategories[1].eligibility.requiresCategory',
      ]);
    });
  });

  describe('the fixed rotation order names member units once', () => {
    it('accepts an order of member units', () => {
      expect(errorsOf((c) => (c.leaderRotation.fixedOrder = ['son-la', 'lang-son', 'cao-bang']))).toEqual([]);
    });

    it('refuses a unit that is not a member today', () => {
      const errors = errorsOf((c) => (c.leaderRotation.fixedOrder = ['son-la', 'ha-noi']));
      expect(errors).toEqual([
        {
          field: 'content.leaderRotation.fixedOrder[1]',
          messages: ["'ha-noi' is not a member unit of the cluster today"],
        },
      ]);
    });

    it('refuses a unit named twice', () => {
      const errors = errorsOf((c) => (c.leaderRotation.fixedOrder = ['son-la', 'lai-chau', 'son-la']));
      expect(fieldsOf(errors)).toEqual(['content.leaderRotation.fixedOrder[2]']);
    });
  });

  describe('ballots and tie-breaks', () => {
    it('refuses fewer than one ballot per round, and a fractional count', () => {
      expect(fieldsOf(errorsOf((c) => (c.voting.maxBallotsPerRound = 0)))).toEqual([
        'content.voting.maxBallotsPerRound',
      ]);
      expect(fieldsOf(errorsOf((c) => (c.voting.maxBallotsPerRound = 1.5)))).toEqual([
        'content.voting.maxBallotsPerRound',
      ]);
    });

    it('refuses an empty tie-break order', () => {
      expect(fieldsOf(errorsOf((c) => (c.voting.tieBreak = [])))).toEqual(['content.voting.tieBreak']);
    });

    it('refuses a tie-break rule listed twice', () => {
      const errors = errorsOf((c) => (c.voting.tieBreak = ['higher_final_score', 'higher_final_score']));
      expect(fieldsOf(errors)).toEqual(['content.voting.tieBreak[1]']);
    });

    it('accepts a board minimum for mixed polls from 1 to 1000, and none', () => {
      expect(errorsOf((c) => (c.voting.minElectronicVotersForBoard = 1))).toEqual([]);
      expect(errorsOf((c) => (c.voting.minElectronicVotersForBoard = 1000))).toEqual([]);
      for (const bad of [0, 1001, 2.5]) {
        expect(fieldsOf(errorsOf((c) => (c.voting.minElectronicVotersForBoard = bad)))).toEqual([
          'content.voting.minElectronicVotersForBoard',
        ]);
      }
    });
  });

  describe('adoption approvals (k of n)', () => {
    it('accepts null and any k from 1 to the members', () => {
      expect(errorsOf((c) => (c.adoptionApprovals = null))).toEqual([]);
      expect(errorsOf((c) => (c.adoptionApprovals = 7))).toEqual([]);
    });

    it('refuses k above the number of member units, and k below 1', () => {
      expect(fieldsOf(errorsOf((c) => (c.adoptionApprovals = 8)))).toEqual(['content.adoptionApprovals']);
      expect(fieldsOf(errorsOf((c) => (c.adoptionApprovals = 0)))).toEqual(['content.adoptionApprovals']);
    });
  });

  describe(validRulesContent.name, () => {
    it('throws rules_content_invalid listing every broken rule at once', () => {
      const content = defaultRulesContent();
      content.voting.quorum = 2;
      content.voting.tieBreak = [];
      content.awardCategories[0].quotaShare = 1.5;
      let thrown: unknown;
      try {
        validRulesContent(content, MEMBERS);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RulesException);
      expect(thrown).toMatchObject({
        code: RulesErrorCode.ContentInvalid,
        extensions: {
          errors: [
            { field: 'content.awardCategories[0].quotaShare', messages: [expect.any(String)] },
            { field: 'content.voting.quorum', messages: [expect.any(String)] },
            { field: 'content.voting.tieBreak', messages: [expect.any(String)] },
          ],
        },
      });
    });
  });
});
