import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { SignedBundleDto, SignDocumentDto } from '../signatures';
import {
  CancelHandoverDto,
  FlagHandoverResponseDto,
  HandoverDocumentResponseDto,
  OpenHandoverDto,
} from './dto/flag-handovers.dto';
import { FlagHandoversService } from './flag-handovers.service';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

const SIGNING =
  'Fetch GET /flag-handovers/{id}/document, sign its `canonical` UTF-8 bytes with one of your registered keys ' +
  '(Ed25519, or ECDSA P-256 with SHA-256) and send `digest`, `signingKeyId` and the base64 `signature` ' +
  '(document_digest_mismatch, signature_invalid, signing_key_* otherwise).';

@ApiTags('flag')
@Controller()
export class FlagHandoversController {
  constructor(private readonly handovers: FlagHandoversService) {}

  @Post('flags/:id/handovers')
  @RequirePermission(Permission.FlagsManage)
  @ApiOperation({
    summary: 'Open the handover of the flag for a cycle',
    description:
      "The secretariat of the flag's cluster (or an administrator). The recipient is the leader unit a certified " +
      "election chose for the year after the cycle's (409 handover_recipient_not_elected otherwise, also when " +
      '`toUnitId` names another unit; handover_recipient_is_custodian when it already holds the flag). The flag ' +
      'must be held with no handover under way (handover_already_open), the cycle of its cluster ' +
      '(422 handover_cycle_other_cluster), not closed, and without another handover (cycle_already_handed_over).',
  })
  @ApiCreatedResponse({ type: FlagHandoverResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  open(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) flagId: string,
    @Body() dto: OpenHandoverDto,
  ): Promise<FlagHandoverResponseDto> {
    return this.handovers.open(actor, flagId, dto);
  }

  @Get('flag-handovers/:id')
  @RequirePermission(Permission.FlagsRead)
  @ApiOperation({ summary: 'A flag handover', description: 'Everyone signed in.' })
  @ApiVersionedResponse(FlagHandoverResponseDto)
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<FlagHandoverResponseDto> {
    return this.handovers.get(actor, id);
  }

  @Get('flag-handovers/:id/document')
  @RequirePermission(Permission.FlagsRead)
  @ApiOperation({
    summary: 'The handover record to sign',
    description:
      'The canonical record (RFC 8785 JSON: cluster, flag, cycle, date, place, from, to, witnesses, the election ' +
      'it executes) and its SHA-256. From the release on, the stored signed bytes: both heads sign the same record.',
  })
  @ApiOkResponse({ type: HandoverDocumentResponseDto })
  @ApiProblems(400, 401, 404)
  document(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<HandoverDocumentResponseDto> {
    return this.handovers.document(actor, id);
  }

  @Post('flag-handovers/:id/release')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentsSign)
  @ApiOperation({
    summary: "The outgoing custodian's head signs the release",
    description:
      'The head of the unit holding the flag, or a person that head delegated (403 signer_capacity_missing). ' +
      `${SIGNING} The flag goes in transit. Only once, first (409 handover_already_released, handover_completed, ` +
      'handover_cancelled).',
  })
  @ApiOkResponse({ type: FlagHandoverResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  release(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: SignDocumentDto,
  ): Promise<FlagHandoverResponseDto> {
    return this.handovers.release(actor, id, dto);
  }

  @Post('flag-handovers/:id/receipt')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentsSign)
  @ApiOperation({
    summary: "The incoming leader's head signs the receipt",
    description:
      'The head of the elected leader unit, or a person that head delegated (403 signer_capacity_missing), over ' +
      `the same record. ${SIGNING} Custody moves to the unit in the transaction of the ledger entry. Only after ` +
      'the release (409 handover_not_released), once (handover_completed).',
  })
  @ApiOkResponse({ type: FlagHandoverResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  receipt(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: SignDocumentDto,
  ): Promise<FlagHandoverResponseDto> {
    return this.handovers.receipt(actor, id, dto);
  }

  @Post('flag-handovers/:id/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.FlagsManage)
  @ApiOperation({
    summary: 'Cancel a handover before it completes',
    description:
      "The secretariat of the flag's cluster (or an administrator), with a reason. A flag in transit goes back to " +
      'the unit that released it, as a new period of the chain. Refused once completed (409 handover_completed) ' +
      'or cancelled; a stale `expectedVersion` or If-Match is 409 version_conflict.',
  })
  @ApiOkResponse({ type: FlagHandoverResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CancelHandoverDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<FlagHandoverResponseDto> {
    return this.handovers.cancel(actor, id, dto, ifMatch);
  }

  @Get('flag-handovers/:id/bundle')
  @RequirePermission(Permission.FlagsRead)
  @ApiOperation({
    summary: 'The signed handover record as a verifiable bundle',
    description:
      'Format `thidua.signed-bundle/1`: the record, its signatures, the keys, mandates and delegations they rest ' +
      'on, and the ledger segment that recorded them — checkable offline. Empty before the release.',
  })
  @ApiOkResponse({ type: SignedBundleDto })
  @ApiProblems(400, 401, 404)
  bundle(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<SignedBundleDto> {
    return this.handovers.bundle(actor, id);
  }
}
