import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { CreateMeetingDto, MeetingQuorumResponseDto, MeetingResponseDto, UpdateMeetingDto } from './dto/meetings.dto';
import { MeetingsService } from './meetings.service';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get('cycles/:cycleId/meetings')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: "A cycle's meetings", description: 'By day, then creation.' })
  @ApiPageResponse(MeetingResponseDto)
  @ApiProblems(400, 401, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('cycleId', UuidParam) cycleId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<MeetingResponseDto>> {
    return this.meetings.list(actor, cycleId, query);
  }

  @Post('cycles/:cycleId/meetings')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({
    summary: 'Schedule a meeting of the cluster for the cycle',
    description: "The cluster's secretariat or an administrator; not in a closed cycle.",
  })
  @ApiCreatedResponse({ type: MeetingResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @CurrentActor() actor: Actor,
    @Param('cycleId', UuidParam) cycleId: string,
    @Body() dto: CreateMeetingDto,
  ): Promise<MeetingResponseDto> {
    return this.meetings.create(actor, cycleId, dto);
  }

  @Get('meetings/:id')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'One meeting' })
  @ApiVersionedResponse(MeetingResponseDto)
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<MeetingResponseDto> {
    return this.meetings.get(actor, id);
  }

  @Patch('meetings/:id')
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({
    summary: "Change a meeting's details, agenda or status",
    description:
      'A stale `expectedVersion` or If-Match, when sent, is 409 version_conflict. Status moves forward only ' +
      '(409 meeting_status_backwards); a closed meeting no longer changes (409 meeting_closed).',
  })
  @ApiOkResponse({ type: MeetingResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateMeetingDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<MeetingResponseDto> {
    return this.meetings.update(actor, id, dto, ifMatch);
  }

  @Get('meetings/:id/quorum')
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({
    summary: 'The quorum, live',
    description:
      "Member units present now over the cluster's member units, against `voting.quorum` and " +
      "`voting.awardQuorum` of the cycle's pinned rules (409 meeting_rules_not_pinned without them).",
  })
  @ApiOkResponse({ type: MeetingQuorumResponseDto })
  @ApiProblems(400, 401, 404, 409)
  quorum(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<MeetingQuorumResponseDto> {
    return this.meetings.quorum(actor, id);
  }
}
