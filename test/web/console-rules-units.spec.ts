import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { RulesContent } from '../../src/modules/rules/rules-content';
import { defaultRulesContent } from '../../src/modules/rules/rules-defaults';
import { rulesContentErrors } from '../../src/modules/rules/rules-content.validator';

/** web/ is an ES module package: its pure file is compiled here to CommonJS and run (as portal-officer-units.spec.ts does). */
function webModule<T>(path: string): T {
  const source = readFileSync(join(__dirname, '../../web/src', path), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as T };
  new Function('module', 'exports', outputText)(module, module.exports);
  return module.exports;
}

type RulesForm = typeof import('../../web/src/console/rules/rules-form.js', { with: { 'resolution-mode': 'import' } });
const { contentToSave, fieldErrorTarget, percentOf, shareOf, sumMismatch, typedMax, typedTotal } =
  webModule<RulesForm>('console/rules/rules-form.ts');
type Content = Parameters<RulesForm['contentToSave']>[0];
const { contentChanges } = webModule<
  typeof import('../../web/src/console/rules/content-diff.js', { with: { 'resolution-mode': 'import' } })
>('console/rules/content-diff.ts');

/** `content.a[1].b` → name path, as web/src/ui/field-errors namePath does. */
const path = (field: string) =>
  field
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

const model = () => defaultRulesContent() as unknown as Content;

