import type { EntityManager } from 'typeorm';
import { ApprovalRequest } from './approval-request.entity';

/** An approval request as other modules read it (they never write it): which workflow, where it stands. */
export interface ApprovalRequestFacts {
  id: string;
  workflowKey: string;
  clusterId: string;
  state: string;
}

/** The approval request, or null; read in the caller's transaction. */
export async function findApprovalRequest(manager: EntityManager, id: string): Promise<ApprovalRequestFacts | null> {
  const row = await manager.findOne(ApprovalRequest, { where: { id } });
  if (!row) return null;
  const { workflowKey, clusterId, state } = row;
  return { id, workflowKey, clusterId, state };
}
