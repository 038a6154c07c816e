import type { AwardCategory } from '../rules';
import { eligibleForCategory, nextInRotation, refusalOf, type EligibilityFacts } from './candidate-eligibility';

const codes = ['cao-bang', 'dien-bien', 'ha-giang', 'lai-chau', 'lang-son', 'lao-cai', 'son-la'];
const members = codes.map((code) => ({ unitId: `id-${code}`, code }));
const ALLIANCE: AwardCategory = {
  code: 'ALLIANCE-FLAG',
  nameVi: 'Cờ thi đua',
  nameEn: 'Alliance flag',
  level: 'alliance_flag',
  quotaCount: 1,
  eligibility: { requiresSealedPledge: true, requiresAdoptedRanking: true, minFinalScore: 80 },
};
const GOV: AwardCategory = {
  code: 'GOV-FLAG',
  nameVi: 'Cờ thi đua của Chính phủ',
  nameEn: 'Government flag',
  level: 'government_flag',
  quotaShare: 0.2,
  eligibility: { requiresCategory: 'ALLIANCE-FLAG', minFinalScore: 90 },
};

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    kind: 'leader_election',
    members,
    rotation: { outgoingLeaderEligible: false },
    outgoingLeaderUnitId: 'id-lang-son',
    nextLeaderUnitId: null,
    categories: [ALLIANCE, GOV],
    category: null,
    sealedPledgeUnitIds: new Set(members.map((m) => m.unitId)),
    finalScores: new Map(members.map((m, i) => [m.unitId, `${78 + 2 * i}.00`])),
    ...overrides,
  };
}

describe('candidate eligibility', () => {
  it('refuses the outgoing leader unless the rules let it stand again', () => {
    expect(refusalOf(facts(), 'id-lang-son')?.code).toBe('outgoing_leader');
    expect(refusalOf(facts(), 'id-son-la')).toBeNull();
    expect(refusalOf(facts({ rotation: { outgoingLeaderEligible: true } }), 'id-lang-son')).toBeNull();
  });

  it('follows a fixed rotation order: only the unit after the outgoing leader may stand', () => {
    const rotation = { outgoingLeaderEligible: false, fixedOrder: ['lai-chau', 'lang-son', 'son-la', 'dien-bien'] };
    expect(nextInRotation(facts({ rotation }))).toBe('id-son-la');
    expect(refusalOf(facts({ rotation }), 'id-son-la')).toBeNull();
    expect(refusalOf(facts({ rotation }), 'id-dien-bien')?.code).toBe('not_next_in_rotation');
    expect(nextInRotation(facts({ rotation, outgoingLeaderUnitId: 'id-dien-bien' }))).toBe('id-lai-chau');
  });

  it('refuses a unit that is not a member, and for a deputy the unit already elected leader', () => {
    expect(refusalOf(facts(), 'id-elsewhere')?.code).toBe('not_member');
    const deputy = facts({ kind: 'deputy_election', nextLeaderUnitId: 'id-son-la' });
    expect(refusalOf(deputy, 'id-son-la')?.code).toBe('elected_leader');
    expect(refusalOf(deputy, 'id-lang-son')).toBeNull();
  });

  it('checks an award category: sealed pledge, adopted ranking, minimum score, the category below', () => {
    const award = (o: Partial<EligibilityFacts> = {}) => facts({ kind: 'award_proposal', category: ALLIANCE, ...o });
    expect(refusalOf(award(), 'id-cao-bang')?.code).toBe('score_below_minimum'); // 78
    expect(refusalOf(award(), 'id-dien-bien')).toBeNull(); // 80
    expect(refusalOf(award({ sealedPledgeUnitIds: null }), 'id-son-la')?.code).toBe('pledge_not_sealed');
    expect(refusalOf(award({ sealedPledgeUnitIds: new Set() }), 'id-son-la')?.code).toBe('pledge_not_signed');
    expect(refusalOf(award({ finalScores: null }), 'id-son-la')?.code).toBe('ranking_not_adopted');
    const gov = facts({ kind: 'award_proposal', category: GOV });
    expect(refusalOf(gov, 'id-lang-son')?.code).toBe('score_below_minimum'); // 86
    expect(refusalOf(gov, 'id-son-la')).toBeNull(); // 90
    expect(refusalOf({ ...gov, sealedPledgeUnitIds: null }, 'id-son-la')?.code).toBe('required_category_not_met');
    expect(eligibleForCategory(award())).toHaveLength(6);
  });
});
