import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { CreateUnitDto, ListUnitsQueryDto, UnitResponseDto, UpdateUnitDto } from './dto/units.dto';
import { UnitsService } from './units.service';

@ApiTags('registry')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({
    summary: 'List units (member alliances and bodies above clusters)',
    description: 'Sort fields: code (default), name, createdAt.',
  })
  @ApiPageResponse(UnitResponseDto)
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: ListUnitsQueryDto): Promise<Page<UnitResponseDto>> {
    return this.units.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({ summary: 'One unit' })
  @ApiOkResponse({ type: UnitResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<UnitResponseDto> {
    return this.units.get(actor, id);
  }

  @Post()
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({ summary: 'Register a unit', description: 'Administrators only.' })
  @ApiCreatedResponse({ type: UnitResponseDto })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto): Promise<UnitResponseDto> {
    return this.units.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({
    summary: 'Change a unit',
    description:
      "The unit's head (a head mandate in force now) changes name and shortName; an administrator any field; " +
      "never a cluster's secretariat.",
  })
  @ApiOkResponse({ type: UnitResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateUnitDto,
  ): Promise<UnitResponseDto> {
    return this.units.update(actor, id, dto);
  }
}
