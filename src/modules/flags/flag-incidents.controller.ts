import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { FlagIncidentResponseDto, ReportIncidentDto, ResolveIncidentDto } from './dto/flag-incidents.dto';
import { FlagIncidentsService } from './flag-incidents.service';

@ApiTags('flag')
@Controller()
export class FlagIncidentsController {
  constructor(private readonly incidents: FlagIncidentsService) {}

  @Post('flags/:id/incidents')
  @RequirePermission(Permission.FlagsReport)
  @ApiOperation({
    summary: 'Report that the flag was lost, damaged or replaced',
    description:
      'The head of the unit holding the flag (403 incident_report_forbidden); not while it is in transit ' +
      '(409 flag_not_held). The incident belongs to the current custody period and stays in the chain.',
  })
  @ApiCreatedResponse({ type: FlagIncidentResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  report(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) flagId: string,
    @Body() dto: ReportIncidentDto,
  ): Promise<FlagIncidentResponseDto> {
    return this.incidents.report(actor, flagId, dto);
  }

  @Post('flag-incidents/:id/resolve')
  @HttpCode(200)
  @RequirePermission(Permission.FlagsManage)
  @ApiOperation({
    summary: 'Resolve an incident',
    description:
      "The secretariat of the flag's cluster (or an administrator), with the resolution; once " +
      '(409 incident_already_resolved). A resolved incident is read-only, in the database too.',
  })
  @ApiOkResponse({ type: FlagIncidentResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: ResolveIncidentDto,
  ): Promise<FlagIncidentResponseDto> {
    return this.incidents.resolve(actor, id, dto);
  }
}
