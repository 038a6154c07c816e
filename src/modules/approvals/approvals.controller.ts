import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import type { IfMatch } from '../../common/versioning/version-precondition';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import { ApprovalsService } from './approvals.service';
import { ActOnApprovalDto, ApprovalRequestResponseDto, WorkflowDefinitionResponseDto } from './dto/approvals.dto';

@ApiTags('approvals')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get('workflows')
  @RequirePermission(Permission.ApprovalsRead)
  @ApiOperation({
    summary: 'The registered approval workflows, as data',
    description:
      'States, and per transition: who takes it (scope), how many approvals, comment, separation of duties. ' +
      'Sort fields: key (default), subjectType.',
  })
  @ApiPageResponse(WorkflowDefinitionResponseDto)
  @ApiProblems(400, 401)
  workflows(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Page<WorkflowDefinitionResponseDto> {
    return this.approvals.workflowDefinitions(actor, query);
  }

  @Get('pending')
  @RequirePermission(Permission.ApprovalsRead)
  @ApiOperation({
    summary: 'What the caller can act on now',
    description:
      'Requests with at least one transition the caller could take now, after every check an act makes ' +
      '(scope, delegation, own unit, separation of duties, already acted). Sort fields: createdAt (default), updatedAt.',
  })
  @ApiPageResponse(ApprovalRequestResponseDto)
  @ApiProblems(400, 401)
  pending(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<ApprovalRequestResponseDto>> {
    return this.approvals.pending(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.ApprovalsRead)
  @ApiOperation({
    summary: 'An approval request with its history',
    description:
      "Administrators, the cluster's secretariat, and people with a mandate in a member unit of the cluster. " +
      '`availableTransitions` are the steps the caller could take now.',
  })
  @ApiVersionedResponse(ApprovalRequestResponseDto)
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ApprovalRequestResponseDto> {
    return this.approvals.get(actor, id);
  }

  @Post(':id/acts')
  @HttpCode(200)
  @RequirePermission(Permission.ApprovalsAct)
  @ApiOperation({
    summary: 'Take a step: approve, reject, submit… as the workflow names it',
    description:
      'The workflow decides who may (scope, delegation, separation of duties, one approval per unit or person). ' +
      'Send the version you saw as If-Match or expectedVersion: a stale one is 409 version_conflict. ' +
      'A k-of-n step moves the request only with the k-th approval.',
  })
  @ApiVersionedResponse(ApprovalRequestResponseDto)
  @ApiProblems(400, 401, 403, 404, 409)
  act(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: ActOnApprovalDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<ApprovalRequestResponseDto> {
    return this.approvals.act(actor, id, dto, ifMatch);
  }
}
