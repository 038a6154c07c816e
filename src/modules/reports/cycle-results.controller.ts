import { Controller, Get, Param, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { CycleResultsService } from './cycle-results.service';
import { CycleResultsResponseDto } from './dto/cycle-results.dto';
import { RESULTS_CSV_HEADER, RESULTS_CSV_TOTAL_LABEL } from './results-csv';

@ApiTags('reports')
@Controller('cycles/:cycleId')
export class CycleResultsController {
  constructor(private readonly results: CycleResultsService) {}

  @Get('results')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({
    summary: "The cluster's totals for the cycle",
    description:
      'Sums of the latest approved version of each current member unit (exact; capital as a string of digits), ' +
      'the per-unit figures, and the member units without an approved report.',
  })
  @ApiOkResponse({ type: CycleResultsResponseDto })
  @ApiProblems(400, 401, 403, 404)
  totals(@CurrentActor() actor: Actor, @Param('cycleId', UuidParam) cycleId: string): Promise<CycleResultsResponseDto> {
    return this.results.results(actor, cycleId);
  }

  @Get('results.csv')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({
    summary: "The cluster's totals for the cycle, as CSV",
    description:
      'UTF-8 with a byte order mark, CRLF lines, RFC 4180 quoting; a Vietnamese header row, one row per unit with ' +
      `an approved report, then the "${RESULTS_CSV_TOTAL_LABEL}" row. Sent as an attachment named after the year.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The per-unit table and the total row.',
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          example: `${RESULTS_CSV_HEADER.join(',')}\r\nLiên minh Hợp tác xã tỉnh Sơn La,482,348200000000,13420,3610,3830,22,18\r\n`,
        },
      },
    },
  })
  @ApiProblems(400, 401, 403, 404)
  csv(@CurrentActor() actor: Actor, @Param('cycleId', UuidParam) cycleId: string): Promise<StreamableFile> {
    return this.results.csv(actor, cycleId);
  }
}
