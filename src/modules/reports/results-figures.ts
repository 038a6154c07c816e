/**
 * The figures of a results report, in one place: the DTOs, the ledger, the totals and the CSV
 * all read this list, so a new figure is added once.
 */
export const COUNT_FIELDS = [
  'cooperatives',
  'membersAndWorkers',
  'cooperativeGroups',
  'groupMembers',
  'newCooperatives',
  'newMemberCooperatives',
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

export const FIGURE_FIELDS = [
  'cooperatives',
  'charterCapitalVnd',
  'membersAndWorkers',
  'cooperativeGroups',
  'groupMembers',
  'newCooperatives',
  'newMemberCooperatives',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** Counts are integers; charter capital is whole VND as a decimal string (exact, never a float). */
export type ResultsFigures = Record<CountField, number> & { charterCapitalVnd: string };

/** The column of each figure in `results_reports`. */
export const FIGURE_COLUMNS: Record<FigureField, string> = {
  cooperatives: 'cooperatives',
  charterCapitalVnd: 'charter_capital_vnd',
  membersAndWorkers: 'members_and_workers',
  cooperativeGroups: 'cooperative_groups',
  groupMembers: 'group_members',
  newCooperatives: 'new_cooperatives',
  newMemberCooperatives: 'new_member_cooperatives',
};

/** Whole VND: up to 20 digits (numeric(20,0)), no sign, no decimals, no leading zeros. */
export const CHARTER_CAPITAL_PATTERN = /^(0|[1-9][0-9]{0,19})$/;

export function pickFigures(source: ResultsFigures): ResultsFigures {
  return {
    cooperatives: source.cooperatives,
    charterCapitalVnd: source.charterCapitalVnd,
    membersAndWorkers: source.membersAndWorkers,
    cooperativeGroups: source.cooperativeGroups,
    groupMembers: source.groupMembers,
    newCooperatives: source.newCooperatives,
    newMemberCooperatives: source.newMemberCooperatives,
  };
}

/** Exact sums: counts as integers, capital through BigInt. The API sums in SQL; this serves data checks. */
export function sumFigures(rows: readonly ResultsFigures[]): ResultsFigures {
  const total: ResultsFigures = {
    cooperatives: 0,
    charterCapitalVnd: '0',
    membersAndWorkers: 0,
    cooperativeGroups: 0,
    groupMembers: 0,
    newCooperatives: 0,
    newMemberCooperatives: 0,
  };
  let capital = 0n;
  for (const row of rows) {
    for (const field of COUNT_FIELDS) total[field] += row[field];
    capital += BigInt(row.charterCapitalVnd);
  }
  total.charterCapitalVnd = capital.toString();
  return total;
}
