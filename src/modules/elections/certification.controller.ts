import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { SignDocumentDto, SignedBundleDto } from '../signatures';
import { CertificationService } from './certification.service';
import { CountingRecordResponseDto } from './dto/certification.dto';
import { PollResponseDto, PollVersionDto } from './dto/polls.dto';
import { IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('polls')
@Controller('polls/:id')
export class CertificationController {
  constructor(private readonly certification: CertificationService) {}

  @Get('counting-record')
  @RequirePermission(Permission.PollsRead)
  @ApiOperation({
    summary: 'The counting record (biên bản kiểm phiếu)',
    description:
      'Once tallied: the canonical bytes to sign, their digest, the parsed content, who has signed and who ' +
      'has not. 409 poll_not_tallied before.',
  })
  @ApiOkResponse({ type: CountingRecordResponseDto })
  @ApiProblems(400, 401, 404, 409)
  record(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<CountingRecordResponseDto> {
    return this.certification.record(actor, id);
  }

  @Post('counting-record/signatures')
  @RequirePermission(Permission.DocumentsSign)
  @ApiOperation({
    summary: 'Sign the counting record',
    description:
      'A counting-board member signs as `counting_board`, the cluster’s secretariat as `secretariat` (anyone ' +
      'else: 403 signer_capacity_missing). The digest must be the current one (409 document_digest_mismatch); ' +
      'the signature is checked against your registered key.',
  })
  @ApiCreatedResponse({ type: CountingRecordResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  sign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: SignDocumentDto,
  ): Promise<CountingRecordResponseDto> {
    return this.certification.sign(actor, id, dto);
  }

  @Post('certify')
  @HttpCode(200)
  @RequirePermission(Permission.PollsManage)
  @ApiOperation({
    summary: 'Certify the result',
    description:
      'When every counting-board member and the secretariat have signed (409 counting_record_not_signed): the ' +
      'poll is sealed (read-only), the ledger records the record’s digest, and the result takes effect — an ' +
      'elected leader or deputy leads the cluster next year; an adopted motion completes its approval request.',
  })
  @ApiOkResponse({ type: PollResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  certify(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: PollVersionDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<PollResponseDto> {
    return this.certification.certify(actor, id, dto, ifMatch);
  }

  @Get('bundle')
  @RequirePermission(Permission.PollsRead)
  @ApiOperation({
    summary: 'The signed counting record as a verifiable bundle',
    description:
      'Format `thidua.signed-bundle/1` (`npm run verify-pledge -- bundle.json` checks it offline): the counting ' +
      'record, its signatures, the keys, mandates and the ledger segment that recorded them. Empty before the ' +
      'first signature.',
  })
  @ApiOkResponse({ type: SignedBundleDto })
  @ApiProblems(400, 401, 404)
  bundle(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<SignedBundleDto> {
    return this.certification.bundle(actor, id);
  }
}
