import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/access/access.decorators';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { SignedBundleDto } from '../signatures';
import { PublicReadLimitGuard } from './public-read-limit.guard';
import { PublicRecordsService } from './public-records.service';

@ApiTags('verification')
@Controller()
export class PublicRecordsController {
  constructor(private readonly records: PublicRecordsService) {}

  @Get('records/:digest/bundle')
  @Public()
  @UseGuards(PublicReadLimitGuard)
  @ApiOperation({
    summary: "A final record's signed bundle, by the digest printed on it (no sign-in)",
    description:
      'For the public verifier (`/verify/{digest}`, decision 036): the bundle (format thidua.signed-bundle/1) of a ' +
      'sealed pledge (the seal document’s digest), a certified counting record or a completed flag handover (the ' +
      'signed record’s digest). Drafts, records not yet final and unknown digests are all 404 ' +
      '`final_record_not_found`. Rate-limited per client address (429 with Retry-After).',
  })
  @ApiParam({ name: 'digest', description: 'SHA-256 of the record, 64 hexadecimal digits', example: 'a'.repeat(64) })
  @ApiOkResponse({ type: SignedBundleDto })
  @ApiProblems(400, 404, 429)
  bundle(@Param('digest') digest: string): Promise<SignedBundleDto> {
    return this.records.bundle(digest);
  }
}
