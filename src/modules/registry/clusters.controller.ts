import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { ClustersService } from './clusters.service';
import { ClusterResponseDto, CreateClusterDto, ListClustersQueryDto, UpdateClusterDto } from './dto/clusters.dto';

@ApiTags('registry')
@Controller('clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @Get()
  @RequirePermission(Permission.ClustersRead)
  @ApiOperation({ summary: 'List emulation clusters', description: 'Sort fields: code (default), name, createdAt.' })
  @ApiPageResponse(ClusterResponseDto)
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: ListClustersQueryDto): Promise<Page<ClusterResponseDto>> {
    return this.clusters.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.ClustersRead)
  @ApiOperation({ summary: 'One emulation cluster' })
  @ApiOkResponse({ type: ClusterResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ClusterResponseDto> {
    return this.clusters.get(actor, id);
  }

  @Post()
  @RequirePermission(Permission.ClustersManage)
  @ApiOperation({ summary: 'Create an emulation cluster', description: 'Administrators only.' })
  @ApiCreatedResponse({ type: ClusterResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateClusterDto): Promise<ClusterResponseDto> {
    return this.clusters.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.ClustersManage)
  @ApiOperation({
    summary: 'Change an emulation cluster',
    description: 'Administrators, or the secretariat of this cluster; only an administrator changes parentUnitId.',
  })
  @ApiOkResponse({ type: ClusterResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateClusterDto,
  ): Promise<ClusterResponseDto> {
    return this.clusters.update(actor, id, dto);
  }
}
