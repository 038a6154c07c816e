// The approvals module's front door (issue 14): what other modules may import from it.
export { ApprovalsService } from './approvals.service';
export { ApprovalSummaryDto, toApprovalSummary } from './dto/approval-summary.dto';
export { headAuthoritiesAt } from './head-authority';
export { unitDocumentWorkflow, type WorkflowDefinition, WorkflowRegistry } from './workflow-definition';
export { delegationRecords, type DelegationRecord } from './delegation-facts';
export {
  approvalSummariesOf,
  findApprovalRequest,
  type ApprovalActFacts,
  type ApprovalRequestFacts,
} from './approval-request-facts';
