import type { ResultsFigures } from './results-figures';

/**
 * What the source text reports for the cluster's 7 provinces in 2011 (article of 21/11/2011):
 * 2,006 cooperatives, 1,269.5 billion VND charter capital, over 54 thousand members and workers,
 * 15,232 cooperative groups with over 16 thousand group members, 96 cooperatives founded and 78
 * member cooperatives admitted during the year. "Over 54/16 thousand" are given here as the
 * figures the units report (54,213 and 16,148).
 */
export const SOURCE_2011_TOTALS: Readonly<ResultsFigures> = Object.freeze({
  cooperatives: 2006,
  charterCapitalVnd: '1269500000000',
  membersAndWorkers: 54213,
  cooperativeGroups: 15232,
  groupMembers: 16148,
  newCooperatives: 96,
  newMemberCooperatives: 78,
});

/**
 * The per-province split is ours (the source gives only the cluster's totals): plausible sizes —
 * Sơn La and Lạng Sơn largest, Lai Châu smallest — chosen so the sums are exactly the source's.
 */
const FIGURES_2011: Readonly<Record<string, ResultsFigures>> = {
  'son-la': {
    cooperatives: 482,
    charterCapitalVnd: '348200000000',
    membersAndWorkers: 13420,
    cooperativeGroups: 3610,
    groupMembers: 3830,
    newCooperatives: 22,
    newMemberCooperatives: 18,
  },
  'lai-chau': {
    cooperatives: 130,
    charterCapitalVnd: '57400000000',
    membersAndWorkers: 3400,
    cooperativeGroups: 900,
    groupMembers: 960,
    newCooperatives: 6,
    newMemberCooperatives: 5,
  },
  'dien-bien': {
    cooperatives: 174,
    charterCapitalVnd: '89850000000',
    membersAndWorkers: 4873,
    cooperativeGroups: 1372,
    groupMembers: 1453,
    newCooperatives: 9,
    newMemberCooperatives: 7,
  },
  'ha-giang': {
    cooperatives: 276,
    charterCapitalVnd: '152300000000',
    membersAndWorkers: 7055,
    cooperativeGroups: 2105,
    groupMembers: 2230,
    newCooperatives: 13,
    newMemberCooperatives: 11,
  },
  'cao-bang': {
    cooperatives: 248,
    charterCapitalVnd: '131600000000',
    membersAndWorkers: 6390,
    cooperativeGroups: 1880,
    groupMembers: 1990,
    newCooperatives: 12,
    newMemberCooperatives: 10,
  },
  'lao-cai': {
    cooperatives: 301,
    charterCapitalVnd: '198400000000',
    membersAndWorkers: 8210,
    cooperativeGroups: 2340,
    groupMembers: 2480,
    newCooperatives: 15,
    newMemberCooperatives: 12,
  },
  'lang-son': {
    cooperatives: 395,
    charterCapitalVnd: '291750000000',
    membersAndWorkers: 10865,
    cooperativeGroups: 3025,
    groupMembers: 3205,
    newCooperatives: 19,
    newMemberCooperatives: 15,
  },
};

/** The 7 demo units' 2011 results reports, by unit code (fresh copies: callers may change them). */
export function demo2011ResultsFigures(): Record<string, ResultsFigures> {
  return Object.fromEntries(Object.entries(FIGURES_2011).map(([code, figures]) => [code, { ...figures }]));
}
