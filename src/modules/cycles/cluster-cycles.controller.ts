import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { CycleResponseDto, ListCyclesQueryDto, OpenCycleDto } from './dto/cycles.dto';
import { CyclesService } from './cycles.service';

@ApiTags('cycles')
@Controller('clusters/:clusterId/cycles')
export class ClusterCyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @RequirePermission(Permission.CyclesRead)
  @ApiOperation({
    summary: "A cluster's yearly cycles",
    description: 'Sort fields: year (default -year, newest first), createdAt, updatedAt. Filter: phase.',
  })
  @ApiPageResponse(CycleResponseDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Query() query: ListCyclesQueryDto,
  ): Promise<Page<CycleResponseDto>> {
    return this.cycles.list(actor, clusterId, query);
  }

  @Post()
  @RequirePermission(Permission.CyclesManage)
  @ApiOperation({
    summary: "Open the cluster's cycle for a year",
    description:
      "Administrators, or this cluster's secretariat. One cycle per cluster per year (cycle_year_taken). The next " +
      'year may be opened while the current one is in voting or later (the year-end meeting closes one year and ' +
      'starts the next); refused while another open cycle of the cluster is earlier (previous_cycle_not_finishing).',
  })
  @ApiCreatedResponse({ type: CycleResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  open(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Body() dto: OpenCycleDto,
  ): Promise<CycleResponseDto> {
    return this.cycles.open(actor, clusterId, dto);
  }
}
