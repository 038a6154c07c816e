import type { WorkflowDefinition } from '../approvals';

export const SCORE_SHEET_WORKFLOW_KEY = 'score_sheet';
export const SCORE_SHEET_SUBJECT_TYPE = 'score_sheet';

/**
 * A unit's score sheet: its head submits it for the unit (the head signs for the unit's own self
 * scores, whoever typed them, so the step is not independent of the drafter — the cross-review
 * is the independent check); the cluster's secretariat may return it with a comment, which makes
 * it a draft again. The sheet's `status` follows the request's state (see ScoreSheetsService).
 */
export const SCORE_SHEET_WORKFLOW: Omit<WorkflowDefinition, 'onStateEntered'> = {
  key: SCORE_SHEET_WORKFLOW_KEY,
  subjectType: SCORE_SHEET_SUBJECT_TYPE,
  description: "A unit's score sheet: submitted by its head, returned for changes by the cluster's secretariat.",
  states: ['draft', 'submitted'],
  initial: 'draft',
  final: [],
  transitions: [
    { name: 'submit', from: 'draft', to: 'submitted', by: 'unit_head', independent: false },
    { name: 'return', from: 'submitted', to: 'draft', by: 'cluster_secretariat', commentRequired: true },
  ],
};
