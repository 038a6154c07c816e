import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { CycleDashboardService } from './cycle-dashboard.service';
import { CyclesService } from './cycles.service';
import { CycleDashboardResponseDto } from './dto/cycle-dashboard.dto';
import {
  AdvanceCycleDto,
  CycleResponseDto,
  PinRulesVersionDto,
  ReopenPhaseDto,
  SetDeadlinesDto,
} from './dto/cycles.dto';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

const WHO_MANAGES = "Administrators, or the secretariat of the cycle's cluster.";

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(
    private readonly cycles: CyclesService,
    private readonly dashboards: CycleDashboardService,
  ) {}

  @Get(':id')
  @RequirePermission(Permission.CyclesRead)
  @ApiOperation({ summary: 'One yearly cycle' })
  @ApiVersionedResponse(CycleResponseDto)
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<CycleResponseDto> {
    return this.cycles.get(actor, id);
  }

  @Get(':id/dashboard')
  @RequirePermission(Permission.CyclesRead)
  @ApiOperation({
    summary: 'The cycle at a glance',
    description:
      'Phases with deadlines and the overdue flag (today in Asia/Ho_Chi_Minh), the gates of the next phase with ' +
      'their unmet conditions, what each unit still owes, and the history of moves, newest first.',
  })
  @ApiOkResponse({ type: CycleDashboardResponseDto })
  @ApiProblems(400, 401, 403, 404)
  dashboard(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<CycleDashboardResponseDto> {
    return this.dashboards.dashboard(actor, id);
  }

  @Post(':id/advance')
  @HttpCode(200)
  @RequirePermission(Permission.CyclesManage)
  @ApiOperation({
    summary: 'Move the cycle to the next phase',
    description:
      `${WHO_MANAGES} \`to\` must be the next phase (phase_backwards, phase_skip, cycle_closed otherwise); every ` +
      'blocking gate registered for it must be met (cycle_gate_unmet lists what is not, in `unmet`). ' +
      'A stale expectedVersion or If-Match is refused with version_conflict.',
  })
  @ApiOkResponse({ type: CycleResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  advance(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: AdvanceCycleDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<CycleResponseDto> {
    return this.cycles.advance(actor, id, dto, ifMatch);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermission(Permission.CyclesManage)
  @ApiOperation({
    summary: 'Reopen the current phase, with a reason',
    description:
      `${WHO_MANAGES} A cycle never goes back; instead the current phase is recorded as reopened (e.g. to let ` +
      'late submissions in), optionally with a new deadline. Refused on a closed cycle.',
  })
  @ApiOkResponse({ type: CycleResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  reopen(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: ReopenPhaseDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<CycleResponseDto> {
    return this.cycles.reopen(actor, id, dto, ifMatch);
  }

  @Put(':id/deadlines')
  @RequirePermission(Permission.CyclesManage)
  @ApiOperation({
    summary: 'Set phase deadlines',
    description:
      `${WHO_MANAGES} Calendar days in Asia/Ho_Chi_Minh. The phases named change (null clears), the others keep ` +
      'their deadline; a phase already over cannot change (deadline_for_past_phase).',
  })
  @ApiOkResponse({ type: CycleResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  setDeadlines(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: SetDeadlinesDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<CycleResponseDto> {
    return this.cycles.setDeadlines(actor, id, dto, ifMatch);
  }

  @Put(':id/rules-version')
  @RequirePermission(Permission.CyclesManage)
  @ApiOperation({
    summary: 'Pin the reward rules version the cycle runs under',
    description:
      `${WHO_MANAGES} An adopted version of the same cluster. In setup and rules_adoption any such version; ` +
      'in pledge_signing and in_progress only an amendment of the pinned one; from evaluation on, none (rules_pin_locked).',
  })
  @ApiOkResponse({ type: CycleResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  pinRulesVersion(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: PinRulesVersionDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<CycleResponseDto> {
    return this.cycles.pinRulesVersion(actor, id, dto, ifMatch);
  }
}
