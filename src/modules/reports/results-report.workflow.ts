import type { WorkflowDefinition } from '../approvals/workflow-definition';

export const RESULTS_REPORT_WORKFLOW_KEY = 'results_report';
export const RESULTS_REPORT_SUBJECT_TYPE = 'results_report';

/**
 * The results report's approval: the unit's officer submits what they drafted (so not
 * independent), the head approves or returns it with a comment. Returned, it is a draft again
 * and can be edited. The report's own `status` follows the request's state (see ReportsService).
 */
export const RESULTS_REPORT_WORKFLOW: Omit<WorkflowDefinition, 'onStateEntered'> = {
  key: RESULTS_REPORT_WORKFLOW_KEY,
  subjectType: RESULTS_REPORT_SUBJECT_TYPE,
  description: "A unit's results report: drafted and submitted by its officer, approved by its head.",
  states: ['draft', 'submitted', 'approved'],
  initial: 'draft',
  final: ['approved'],
  transitions: [
    { name: 'submit', from: 'draft', to: 'submitted', by: 'unit_officer', independent: false },
    { name: 'approve', from: 'submitted', to: 'approved', by: 'unit_head' },
    { name: 'return', from: 'submitted', to: 'draft', by: 'unit_head', commentRequired: true },
  ],
};
