import { unitDocumentWorkflow } from '../approvals';

export const PLEDGE_TARGETS_WORKFLOW_KEY = 'pledge_targets';
export const UNIT_PLEDGE_SUBJECT_TYPE = 'unit_pledge';
export const PLEDGE_PROGRESS_WORKFLOW_KEY = 'pledge_progress';
export const PROGRESS_REPORT_SUBJECT_TYPE = 'pledge_progress_report';
export const PLEDGE_SUBJECT_TYPE = 'pledge';

/**
 * A unit's pledge targets: the unit's officer submits them, the head approves or returns them
 * with a comment. Approved, the head may sign. `UnitPledge.status` follows the request's state.
 */
export const PLEDGE_TARGETS_WORKFLOW = unitDocumentWorkflow({
  key: PLEDGE_TARGETS_WORKFLOW_KEY,
  subjectType: UNIT_PLEDGE_SUBJECT_TYPE,
  description: "A unit's pledge targets: drafted and submitted by its officer, approved by its head, then signed.",
});

/** A progress report against the signed targets: the officer submits, the head approves or returns it. */
export const PLEDGE_PROGRESS_WORKFLOW = unitDocumentWorkflow({
  key: PLEDGE_PROGRESS_WORKFLOW_KEY,
  subjectType: PROGRESS_REPORT_SUBJECT_TYPE,
  description: "A unit's progress report against its signed pledge: submitted by its officer, approved by its head.",
});

/**
 * What this module's onStateEntered hooks read of the approval request that moved and of the act
 * that moved it: the approval engine passes its rows, which have these fields (no entity here).
 */
export interface StateEnteredRequest {
  id: string;
  subjectId: string;
  state: string;
}

export interface StateEnteringAct {
  actorId: string;
}
