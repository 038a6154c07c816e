import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovalRequest } from './approval-request.entity';

export interface OpenApprovalInput {
  workflowKey: string;
  subjectId: string;
  clusterId: string;
  unitId: string | null;
  draftedBy: string;
  /** k for the workflow's k-of-n transition; defaults to 1. */
  approvalsRequired?: number;
}

/**
 * The approval engine. CONTRACT used by other modules (implementation in progress):
 * - open(manager, input): in the caller's transaction, creates the request in the workflow's
 *   initial state and appends `approvals.request_opened` to the ledger.
 * - findForSubject(manager, subjectType, subjectId): the request of a document, or null.
 */
@Injectable()
export class ApprovalsService {
  open(_manager: EntityManager, _input: OpenApprovalInput): Promise<ApprovalRequest> {
    throw new Error('not implemented yet');
  }

  findForSubject(_manager: EntityManager, _subjectType: string, _subjectId: string): Promise<ApprovalRequest | null> {
    throw new Error('not implemented yet');
  }
}
