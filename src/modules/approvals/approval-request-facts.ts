import { In, type EntityManager } from 'typeorm';
import type { ApprovalAct } from './approval-act.entity';
import { ApprovalRequest } from './approval-request.entity';
import { toApprovalSummary, type ApprovalSummaryDto } from './dto/approval-summary.dto';

/** An approval request as other modules read it (in their state hooks, or a motion's request): never written there. */
export type ApprovalRequestFacts = Readonly<
  Pick<
    ApprovalRequest,
    'id' | 'workflowKey' | 'clusterId' | 'subjectType' | 'subjectId' | 'state' | 'round' | 'approvalsRequired'
  >
>;

/** The act that moved a request, as the document's module reads it (who, when, with what comment). */
export type ApprovalActFacts = Readonly<Pick<ApprovalAct, 'actorId' | 'comment' | 'createdAt'>>;

/** The approval summaries of these documents by subject id (documents with no request are absent). */
export async function approvalSummariesOf(
  manager: EntityManager,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<Map<string, ApprovalSummaryDto>> {
  if (subjectIds.length === 0) return new Map();
  const requests = await manager.find(ApprovalRequest, { where: { subjectType, subjectId: In([...subjectIds]) } });
  return new Map(requests.map((request) => [request.subjectId, toApprovalSummary(request)!]));
}

/** The approval request, or null; read in the caller's transaction. */
export async function findApprovalRequest(manager: EntityManager, id: string): Promise<ApprovalRequestFacts | null> {
  const row = await manager.findOne(ApprovalRequest, { where: { id } });
  if (!row) return null;
  const { workflowKey, clusterId, subjectType, subjectId, state, round, approvalsRequired } = row;
  return { id, workflowKey, clusterId, subjectType, subjectId, state, round, approvalsRequired };
}