/** The console's rules editor, pure parts: sums as typed, the content sent, where the API's refusals land. */
describe('the console rules editor, pure parts', () => {
  describe('sums as typed', () => {
    it('adds up leaves, counts an empty maximum as 0 and a group without sub-criteria as its own maximum', () => {
      const group = { code: 'D', children: [{ maxPoints: 4 }, { maxPoints: null }, { maxPoints: 2.5 }] };
      expect(typedMax(group)).toBe(6.5);
      expect(typedMax({ code: 'E', maxPoints: 3, children: [] })).toBe(3);
      expect(typedTotal([...model().scoring.criteria, group])).toBe(106.5);
    });
    it("says when a group's stated maximum is not its children's sum, decimals included", () => {
      expect(sumMismatch({ maxPoints: 0.3, children: [{ maxPoints: 0.1 }, { maxPoints: 0.2 }] })).toBe(false);
      expect(sumMismatch({ maxPoints: 30, children: [{ maxPoints: 12 }, { maxPoints: 20 }] })).toBe(true);
      expect(sumMismatch({ maxPoints: null, children: [{ maxPoints: 12 }] })).toBe(false);
      expect(sumMismatch({ maxPoints: 5 })).toBe(false);
    });
  });

  it('types shares as percents and stores percents as shares, without float dust', () => {
    expect(percentOf(0.2)).toBe(20);
    expect(percentOf(0.07)).toBe(7);
    expect(percentOf(2 / 3)).toBe(66.6667);
    expect(shareOf(20)).toBe(0.2);
    expect(shareOf(7)).toBe(0.07);
    expect(shareOf(150)).toBe(1.5);
    expect(shareOf(null)).toBeNull();
    expect(shareOf(undefined)).toBeUndefined();
  });

  describe(contentToSave.name, () => {
    it('sends the model rules unchanged when nothing was typed (a comparison shows no change)', () => {
      expect(contentToSave(model())).toEqual(defaultRulesContent());
    });

    it('trims, leaves out what was emptied, makes an emptied group a leaf and an empty rotation order none', () => {
      const content = model();
      content.scoring.criteria.push({
        code: ' D ',
        name: ' Chuyển đổi số ',
        maxPoints: null as unknown as number,
        children: [
          { code: 'D1', name: 'Phần mềm', maxPoints: 5 },
          { code: 'D2', name: 'Dữ liệu', maxPoints: 5, children: [] },
        ],
      });
      content.awardCategories.push({
        code: 'PROVINCE-FLAG',
        nameVi: 'Cờ thi đua cấp tỉnh',
        nameEn: 'Province flag',
        level: 'province_flag',
        quotaCount: null as unknown as number,
        quotaShare: 0.2,
        eligibility: {
          requiresSealedPledge: false,
          minFinalScore: 80,
          requiresCategory: 'MERIT',
          requiresAdoptedRanking: undefined,
        },
      });
      content.voting.countingBoardMajority = null as unknown as number;
      content.voting.tieBreak = ['recorded_draw', undefined as never, 'higher_final_score'];
      content.leaderRotation.fixedOrder = [];
      content.voting.voterWeights = { 'son-la': 2, 'lai-chau': null as unknown as number };
      const sent = contentToSave(content);
      expect(sent.scoring.criteria[3]).toEqual({
        code: 'D',
        name: 'Chuyển đổi số',
        children: [
          { code: 'D1', name: 'Phần mềm', maxPoints: 5 },
          { code: 'D2', name: 'Dữ liệu', maxPoints: 5 },
        ],
      });
      expect(sent.awardCategories[3]).toEqual({
        code: 'PROVINCE-FLAG',
        nameVi: 'Cờ thi đua cấp tỉnh',
        nameEn: 'Province flag',
        level: 'province_flag',
        quotaShare: 0.2,
        eligibility: { minFinalScore: 80, requiresCategory: 'MERIT' },
      });
      expect(sent.voting).not.toHaveProperty('countingBoardMajority');
      expect(sent.voting.voterWeights).toEqual({ 'son-la': 2 });
      content.voting.voterWeights = { 'son-la': undefined as unknown as number };
      expect(contentToSave(content).voting).not.toHaveProperty('voterWeights');
      expect(sent.voting.tieBreak).toEqual(['recorded_draw', 'higher_final_score']);
      expect(sent.leaderRotation).toEqual({ outgoingLeaderEligible: false });
      // What is sent is what the API checks: this content is valid.
      expect(rulesContentErrors(sent as unknown as RulesContent, { memberUnitCodes: ['son-la'] })).toEqual([]);
    });
  });

  describe(fieldErrorTarget.name, () => {
    /** Every field path the API's validator reports for a broken content, with where it lands and its sentence. */
    it("lands each of the API's field paths at its field with a sentence of its own", () => {
      const content = model();
      content.scoring.criteria[0].maxPoints = 32;
      content.scoring.criteria[1].children![0].maxPoints = 0;
      content.scoring.criteria[2].code = 'A';
      content.scoring.bonus[0].cap = 0;
      content.scoring.penalty[1].points = 9;
      content.awardCategories[1].quotaShare = 1.5;
      content.awardCategories[1].quotaCount = 0;
      content.awardCategories[2].eligibility = {};
      content.awardCategories[0].eligibility.requiresCategory = 'NOPE';
      content.awardCategories[0].eligibility.minFinalScore = -5;
      content.voting.quorum = 0;
      content.voting.tieBreak = ['recorded_draw', 'recorded_draw'];
      content.leaderRotation.fixedOrder = ['son-la', 'atlantis'];
      content.adoptionApprovals = 9;
      const errors = rulesContentErrors(content as unknown as RulesContent, { memberUnitCodes: ['son-la'] });
      const landed = Object.fromEntries(
        errors.map(({ field }) => {
          const { name, key } = fieldErrorTarget(path(field), content);
          return [field, `${name.join('/')} ${key}`];
        }),
      );
      expect(landed).toEqual({
        'content.scoring.criteria[0].maxPoints': 'content/scoring/criteria/0/maxPoints groupMax',
        'content.scoring.criteria[1].children[0].maxPoints': 'content/scoring/criteria/1/children/0/maxPoints leafMax',
        'content.scoring.criteria[2].code': 'content/scoring/criteria/2/code criterionCode',
        'content.scoring.bonus[0].cap': 'content/scoring/bonus/0/cap cap',
        'content.scoring.penalty[1].points': 'content/scoring/penalty/1/points points',
        'content.awardCategories[1].quotaShare': 'content/awardCategories/1/quotaShare quotaShare',
        'content.awardCategories[1].quotaCount': 'content/awardCategories/1/quotaCount quotaCount',
        'content.awardCategories[2].eligibility':
          'content/awardCategories/2/eligibility/requiresSealedPledge eligibilityMissing',
        'content.awardCategories[0].eligibility.requiresCategory':
          'content/awardCategories/0/eligibility/requiresCategory requiresCategory',
        'content.awardCategories[0].eligibility.minFinalScore':
          'content/awardCategories/0/eligibility/minFinalScore minFinalScore',
        'content.voting.quorum': 'content/voting/quorum share',
        'content.voting.tieBreak[1]': 'content/voting/tieBreak tieBreak',
        'content.leaderRotation.fixedOrder[1]': 'content/leaderRotation/fixedOrder fixedOrder',
        'content.adoptionApprovals': 'content/adoptionApprovals adoptionApprovals',
      });
    });

    it("lands the shape's refusals (400) too, and an empty table at the criteria's list", () => {
      const content = model();
      const land = (field: string) => {
        const { name, key } = fieldErrorTarget(path(field), content);
        return `${name.join('/')} ${key}`;
      };
      expect(land('content.scoring.criteria')).toBe('content/scoring/criteria criteriaEmpty');
      expect(land('content.scoring.criteria[0].children[1].name')).toBe(
        'content/scoring/criteria/0/children/1/name name',
      );
      expect(land('content.awardCategories[0].level')).toBe('content/awardCategories/0/level choice');
      expect(land('content.voting.countingBoardMajority')).toBe(
        'content/voting/countingBoardMajority countingBoardMajority',
      );
      expect(land('content.voting.voterWeights.son-la')).toBe('content/voting/voterWeights/son-la voterWeight');
      expect(land('content.somethingNew')).toBe('content/somethingNew fallback');
    });
  });

  it('has a sentence for every key it names, in both languages', () => {
    const keys = ['criteriaEmpty', 'tooDeep', 'criterionCode', 'name', 'groupMax', 'leafMax', 'itemCode', 'points'];
    const more = ['cap', 'awardCode', 'choice', 'quotaCount', 'quotaShare', 'minFinalScore', 'requiresCategory'];
    const rest = ['eligibilityMissing', 'share', 'maxBallotsPerRound', 'countingBoardMajority'];
    const last = [
      'minElectronicVotersForBoard',
      'tieBreak',
      'voterWeight',
      'fixedOrder',
      'adoptionApprovals',
      'fallback',
    ];
    for (const language of ['vi', 'en']) {
      const messages = JSON.parse(
        readFileSync(join(__dirname, `../../web/src/console/rules/messages.${language}.json`), 'utf8'),
      ) as { console: { rules: { errors: Record<string, string> } } };
      expect(Object.keys(messages.console.rules.errors).sort()).toEqual([...keys, ...more, ...rest, ...last].sort());
    }
  });

  describe(contentChanges.name, () => {
    it('reports structural changes: rows added and removed, a reordered list, a new rotation order', () => {
      const left = defaultRulesContent();
      const right = defaultRulesContent();
      right.scoring.criteria[2].children!.pop();
      right.awardCategories.push({
        code: 'PROVINCE-FLAG',
        nameVi: 'Cờ thi đua cấp tỉnh',
        nameEn: 'Province flag',
        level: 'province_flag',
        quotaShare: 0.2,
        eligibility: { minFinalScore: 80 },
      });
      right.voting.tieBreak = ['recorded_draw', 'higher_final_score', 'women_led_unit'];
      right.leaderRotation.fixedOrder = ['son-la'];
      const changes = contentChanges(left, right).map(({ path, left: was, right: is }) => [path, was, is]);
      expect(changes).toEqual(
        expect.arrayContaining([
          ['scoring.criteria[2].children[2].code', 'C3', undefined],
          ['scoring.criteria[2].children[2].maxPoints', 5, undefined],
          ['awardCategories[3].code', undefined, 'PROVINCE-FLAG'],
          ['awardCategories[3].quotaShare', undefined, 0.2],
          ['awardCategories[3].eligibility.minFinalScore', undefined, 80],
          ['voting.tieBreak[0]', 'higher_final_score', 'recorded_draw'],
          ['voting.tieBreak[1]', 'women_led_unit', 'higher_final_score'],
          ['voting.tieBreak[2]', 'recorded_draw', 'women_led_unit'],
          ['leaderRotation.fixedOrder[0]', undefined, 'son-la'],
        ]),
      );
      expect(changes).toHaveLength(13);
    });
  });
});
