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
import { AmendPledgeDto, CreatePledgeDto, PledgeResponseDto, UpdatePledgeDto } from './dto/pledges.dto';
import { SignDocumentDto, SignedBundleDto } from '../signatures';
import { PledgeSealSignableDocumentDto } from './dto/pledge-documents.dto';
import { PledgeSealService } from './pledge-seal.service';
import { PledgesService } from './pledges.service';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('pledges')
@Controller()
export class PledgesController {
  constructor(
    private readonly pledges: PledgesService,
    private readonly seals: PledgeSealService,
  ) {}

  @Get('cycles/:cycleId/pledges')
  @RequirePermission(Permission.PledgesRead)
  @ApiOperation({
    summary: "Every version of the cycle's pledge",
    description: 'Newest (current) first. Sort fields: number (default -number), createdAt.',
  })
  @ApiPageResponse(PledgeResponseDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('cycleId', UuidParam) cycleId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<PledgeResponseDto>> {
    return this.pledges.list(actor, cycleId, query);
  }

  @Post('cycles/:cycleId/pledges')
  @RequirePermission(Permission.PledgesManage)
  @ApiOperation({
    summary: "Create the cycle's pledge (version 1)",
    description:
      "The secretariat of the cycle's cluster, during rules_adoption or pledge_signing, with adopted rules pinned. " +
      "Creates a draft unit's pledge (no targets) for every current member unit, each with its approval request. " +
      'One per cycle (409 pledge_exists).',
  })
  @ApiCreatedResponse({ type: PledgeResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @CurrentActor() actor: Actor,
    @Param('cycleId', UuidParam) cycleId: string,
    @Body() dto: CreatePledgeDto,
  ): Promise<PledgeResponseDto> {
    return this.pledges.create(actor, cycleId, dto);
  }

  @Get('pledges/:id')
  @RequirePermission(Permission.PledgesRead)
  @ApiOperation({
    summary: 'One pledge version',
    description: "Units' statuses and signatures, key fingerprints, seal.",
  })
  @ApiVersionedResponse(PledgeResponseDto)
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<PledgeResponseDto> {
    return this.pledges.get(actor, id);
  }

  @Put('pledges/:id')
  @RequirePermission(Permission.PledgesManage)
  @ApiOperation({
    summary: 'Change the shared text',
    description:
      'The secretariat, on the current version while no unit has signed it (409 pledge_has_signatures). A stale ' +
      '`expectedVersion` or If-Match, when sent, is 409 version_conflict.',
  })
  @ApiOkResponse({ type: PledgeResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdatePledgeDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<PledgeResponseDto> {
    return this.pledges.update(actor, id, dto, ifMatch);
  }

  @Post('pledges/:id/amendments')
  @RequirePermission(Permission.PledgesManage)
  @ApiOperation({
    summary: 'Amend the pledge: a new version to sign again',
    description:
      'The secretariat, once the current version has a signature or is sealed. Version N+1 copies every unit’s ' +
      'targets into a new draft; version N stays readable and read-only.',
  })
  @ApiCreatedResponse({ type: PledgeResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  amend(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: AmendPledgeDto,
  ): Promise<PledgeResponseDto> {
    return this.pledges.amend(actor, id, dto);
  }

  @Get('pledges/:id/seal-document')
  @RequirePermission(Permission.PledgesRead)
  @ApiOperation({
    summary: 'The seal document to countersign',
    description:
      "Canonical bytes and digest of the seal (the digest of every member unit's signed pledge); 409 " +
      'pledge_units_unsigned while a unit has not signed. Once sealed, the document as signed.',
  })
  @ApiOkResponse({ type: PledgeSealSignableDocumentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  sealDocument(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<PledgeSealSignableDocumentDto> {
    return this.seals.sealDocument(actor, id);
  }

  @Post('pledges/:id/seal')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentsSign)
  @ApiOperation({
    summary: 'Countersign and seal the pledge',
    description:
      "By the head of the cluster leader unit (or the secretariat, as the pledge's rules say), with a signature " +
      'over the seal document. The sealed version is read-only, in the database too.',
  })
  @ApiOkResponse({ type: PledgeResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  seal(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: SignDocumentDto,
  ): Promise<PledgeResponseDto> {
    return this.seals.seal(actor, id, dto);
  }

  @Get('pledges/:id/bundle')
  @RequirePermission(Permission.PledgesRead)
  @ApiOperation({
    summary: 'The offline-verifiable bundle of a pledge version',
    description:
      "Every unit's signed document and the seal, the signatures, keys, mandates and the ledger entries that " +
      'recorded them (format thidua.signed-bundle/1). Check it with `npm run verify-pledge -- bundle.json`.',
  })
  @ApiOkResponse({ type: SignedBundleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  bundle(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<SignedBundleDto> {
    return this.seals.bundle(actor, id);
  }
}
