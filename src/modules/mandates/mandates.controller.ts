import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { EndMandateDto, GrantMandateDto, ListMandatesQueryDto, MandateResponseDto } from './dto/mandates.dto';
import { MandatesService } from './mandates.service';

@ApiTags('mandates')
@Controller('mandates')
export class MandatesController {
  constructor(private readonly mandates: MandatesService) {}

  @Get()
  @RequirePermission(Permission.MandatesRead)
  @ApiOperation({
    summary: 'List mandates, current and past',
    description: 'Sort fields: validFrom (default -validFrom), validTo, createdAt, role.',
  })
  @ApiPageResponse(MandateResponseDto)
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: ListMandatesQueryDto): Promise<Page<MandateResponseDto>> {
    return this.mandates.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.MandatesManage)
  @ApiOperation({
    summary: 'Grant a mandate',
    description:
      'Administrators grant any mandate; head, secretariat and admin mandates only they grant. A unit’s head (in force ' +
      'now) grants the officer and delegate mandates of that unit. A cluster’s secretariat grants none. Nobody grants a ' +
      'mandate to themselves. A unit has at most one head at any instant (409 unit_head_exists).',
  })
  @ApiCreatedResponse({ type: MandateResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  grant(@CurrentActor() actor: Actor, @Body() dto: GrantMandateDto): Promise<MandateResponseDto> {
    return this.mandates.grant(actor, dto);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequirePermission(Permission.MandatesManage)
  @ApiOperation({
    summary: 'End a mandate',
    description:
      'Who may grant a mandate may end it; the ledger entry and `endedBy` name who ended it. The mandate is kept: it ' +
      'proves who held the role on a given day.',
  })
  @ApiOkResponse({ type: MandateResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  end(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: EndMandateDto,
  ): Promise<MandateResponseDto> {
    return this.mandates.end(actor, id, dto);
  }
}
