import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission, SessionCheckedByHandler } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { BallotsService } from './ballots.service';
import { BulletinBoardResponseDto, CastBallotDto, CastBallotResponseDto, TurnoutResponseDto } from './dto/ballots.dto';

@ApiTags('polls')
@Controller('polls/:id')
export class BallotsController {
  constructor(private readonly ballots: BallotsService) {}

  @Post('ballots')
  // Its key is never stored with the voter (decision 011), so no IdempotencyInterceptor on it (decision 033).
  @RequirePermission(Permission.BallotsCast, { ownIdempotencyScheme: true })
  // The casting statement checks the session itself: one round trip per ballot (decision 011).
  @SessionCheckedByHandler()
  // No request-log line (decision 011; who cast when is not the log's business), by the resolved route.
  @RouteConfig({ requestLog: false })
  @ApiOperation({
    summary: 'Cast a secret ballot',
    description:
      'Only a voter of the frozen roll (403 voter_not_on_roll), while the poll is open (409 poll_not_open, ' +
      'poll_closed). Who voted and what was voted are written in one statement to two unlinked tables. ' +
      'A retry with the same Idempotency-Key and choice returns the same receipt; another ballot is 409 ' +
      'ballot_already_cast.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A new random (version 4) UUID for this ballot; the same one on retries. Never stored.',
  })
  @ApiBody({ type: CastBallotDto })
  @ApiCreatedResponse({ type: CastBallotResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  cast(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    // Checked by hand in the service (parseCastBallot), not by the global pipe: the hot path.
    @Body() body: unknown,
  ): Promise<CastBallotResponseDto> {
    return this.ballots.cast(actor, id, idempotencyKey, body);
  }

  @Get('turnout')
  @RequirePermission(Permission.PollsRead)
  @ApiOperation({ summary: 'Live turnout', description: 'Voted over entitled; never a choice.' })
  @ApiOkResponse({ type: TurnoutResponseDto })
  @ApiProblems(400, 401, 404)
  turnout(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<TurnoutResponseDto> {
    return this.ballots.turnout(actor, id);
  }

  @Get('bulletin-board')
  @RequirePermission(Permission.PollsRead)
  @ApiOperation({
    summary: 'The bulletin board',
    description:
      'After close: every electronic ballot by its receipt tracker, sorted by tracker, with the digest recorded ' +
      'in the ledger at close. 409 poll_not_closed before.',
  })
  @ApiOkResponse({ type: BulletinBoardResponseDto })
  @ApiProblems(400, 401, 404, 409)
  bulletinBoard(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<BulletinBoardResponseDto> {
    return this.ballots.bulletinBoard(actor, id);
  }
}
