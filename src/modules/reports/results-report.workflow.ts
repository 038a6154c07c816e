import { unitDocumentWorkflow } from '../approvals';

export const RESULTS_REPORT_WORKFLOW_KEY = 'results_report';
export const RESULTS_REPORT_SUBJECT_TYPE = 'results_report';

/**
 * The results report's approval (officer submits, head approves or returns). The report's own
 * `status` follows the request's state (see ReportsService).
 */
export const RESULTS_REPORT_WORKFLOW = unitDocumentWorkflow({
  key: RESULTS_REPORT_WORKFLOW_KEY,
  subjectType: RESULTS_REPORT_SUBJECT_TYPE,
  description: "A unit's results report: drafted and submitted by its officer, approved by its head.",
});
