import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { CreateInvitationDto, InvitationResponseDto, ListInvitationsQueryDto } from './dto/invitations.dto';
import { InvitationsService } from './invitations.service';

/** Joining a cluster by the unit's consent: the secretariat invites, the unit's head answers. */
@ApiTags('registry')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('clusters/:clusterId/invitations')
  @RequirePermission(Permission.ClustersRead)
  @ApiOperation({
    summary: "A cluster's invitations to units",
    description: 'Sort fields: createdAt (default -createdAt), joinedOn, status.',
  })
  @ApiPageResponse(InvitationResponseDto)
  @ApiProblems(400, 401, 403, 404)
  listForCluster(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Query() query: ListInvitationsQueryDto,
  ): Promise<Page<InvitationResponseDto>> {
    return this.invitations.listForCluster(actor, clusterId, query);
  }

  @Get('units/:unitId/invitations')
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({
    summary: 'The invitations a unit has received',
    description: 'Sort fields: createdAt (default -createdAt), joinedOn, status.',
  })
  @ApiPageResponse(InvitationResponseDto)
  @ApiProblems(400, 401, 403, 404)
  listForUnit(
    @CurrentActor() actor: Actor,
    @Param('unitId', UuidParam) unitId: string,
    @Query() query: ListInvitationsQueryDto,
  ): Promise<Page<InvitationResponseDto>> {
    return this.invitations.listForUnit(actor, unitId, query);
  }

  @Post('clusters/:clusterId/invitations')
  @RequirePermission(Permission.MembershipsManage)
  @ApiOperation({
    summary: 'Invite a unit to join the cluster',
    description:
      'The secretariat of this cluster or an administrator. The unit joins only when its head accepts; a unit is in at most one cluster under the same parent body at a time.',
  })
  @ApiCreatedResponse({ type: InvitationResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  invite(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Body() dto: CreateInvitationDto,
  ): Promise<InvitationResponseDto> {
    return this.invitations.invite(actor, clusterId, dto);
  }

  @Post('invitations/:id/accept')
  @HttpCode(200)
  @RequirePermission(Permission.MembershipsAnswer)
  @ApiOperation({
    summary: 'Accept an invitation (the unit joins the cluster)',
    description: "The invited unit's head only. Starts the membership on the invitation's joinedOn.",
  })
  @ApiOkResponse({ type: InvitationResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  accept(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<InvitationResponseDto> {
    return this.invitations.accept(actor, id);
  }

  @Post('invitations/:id/decline')
  @HttpCode(200)
  @RequirePermission(Permission.MembershipsAnswer)
  @ApiOperation({ summary: 'Decline an invitation', description: "The invited unit's head only." })
  @ApiOkResponse({ type: InvitationResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  decline(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<InvitationResponseDto> {
    return this.invitations.decline(actor, id);
  }

  @Post('invitations/:id/withdraw')
  @HttpCode(200)
  @RequirePermission(Permission.MembershipsManage)
  @ApiOperation({
    summary: 'Withdraw a pending invitation',
    description: "The inviting cluster's secretariat or an administrator.",
  })
  @ApiOkResponse({ type: InvitationResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  withdraw(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<InvitationResponseDto> {
    return this.invitations.withdraw(actor, id);
  }
}
