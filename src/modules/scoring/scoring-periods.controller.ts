import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import {
  CreateScoringPeriodDto,
  ListScoringPeriodsQueryDto,
  ScoringPeriodResponseDto,
} from './dto/scoring-periods.dto';
import { ScoringPeriodsService } from './scoring-periods.service';
import { ApiVersionedResponse } from '../../common/versioning/versioning.decorators';

@ApiTags('scoring')
@Controller()
export class ScoringPeriodsController {
  constructor(private readonly periods: ScoringPeriodsService) {}

  @Post('cycles/:cycleId/scoring-periods')
  @RequirePermission(Permission.ScoringManage)
  @ApiOperation({
    summary: 'Open a scoring period',
    description:
      "Administrators, or the cycle's cluster secretariat. The cycle must pin adopted rules (409 rules_not_pinned) " +
      'and be in_progress or in evaluation (409 cycle_phase_not_scoring); the period scores against that rules ' +
      'version. explanationDue may not precede selfScoringDue (422 scoring_period_dates_invalid); names are unique ' +
      'per cycle (409 scoring_period_name_taken).',
  })
  @ApiCreatedResponse({ type: ScoringPeriodResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('cycleId', UuidParam) cycleId: string,
    @Body() dto: CreateScoringPeriodDto,
  ): Promise<ScoringPeriodResponseDto> {
    return this.periods.create(actor, cycleId, dto);
  }

  @Get('cycles/:cycleId/scoring-periods')
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({
    summary: "A cycle's scoring periods",
    description: 'Sort fields: createdAt (default), selfScoringDue, name.',
  })
  @ApiPageResponse(ScoringPeriodResponseDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('cycleId', UuidParam) cycleId: string,
    @Query() query: ListScoringPeriodsQueryDto,
  ): Promise<Page<ScoringPeriodResponseDto>> {
    return this.periods.list(actor, cycleId, query);
  }

  @Get('scoring-periods/:id')
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({ summary: 'One scoring period' })
  @ApiVersionedResponse(ScoringPeriodResponseDto)
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<ScoringPeriodResponseDto> {
    return this.periods.get(actor, id);
  }
}
