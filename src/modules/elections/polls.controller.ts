import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { CreatePollDto, PollResponseDto, PollRollResponseDto, PollVersionDto } from './dto/polls.dto';
import { PollsService } from './polls.service';
import { TallyService } from './tally.service';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('polls')
@Controller()
export class PollsController {
  constructor(
    private readonly polls: PollsService,
    private readonly tallies: TallyService,
  ) {}

  @Get('meetings/:meetingId/polls')
  @RequirePermission(Permission.PollsRead)
  @ApiOperation({
    summary: "A meeting's polls",
    description: 'In the order they were created (runoffs after their parent).',
  })
  @ApiPageResponse(PollResponseDto)
  @ApiProblems(400, 401, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('meetingId', UuidParam) meetingId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<PollResponseDto>> {
    return this.polls.list(actor, meetingId, query);
  }

  @Post('meetings/:meetingId/polls')
  @RequirePermission(Permission.PollsManage)
  @ApiOperation({
    summary: 'Create a poll (draft)',
    description:
      'A leader or deputy election, an award proposal for one category, or a motion. Candidates are checked ' +
      'against the pinned rules (rotation, sealed pledge, adopted ranking, minimum score): refused ones are kept ' +
      'with `refusalCode` and `refusalReason` and get no place on the ballot (422 poll_no_eligible_candidates ' +
      'when none is left).',
  })
  @ApiCreatedResponse({ type: PollResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('meetingId', UuidParam) meetingId: string,
    @Body() dto: CreatePollDto,
  ): Promise<PollResponseDto> {
    return this.polls.create(actor, meetingId, dto);
  }

  @Get('polls/:id')
  @RequirePermission(Permission.PollsRead)
  @ApiOperation({
    summary: 'One poll',
    description: 'Candidates (with refusals), ballot options, roll digest, result.',
  })
  @ApiVersionedResponse(PollResponseDto)
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<PollResponseDto> {
    return this.polls.get(actor, id);
  }

  @Get('polls/:id/roll')
  @RequirePermission(Permission.PollsRead)
  @ApiOperation({ summary: 'The voter roll', description: 'Frozen when the poll opens; empty before.' })
  @ApiOkResponse({ type: PollRollResponseDto })
  @ApiProblems(400, 401, 404)
  roll(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<PollRollResponseDto> {
    return this.polls.roll(actor, id);
  }

  @Post('polls/:id/open')
  @HttpCode(200)
  @RequirePermission(Permission.PollsManage)
  @ApiOperation({
    summary: 'Open the poll: freeze the roll',
    description:
      'The roll is every member unit checked in now, voting through the delegate sitting for it (a runoff keeps ' +
      "its parent's roll), with the rules' weights; frozen by the database from here on, its digest in the " +
      'ledger. 409 quorum_not_met below the quorum (the award quorum for award proposals).',
  })
  @ApiOkResponse({ type: PollResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  open(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: PollVersionDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<PollResponseDto> {
    return this.polls.open(actor, id, dto, ifMatch);
  }

  @Post('polls/:id/close')
  @HttpCode(200)
  @RequirePermission(Permission.PollsManage)
  @ApiOperation({
    summary: 'Close the poll',
    description:
      'Waits for ballots being cast, then refuses more (409 poll_closed). Records the number of ballots and the ' +
      "bulletin board's digest in the ledger.",
  })
  @ApiOkResponse({ type: PollResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: PollVersionDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<PollResponseDto> {
    return this.tallies.close(actor, id, dto, ifMatch);
  }

  @Post('polls/:id/tally')
  @HttpCode(200)
  @RequirePermission(Permission.PollsManage)
  @ApiOperation({
    summary: 'Count the poll by the rules',
    description:
      'Threshold over the rules’ base, abstentions and invalid ballots as the rules say, ties by the rules’ order ' +
      '(a draw seed is recorded in the ledger before it is used), award quota. When no candidate passes and the ' +
      'rules allow another ballot, the runoff poll between the top two is created (`runoffPollId`, a draft with ' +
      'the same roll). Paper and mixed polls need the accepted paper count (409 paper_count_not_accepted).',
  })
  @ApiOkResponse({ type: PollResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  tally(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: PollVersionDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<PollResponseDto> {
    return this.tallies.tally(actor, id, dto, ifMatch);
  }
}
