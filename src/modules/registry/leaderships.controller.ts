import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { LeadershipResponseDto, RecordLeadershipDto } from './dto/leaderships.dto';
import { LeadershipsService } from './leaderships.service';

@ApiTags('registry')
@Controller('clusters/:clusterId/leaderships')
export class LeadershipsController {
  constructor(private readonly leaderships: LeadershipsService) {}

  @Get()
  @RequirePermission(Permission.ClustersRead)
  @ApiOperation({
    summary: "The cluster's leader and deputy units by term",
    description: 'Newest term first; `recorded` by the secretariat or from a certified `election`.',
  })
  @ApiPageResponse(LeadershipResponseDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<LeadershipResponseDto>> {
    return this.leaderships.list(actor, clusterId, query);
  }

  @Post()
  @RequirePermission(Permission.ClustersManage)
  @ApiOperation({
    summary: 'Record the leader (or deputy) unit of a term',
    description:
      'Administrators, or the secretariat of this cluster, for a term decided outside the service (basis `recorded`). ' +
      'The unit must be a current member (422 leadership_unit_not_member); one leader and one deputy per term ' +
      '(409 leadership_exists). Records are never changed.',
  })
  @ApiCreatedResponse({ type: LeadershipResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  record(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Body() dto: RecordLeadershipDto,
  ): Promise<LeadershipResponseDto> {
    return this.leaderships.record(actor, clusterId, dto);
  }
}
