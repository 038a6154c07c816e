import { Controller, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { RankingQueryDto, RankingResponseDto } from './dto/ranking.dto';
import { RANKING_CSV_HEADER } from './ranking-csv';
import { RankingService } from './ranking.service';

@ApiTags('scoring')
@Controller('scoring-periods/:periodId')
export class RankingController {
  constructor(private readonly rankings: RankingService) {}

  @Get('ranking')
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({
    summary: "The period's ranking of member units at a stage",
    description:
      'Units with a submitted sheet, by total (criteria + bonus − penalty) descending, ties broken in the order of ' +
      "the rules' voting.tieBreak; ties left for the draw share a rank (`tied`) until adoption. Per-group " +
      'subtotals; current member units without a submitted sheet in `missingUnits`. After adoption, stage final is ' +
      "the adopted snapshot (`adopted: true`). For the cluster's people and administrators (403 ranking_not_visible).",
  })
  @ApiOkResponse({ type: RankingResponseDto })
  @ApiProblems(400, 401, 403, 404)
  ranking(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Query() query: RankingQueryDto,
  ): Promise<RankingResponseDto> {
    return this.rankings.ranking(actor, periodId, query.stage);
  }

  @Get('ranking.csv')
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({
    summary: "The period's ranking as CSV",
    description:
      'UTF-8 with a byte order mark, CRLF lines, RFC 4180 quoting; Vietnamese headers, then one "Nhóm <code>: ' +
      '<name>" column per criteria group. Ranked units only. Sent as an attachment.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The ranking table.',
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          example: `${RANKING_CSV_HEADER.join(',')},Nhóm A: Công tác tổ chức\r\n1,Liên minh Hợp tác xã tỉnh Sơn La,92.50,90.00,3.00,0.50,28.00\r\n`,
        },
      },
    },
  })
  @ApiProblems(400, 401, 403, 404)
  csv(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Query() query: RankingQueryDto,
  ): Promise<StreamableFile> {
    return this.rankings.csv(actor, periodId, query.stage);
  }
}
