import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { DelegationsService } from './delegations.service';
import {
  DelegationResponseDto,
  GrantDelegationDto,
  ListDelegationsQueryDto,
  RevokeDelegationDto,
} from './dto/delegations.dto';

@ApiTags('approvals')
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get()
  @RequirePermission(Permission.ApprovalsRead)
  @ApiOperation({
    summary: 'Delegations of approvals, current and past',
    description:
      'Everyone signed in may ask (a delegate needs to see what they received); the list holds what the caller ' +
      'may see: administrators all; others those they granted or received, those of units they hold a mandate ' +
      'in, and those of member units of a cluster they serve as secretariat. Sort fields: validFrom ' +
      '(default -validFrom), validTo, createdAt.',
  })
  @ApiPageResponse(DelegationResponseDto)
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: ListDelegationsQueryDto): Promise<Page<DelegationResponseDto>> {
    return this.delegations.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.DelegationsManage)
  @ApiOperation({
    summary: "Delegate the unit's approvals for a window",
    description:
      'The caller must head the unit today; the delegate must hold a mandate of the same unit. During ' +
      '[validFrom, validTo) the delegate may take the steps of a unit head (unit_head, member_heads) for the unit, ' +
      'while the delegator still heads it. Recorded in the ledger.',
  })
  @ApiCreatedResponse({ type: DelegationResponseDto })
  @ApiProblems(400, 401, 403, 422)
  grant(@CurrentActor() actor: Actor, @Body() dto: GrantDelegationDto): Promise<DelegationResponseDto> {
    return this.delegations.grant(actor, dto);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequirePermission(Permission.DelegationsManage)
  @ApiOperation({
    summary: 'Revoke a delegation before its end',
    description: 'The head who granted it, or an administrator. Recorded in the ledger.',
  })
  @ApiOkResponse({ type: DelegationResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: RevokeDelegationDto,
  ): Promise<DelegationResponseDto> {
    return this.delegations.revoke(actor, id, dto);
  }
}
