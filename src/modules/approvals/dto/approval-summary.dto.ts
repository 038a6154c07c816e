import { ApiProperty } from '@nestjs/swagger';
import type { ApprovalRequest } from '../approval-request.entity';

/**
 * How every document that travels through a workflow (rules version, results report, score
 * sheet…) shows its approval request: the same shape everywhere.
 */
export class ApprovalSummaryDto {
  @ApiProperty({ format: 'uuid', description: 'Act on it with POST /approvals/{requestId}/acts.' })
  requestId: string;
  @ApiProperty({ example: 'draft' }) state: string;
  @ApiProperty({ example: 1, description: 'Sending the document back to its first state starts a new round.' })
  round: number;
  @ApiProperty({ example: 1, description: 'k of the k-of-n step (e.g. heads needed to adopt rules); 1 otherwise.' })
  approvalsRequired: number;
  @ApiProperty({ example: 1, description: 'The request’s version, for `expectedVersion` (or If-Match) of an act.' })
  version: number;
}

export function toApprovalSummary(request: ApprovalRequest | null | undefined): ApprovalSummaryDto | null {
  return request
    ? {
        requestId: request.id,
        state: request.state,
        round: request.round,
        approvalsRequired: request.approvalsRequired,
        version: request.version,
      }
    : null;
}
