import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import {
  AmendRulesVersionDto,
  CreateRulesVersionDto,
  ListRulesVersionsQueryDto,
  RulesDefaultsResponseDto,
  RulesVersionResponseDto,
  RulesVersionSummaryDto,
  UpdateRulesVersionDto,
} from './dto/rules-versions.dto';
import { RulesService } from './rules.service';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

const CONTENT_RULES =
  'The content is checked in two steps: its shape (400 validation_failed) and the rules of the model — leaves ' +
  "carry maxPoints, a parent's stated maximum is the sum of its children, caps, shares in (0, 1], unique codes, " +
  'eligibility, rotation order of member units (422 rules_content_invalid); both list `errors` by field path.';

@ApiTags('rules')
@Controller()
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get('clusters/:clusterId/rules-versions')
  @RequirePermission(Permission.RulesRead)
  @ApiOperation({
    summary: "A cluster's rules versions",
    description: 'Sort fields: number (default), createdAt, adoptedAt.',
  })
  @ApiPageResponse(RulesVersionSummaryDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Query() query: ListRulesVersionsQueryDto,
  ): Promise<Page<RulesVersionSummaryDto>> {
    return this.rules.list(actor, clusterId, query);
  }

  @Post('clusters/:clusterId/rules-versions')
  @RequirePermission(Permission.RulesDraft)
  @ApiOperation({
    summary: 'Draft a rules version',
    description:
      "Administrators, or this cluster's secretariat. Without `content`, the documented defaults. Opens the " +
      'adoption request (workflow rules_adoption); k, the heads needed to adopt, is fixed now. ' +
      CONTENT_RULES,
  })
  @ApiCreatedResponse({ type: RulesVersionResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
    @Body() dto: CreateRulesVersionDto,
  ): Promise<RulesVersionResponseDto> {
    return this.rules.create(actor, clusterId, dto);
  }

  @Get('clusters/:clusterId/rules-defaults')
  @RequirePermission(Permission.RulesRead)
  @ApiOperation({
    summary: 'The default rules content',
    description: 'What a draft starts from without content; sources in docs/domain/rules-defaults.md.',
  })
  @ApiOkResponse({ type: RulesDefaultsResponseDto })
  @ApiProblems(400, 401, 403, 404)
  defaults(
    @CurrentActor() actor: Actor,
    @Param('clusterId', UuidParam) clusterId: string,
  ): Promise<RulesDefaultsResponseDto> {
    return this.rules.defaults(actor, clusterId);
  }

  @Get('rules-versions/:id')
  @RequirePermission(Permission.RulesRead)
  @ApiOperation({
    summary: 'One rules version',
    description: 'With the computed maxima of parent criteria, the total maximum and the adoption request.',
  })
  @ApiVersionedResponse(RulesVersionResponseDto)
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<RulesVersionResponseDto> {
    return this.rules.get(actor, id);
  }

  @Patch('rules-versions/:id')
  @RequirePermission(Permission.RulesDraft)
  @ApiOperation({
    summary: 'Revise a draft rules version',
    description:
      "Administrators, or the cluster's secretariat, while the version is a draft (else 409 " +
      'rules_version_not_draft); `expectedVersion` or If-Match, when sent, is the version you read (else 409 version_conflict). ' +
      CONTENT_RULES,
  })
  @ApiOkResponse({ type: RulesVersionResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateRulesVersionDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<RulesVersionResponseDto> {
    return this.rules.update(actor, id, dto, ifMatch);
  }

  @Post('rules-versions/:id/amendments')
  @RequirePermission(Permission.RulesDraft)
  @ApiOperation({
    summary: 'Amend an adopted rules version',
    description:
      'A new draft with the content of this adopted version, which it names in `replacesId`; refused unless ' +
      'the version is adopted (409 amend_requires_adopted). It is then revised, proposed and adopted like any draft.',
  })
  @ApiCreatedResponse({ type: RulesVersionResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  amend(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: AmendRulesVersionDto,
  ): Promise<RulesVersionResponseDto> {
    return this.rules.amend(actor, id, dto);
  }
}
