import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { SortSpec } from '../../../common/pagination/pagination';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';
import type { ActRecord } from '../approval-facts';
import type { ApprovalRequest } from '../approval-request.entity';
import type { ApproverScope, WorkflowDefinition } from '../workflow-definition';

const SCOPES: ApproverScope[] = ['unit_officer', 'unit_head', 'member_heads', 'cluster_secretariat'];

export const PENDING_SORT: SortSpec = {
  fields: { createdAt: 'createdAt', updatedAt: 'updatedAt' },
  default: 'createdAt',
};

export const WORKFLOW_SORT: SortSpec = { fields: { key: 'key', subjectType: 'subjectType' }, default: 'key' };

export class ActOnApprovalDto {
  @ApiProperty({ example: 'adopt', description: 'The name of a transition out of the current state.' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'transition must be a transition name such as adopt or reject' })
  @MaxLength(100)
  transition: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    example: 'Tiêu chí 3 chưa có minh chứng.',
    description: 'Kept with the act and in the ledger; required by transitions that send a document back.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ExpectedVersionField('approval request')
  expectedVersion?: number;
}

export class ApprovalActResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 1 }) round: number;
  @ApiProperty({ example: 'adopt' }) transition: string;
  @ApiProperty({ example: 'proposed' }) fromState: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The state the act moved the request to; null when it counted towards k without moving it.',
  })
  toState: string | null;
  @ApiProperty({ format: 'uuid' }) actorId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mandateId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) delegationId: string | null;
  @ApiProperty({ example: 'unit:5f0c…', description: '`user:<id>` or, for member heads, `unit:<id>`.' })
  countedFor: string;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ApprovalRequestResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'rules_adoption' }) workflowKey: string;
  @ApiProperty({ example: 'rules_version' }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ example: 'proposed' }) state: string;
  @ApiProperty({ example: 1, description: 'Starts at 1; each return to the initial state starts a new round.' })
  round: number;
  @ApiProperty({ example: 5, description: 'k of the k-of-n transition.' }) approvalsRequired: number;
  @ApiProperty({ example: 2, description: "Acts this round towards the current state's k-of-n transition." })
  approvalsSoFar: number;
  @ApiProperty({ example: 3, description: 'Also sent as the ETag; changes when the state changes.' })
  version: number;
  @ApiProperty({ type: [String], example: ['adopt', 'reject'], description: 'What the caller could do now.' })
  availableTransitions: string[];
  @ApiProperty({ type: [ApprovalActResponseDto], description: 'Every act, oldest first, all rounds.' })
  acts: ApprovalActResponseDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toApprovalRequestResponse(
  request: ApprovalRequest,
  acts: readonly ActRecord[],
  definition: WorkflowDefinition,
  availableTransitions: string[],
): ApprovalRequestResponseDto {
  const kOfN = definition.transitions.find((t) => t.from === request.state && t.approvals === 'request');
  return {
    id: request.id,
    workflowKey: request.workflowKey,
    subjectType: request.subjectType,
    subjectId: request.subjectId,
    clusterId: request.clusterId,
    unitId: request.unitId,
    state: request.state,
    round: request.round,
    approvalsRequired: request.approvalsRequired,
    approvalsSoFar: kOfN
      ? acts.filter((r) => r.act.round === request.round && r.act.transition === kOfN.name).length
      : 0,
    version: request.version,
    availableTransitions,
    acts: acts.map(({ act }) => ({
      id: act.id,
      round: act.round,
      transition: act.transition,
      fromState: act.fromState,
      toState: act.toState,
      actorId: act.actorId,
      mandateId: act.mandateId,
      delegationId: act.delegationId,
      countedFor: act.countedFor,
      comment: act.comment,
      createdAt: act.createdAt.toISOString(),
    })),
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

class WorkflowTransitionDto {
  @ApiProperty({ example: 'adopt' }) name: string;
  @ApiProperty({ example: 'proposed' }) from: string;
  @ApiProperty({ example: 'adopted' }) to: string;
  @ApiProperty({ enum: SCOPES }) by: ApproverScope;
  @ApiProperty({
    oneOf: [
      { type: 'integer', enum: [1] },
      { type: 'string', enum: ['request'] },
    ],
    description: '1, or `request`: the k fixed on the request when it opened.',
  })
  approvals: 1 | 'request';
  @ApiProperty() commentRequired: boolean;
  @ApiProperty({ description: 'Separation of duties: the drafter and earlier actors of the round may not take it.' })
  independent: boolean;
}

export class WorkflowDefinitionResponseDto {
  @ApiProperty({ example: 'rules.adoption' }) key: string;
  @ApiProperty({ example: 'rules_version' }) subjectType: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) states: string[];
  @ApiProperty({ example: 'draft' }) initial: string;
  @ApiProperty({ type: [String] }) final: string[];
  @ApiProperty({ type: [WorkflowTransitionDto] }) transitions: WorkflowTransitionDto[];
}

export function toWorkflowResponse(definition: WorkflowDefinition): WorkflowDefinitionResponseDto {
  return {
    key: definition.key,
    subjectType: definition.subjectType,
    description: definition.description,
    states: [...definition.states],
    initial: definition.initial,
    final: [...definition.final],
    transitions: definition.transitions.map((t) => ({
      name: t.name,
      from: t.from,
      to: t.to,
      by: t.by,
      approvals: t.approvals ?? 1,
      commentRequired: t.commentRequired ?? false,
      independent: t.independent !== false,
    })),
  };
}
