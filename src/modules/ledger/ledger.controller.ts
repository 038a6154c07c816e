import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { LedgerEntryDto, LedgerHeadDto, LedgerVerificationDto, ListLedgerEntriesQueryDto } from './dto/ledger.dto';
import { LedgerService } from './ledger.service';

@ApiTags('ledger')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('entries')
  @RequirePermission(Permission.LedgerRead)
  @ApiOperation({
    summary: 'The entries of the audit ledger I may read, newest first, filtered by subject or action',
    description:
      'Scoped to the clusters and units the reader serves (docs/read-model.md); administrators see all. ' +
      "Another unit's drafts are listed with `payload: null` and `payloadWithheld: true`; digests and hashes stay, " +
      'so the chain verifies. `ledger/head` and `ledger/verify` are open to every signed-in person.',
  })
  @ApiPageResponse(LedgerEntryDto)
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: ListLedgerEntriesQueryDto): Promise<Page<LedgerEntryDto>> {
    return this.ledger.list(actor, query);
  }

  @Get('head')
  @RequirePermission(Permission.LedgerVerify)
  @ApiOperation({ summary: 'The newest hash of the audit ledger and its length' })
  @ApiOkResponse({ type: LedgerHeadDto })
  @ApiProblems(401)
  head(): Promise<LedgerHeadDto> {
    return this.ledger.head();
  }

  @Get('verify')
  @RequirePermission(Permission.LedgerVerify)
  @ApiOperation({ summary: 'Recompute the whole chain and name the first broken link, if any' })
  @ApiOkResponse({ type: LedgerVerificationDto })
  @ApiProblems(401)
  verify(): Promise<LedgerVerificationDto> {
    return this.ledger.verify();
  }
}
