import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import {
  CorrectResultsReportDto,
  CreateResultsReportDto,
  ListResultsReportsQueryDto,
  ResultsReportResponseDto,
  UpdateResultsReportDto,
} from './dto/results-reports.dto';
import { ReportsService } from './reports.service';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('cycles/:cycleId/reports')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({
    summary: "A cycle's results reports",
    description:
      "Approved versions for everyone; versions in the works only for the unit's people, the cluster's " +
      'secretariat and administrators. Sort fields: createdAt (default), updatedAt, number, status.',
  })
  @ApiPageResponse(ResultsReportResponseDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('cycleId', UuidParam) cycleId: string,
    @Query() query: ListResultsReportsQueryDto,
  ): Promise<Page<ResultsReportResponseDto>> {
    return this.reports.list(actor, cycleId, query);
  }

  @Post('cycles/:cycleId/reports')
  @RequirePermission(Permission.ReportsDraft)
  @ApiOperation({
    summary: "Draft a unit's results report for the cycle",
    description:
      "The unit's officer or head, for a current member unit of the cycle's cluster, while the cycle is not closed. " +
      'One version in the works per unit (409 report_in_progress). Opens the approval request ' +
      '(`approval.requestId`): the officer submits, the head approves or returns it.',
  })
  @ApiCreatedResponse({ type: ResultsReportResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('cycleId', UuidParam) cycleId: string,
    @Body() dto: CreateResultsReportDto,
  ): Promise<ResultsReportResponseDto> {
    return this.reports.create(actor, cycleId, dto);
  }

  @Get('reports/:id')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({
    summary: 'One version of a results report',
    description:
      "Approved: everyone signed in. Otherwise the unit's people, the cluster's secretariat, administrators.",
  })
  @ApiVersionedResponse(ResultsReportResponseDto)
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ResultsReportResponseDto> {
    return this.reports.get(actor, id);
  }

  @Patch('reports/:id')
  @RequirePermission(Permission.ReportsDraft)
  @ApiOperation({
    summary: 'Change a draft report',
    description:
      "The unit's officer or head, only while the version is a draft (409 report_not_draft), with the version " +
      'read (`expectedVersion` or If-Match, when sent; a stale one is 409 version_conflict).',
  })
  @ApiOkResponse({ type: ResultsReportResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateResultsReportDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<ResultsReportResponseDto> {
    return this.reports.update(actor, id, dto, ifMatch);
  }

  @Post('reports/:id/corrections')
  @RequirePermission(Permission.ReportsDraft)
  @ApiOperation({
    summary: 'Correct an approved report',
    description:
      'A new version (number + 1, `supersedesId` = this one) with all figures, through the workflow again. ' +
      'Only from the latest approved version (409 correction_requires_approved, report_superseded); the ' +
      'approved version keeps counting until the correction is approved.',
  })
  @ApiCreatedResponse({ type: ResultsReportResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  correct(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CorrectResultsReportDto,
  ): Promise<ResultsReportResponseDto> {
    return this.reports.correct(actor, id, dto);
  }
}
