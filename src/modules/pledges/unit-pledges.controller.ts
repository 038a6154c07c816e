import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { SignDocumentDto } from '../signatures';
import { UnitPledgeSignableDocumentDto } from './dto/pledge-documents.dto';
import { SetTargetsDto, UnitPledgeResponseDto } from './dto/unit-pledges.dto';
import { UnitPledgesService } from './unit-pledges.service';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('pledges')
@Controller('unit-pledges')
export class UnitPledgesController {
  constructor(private readonly unitPledges: UnitPledgesService) {}

  @Get(':id')
  @RequirePermission(Permission.PledgesRead)
  @ApiOperation({
    summary: "A unit's part of a pledge version",
    description: "Approved or signed: everyone. Before: the unit's people, the cluster's secretariat, administrators.",
  })
  @ApiVersionedResponse(UnitPledgeResponseDto)
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<UnitPledgeResponseDto> {
    return this.unitPledges.get(actor, id);
  }

  @Put(':id/targets')
  @RequirePermission(Permission.PledgesDraft)
  @ApiOperation({
    summary: "Replace the unit's targets",
    description:
      "The unit's officer or head, while the unit's pledge is a draft of the current version (409 " +
      'pledge_targets_not_draft once submitted, approved or signed). 1–50 targets, decimal strings. A stale ' +
      '`expectedVersion` or If-Match, when sent, is 409 version_conflict.',
  })
  @ApiOkResponse({ type: UnitPledgeResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  setTargets(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: SetTargetsDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<UnitPledgeResponseDto> {
    return this.unitPledges.setTargets(actor, id, dto, ifMatch);
  }

  @Get(':id/document')
  @RequirePermission(Permission.PledgesRead)
  @ApiOperation({
    summary: 'The document the head signs',
    description:
      'RFC 8785 canonical JSON of the shared text, the unit, its targets, the cycle, the rules version and the ' +
      'pledge version, and its SHA-256. Only once the targets are approved (409 pledge_targets_not_approved).',
  })
  @ApiOkResponse({ type: UnitPledgeSignableDocumentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  document(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<UnitPledgeSignableDocumentDto> {
    return this.unitPledges.document(actor, id);
  }

  @Post(':id/signatures')
  @RequirePermission(Permission.DocumentsSign)
  @ApiOperation({
    summary: "Sign the unit's pledge",
    description:
      "The unit's head (or the head's delegate) at this moment, with one of their registered keys, over the digest " +
      'fetched from /document: refused if the document changed since (409 document_digest_mismatch), before ' +
      'approval, twice, or without the head mandate (403 signer_capacity_missing).',
  })
  @ApiCreatedResponse({ type: UnitPledgeResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  sign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: SignDocumentDto,
  ): Promise<UnitPledgeResponseDto> {
    return this.unitPledges.sign(actor, id, dto);
  }
}
