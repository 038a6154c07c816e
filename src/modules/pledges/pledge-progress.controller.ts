import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import {
  CreateProgressReportDto,
  PledgeProgressResponseDto,
  ProgressReportResponseDto,
  UpdateProgressReportDto,
} from './dto/progress.dto';
import { PledgeProgressService } from './pledge-progress.service';
import { ProgressReportsService } from './progress-reports.service';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('pledges')
@Controller()
export class PledgeProgressController {
  constructor(
    private readonly reports: ProgressReportsService,
    private readonly progress: PledgeProgressService,
  ) {}

  @Post('unit-pledges/:id/progress-reports')
  @RequirePermission(Permission.PledgesDraft)
  @ApiOperation({
    summary: 'Report progress against the signed targets',
    description:
      "The unit's officer or head, once the unit's pledge is signed (409 unit_pledge_not_signed). One report in " +
      'the works per period (409 pledge_progress_in_progress); after an approved one, a new report is its ' +
      'correction (number + 1). Opens the `pledge_progress` approval request.',
  })
  @ApiCreatedResponse({ type: ProgressReportResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateProgressReportDto,
  ): Promise<ProgressReportResponseDto> {
    return this.reports.create(actor, id, dto);
  }

  @Get('unit-pledges/:id/progress-reports')
  @RequirePermission(Permission.PledgesRead)
  @ApiOperation({
    summary: "A unit's progress reports",
    description: "Approved ones for everyone; all for the unit's people, the cluster's secretariat, administrators.",
  })
  @ApiPageResponse(ProgressReportResponseDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ProgressReportResponseDto>> {
    return this.reports.list(actor, id, query);
  }

  @Get('pledge-progress-reports/:id')
  @RequirePermission(Permission.PledgesRead)
  @ApiOperation({ summary: 'One progress report' })
  @ApiVersionedResponse(ProgressReportResponseDto)
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ProgressReportResponseDto> {
    return this.reports.get(actor, id);
  }

  @Put('pledge-progress-reports/:id')
  @RequirePermission(Permission.PledgesDraft)
  @ApiOperation({
    summary: 'Change a draft progress report',
    description: "The unit's officer or head, while draft, with the `rowVersion` read as `expectedVersion`.",
  })
  @ApiOkResponse({ type: ProgressReportResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateProgressReportDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<ProgressReportResponseDto> {
    return this.reports.update(actor, id, dto, ifMatch);
  }

  @Get('cycles/:cycleId/pledge-progress')
  @RequirePermission(Permission.PledgesRead)
  @ApiOperation({
    summary: "The cluster's pledge progress table",
    description:
      'Per unit of the current pledge version and per signed target: the latest approved actual value of each ' +
      'period and the percentage of the target achieved.',
  })
  @ApiOkResponse({ type: PledgeProgressResponseDto })
  @ApiProblems(400, 401, 403, 404)
  table(
    @CurrentActor() actor: Actor,
    @Param('cycleId', UuidParam) cycleId: string,
  ): Promise<PledgeProgressResponseDto> {
    return this.progress.table(actor, cycleId);
  }
}
