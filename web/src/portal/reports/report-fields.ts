import type { Schemas } from '../../api/client';

type Figures = Schemas['CreateResultsReportDto'];

/** The seven figures of a results report, in the order of the source's report and the CSV. */
export const REPORT_FIELDS = [
  'cooperatives',
  'charterCapitalVnd',
  'membersAndWorkers',
  'cooperativeGroups',
  'groupMembers',
  'newCooperatives',
  'newMemberCooperatives',
] as const;

export type ReportField = (typeof REPORT_FIELDS)[number];

/**
 * What the form holds: every figure as its digits (exact, named as the API names it, so its field
 * paths land on the form's fields) and a note per figure (`notes.<figure>`).
 */
export type ReportFormValues = Record<ReportField, string> & { notes?: Partial<Record<ReportField, string>> };

/** A stored version → the form's values. */
export function formValuesOf(report?: Schemas['ResultsReportResponseDto']): ReportFormValues {
  const figures = Object.fromEntries(REPORT_FIELDS.map((field) => [field, report ? String(report[field]) : '']));
  return { ...(figures as Record<ReportField, string>), notes: { ...(report?.notes ?? {}) } };
}

/** The form's values → the API's body: counts as JSON integers, capital as its digit string, notes given. */
export function bodyOf(values: ReportFormValues): Omit<Figures, 'unitId'> {
  const count = (field: ReportField) => Number(values[field]);
  const notes = Object.fromEntries(
    Object.entries(values.notes ?? {}).filter(([, note]) => typeof note === 'string' && note.trim() !== ''),
  );
  return {
    cooperatives: count('cooperatives'),
    charterCapitalVnd: values.charterCapitalVnd,
    membersAndWorkers: count('membersAndWorkers'),
    cooperativeGroups: count('cooperativeGroups'),
    groupMembers: count('groupMembers'),
    newCooperatives: count('newCooperatives'),
    newMemberCooperatives: count('newMemberCooperatives'),
    notes,
  };
}
