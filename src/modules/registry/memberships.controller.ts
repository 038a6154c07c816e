import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import {
  EndMembershipDto,
  ListMembershipsQueryDto,
  MembershipResponseDto,
  StartMembershipDto,
} from './dto/memberships.dto';
import { MembershipsService } from './memberships.service';

@ApiTags('registry')
@Controller('clusters/:clusterId/memberships')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get()
  @RequirePermission(Permission.ClustersRead)
  @ApiOperation({
    summary: "A cluster's memberships, past and present",
    description: 'Sort fields: joinedOn (default), leftOn, createdAt.',
  })
  @ApiPageResponse(MembershipResponseDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Query() query: ListMembershipsQueryDto,
  ): Promise<Page<MembershipResponseDto>> {
    return this.memberships.list(actor, clusterId, query);
  }

  @Post()
  @RequirePermission(Permission.MembershipsManage)
  @ApiOperation({
    summary: 'Admit a unit to the cluster directly',
    description:
      "Administrators only; the secretariat invites (POST /clusters/{clusterId}/invitations) and the unit's head accepts. " +
      'Refused while the unit is already a member, or a member of another cluster under the same parent body.',
  })
  @ApiCreatedResponse({ type: MembershipResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  start(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Body() dto: StartMembershipDto,
  ): Promise<MembershipResponseDto> {
    return this.memberships.start(actor, clusterId, dto);
  }

  @Post(':membershipId/end')
  @HttpCode(200)
  @RequirePermission(Permission.MembershipsAnswer)
  @ApiOperation({
    summary: 'End a membership',
    description:
      "The unit's head or an administrator (not the secretariat). `leftOn` is the last day of membership; a membership ends once.",
  })
  @ApiOkResponse({ type: MembershipResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  end(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Param('membershipId', UuidParam) membershipId: string,
    @Body() dto: EndMembershipDto,
  ): Promise<MembershipResponseDto> {
    return this.memberships.end(actor, clusterId, membershipId, dto);
  }
}
