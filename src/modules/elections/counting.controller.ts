import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { CountingBoardService } from './counting-board.service';
import {
  AppointCountingBoardDto,
  CountingBoardResponseDto,
  HandPaperBallotDto,
  PaperBallotHolderDto,
  PaperBallotResponseDto,
  RaiseHandDto,
} from './dto/counting-board.dto';
import { EnterPaperCountDto, PaperCountResponseDto } from './dto/paper-entries.dto';
import { PaperCountService } from './paper-count.service';
import { IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('polls')
@Controller('polls/:id')
export class CountingController {
  constructor(
    private readonly boards: CountingBoardService,
    private readonly paper: PaperCountService,
  ) {}

  @Get('counting-board')
  @RequirePermission(Permission.PollsRead)
  @ApiOperation({
    summary: 'The counting board',
    description: 'The proposal, its members, the hands raised on it, whether it is confirmed and can still change.',
  })
  @ApiOkResponse({ type: CountingBoardResponseDto })
  @ApiProblems(400, 401, 404)
  board(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<CountingBoardResponseDto> {
    return this.boards.get(actor, id);
  }

  @Put('counting-board')
  @RequirePermission(Permission.PollsManage)
  @ApiOperation({
    summary: 'Propose the counting board (the meeting confirms it)',
    description:
      'The chair (secretariat) proposes a board; it replaces any earlier proposal, confirmed or not, and must be ' +
      'confirmed by the meeting again (POST …/counting-board/hands). At least two people (422 ' +
      'counting_board_too_small), each holding a delegate or head mandate of a member unit present at the meeting ' +
      '(422 counting_board_member_no_seat), one per unit (422 counting_board_units_not_distinct), none of a ' +
      "candidate's unit or sitting for one (422 counting_board_member_conflict, with the reasons). 409 " +
      'counting_board_locked once a paper figure is entered or the poll is tallied.',
  })
  @ApiOkResponse({ type: CountingBoardResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  propose(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: AppointCountingBoardDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<CountingBoardResponseDto> {
    return this.boards.propose(actor, id, dto, ifMatch);
  }

  @Post('counting-board/hands')
  @HttpCode(200)
  @RequirePermission(Permission.BallotsCast)
  @ApiOperation({
    summary: "Raise your unit's hand on the proposed counting board",
    description:
      'The show of hands that confirms the board: the person checked in for a member unit at the meeting, with its ' +
      'delegate or head mandate, votes for, against or abstains, once per unit and proposal (403 ' +
      'counting_board_hand_not_present, 409 counting_board_hand_already_raised). When the hands for it exceed ' +
      'the rules’ share of the units present (default one half), the board is confirmed. 409 ' +
      'counting_board_proposal_changed if another board was proposed since you read it.',
  })
  @ApiOkResponse({ type: CountingBoardResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  raiseHand(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: RaiseHandDto,
  ): Promise<CountingBoardResponseDto> {
    return this.boards.raiseHand(actor, id, dto);
  }

  @Post('paper-ballots')
  @RequirePermission(Permission.PollsManage)
  @ApiOperation({
    summary: 'Hand a paper ballot to a voter',
    description:
      'Paper and mixed polls, while open: records that the unit on the roll voted on paper, so that it cannot ' +
      'also vote electronically (409 ballot_already_cast either way). The count sheet’s ballots_issued must ' +
      'equal the ballots handed out on record.',
  })
  @ApiCreatedResponse({ type: PaperBallotResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  handBallot(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: HandPaperBallotDto,
  ): Promise<PaperBallotResponseDto> {
    return this.paper.handBallot(actor, id, dto);
  }

  @Get('paper-ballots')
  @RequirePermission(Permission.PollsManage)
  @ApiOperation({
    summary: 'Who was handed paper ballots',
    description:
      "The cluster's secretariat or an administrator only (403 forbidden / poll_manage_forbidden): which units voted on paper is not " +
      'published — set against the bulletin board it could name the electronic voters. Sort: unitId.',
  })
  @ApiPageResponse(PaperBallotHolderDto)
  @ApiProblems(400, 401, 403, 404)
  paperBallots(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<PaperBallotHolderDto>> {
    return this.paper.paperBallots(actor, id, query);
  }

  @Get('paper-entries')
  @RequirePermission(Permission.PollsRead)
  @ApiOperation({
    summary: 'The paper count: double entry and its history',
    description:
      "Each member's current figures line by line, which lines agree, whether the count is accepted, and " +
      'every entry ever made (a correction names the figure it replaced, who and why). A mixed poll whose ' +
      'ballots are not listed (too few voters on one channel): its counting board, secretariat and ' +
      'administrators only (403 paper_count_restricted).',
  })
  @ApiOkResponse({ type: PaperCountResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  entries(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<PaperCountResponseDto> {
    return this.paper.entries(actor, id);
  }

  @Post('paper-entries')
  @RequirePermission(Permission.PaperCountsEnter)
  @ApiOperation({
    summary: 'Enter paper counts (counting-board members)',
    description:
      'After close and before the tally (409 paper_count_not_open). Your figures for some or all lines of the ' +
      'sheet; a line you entered before is a correction and needs `reason` (422 ' +
      'paper_correction_reason_required). 403 not_on_counting_board for anyone else.',
  })
  @ApiCreatedResponse({ type: PaperCountResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  enter(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: EnterPaperCountDto,
  ): Promise<PaperCountResponseDto> {
    return this.paper.enter(actor, id, dto);
  }
}
