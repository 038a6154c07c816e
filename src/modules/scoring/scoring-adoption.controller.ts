import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { RankingResponseDto } from './dto/ranking.dto';
import { AdoptRankingDto } from './dto/scoring-adoption.dto';
import { ScoringAdoptionService } from './scoring-adoption.service';
import { IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('scoring')
@Controller('scoring-periods/:periodId')
export class ScoringAdoptionController {
  constructor(private readonly adoption: ScoringAdoptionService) {}

  @Post('adopt')
  @HttpCode(200)
  @RequirePermission(Permission.ScoringManage)
  @ApiOperation({
    summary: "Adopt the period's final ranking",
    description:
      "The cluster's secretariat or an administrator. Every current member unit must have submitted its sheet " +
      '(409 sheets_missing, with the units); an adopted period is refused (409 period_adopted). Ties the rules ' +
      'cannot break are drawn when the rules include recorded_draw: the seed goes to the ledger ' +
      '(scoring.draw_seeded) before it is used; the order is sha256(seed + unitId) ascending. The snapshot names ' +
      'the leading unit (rank 1), is recorded with its digest (scoring.ranking_adopted), and from then on every ' +
      'score of the period is immutable (409 immutable_record). Opens the way to the voting phase.',
  })
  @ApiOkResponse({ type: RankingResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  adopt(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Body() dto: AdoptRankingDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<RankingResponseDto> {
    return this.adoption.adopt(actor, periodId, dto, ifMatch);
  }
}
