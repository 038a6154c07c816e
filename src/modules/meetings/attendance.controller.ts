import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { AttendanceResponseDto, CheckInDto, CheckOutDto } from './dto/attendance.dto';
import { AttendanceService } from './attendance.service';

@ApiTags('meetings')
@Controller('meetings/:id/attendance')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get()
  @RequirePermission(Permission.MeetingsRead)
  @ApiOperation({ summary: 'The attendance register', description: 'Every check-in and check-out, in order.' })
  @ApiPageResponse(AttendanceResponseDto)
  @ApiProblems(400, 401, 404)
  register(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<AttendanceResponseDto>> {
    return this.attendance.register(actor, id, query);
  }

  @Post('check-in')
  @RequirePermission(Permission.AttendanceCheckIn)
  @ApiOperation({
    summary: 'Sign the register for a unit',
    description:
      "A unit's delegate or head checks in themselves; the secretariat records anyone holding such a mandate " +
      '(`delegateId`). One person per unit and one unit per person at a time (409 attendance_unit_already_present, ' +
      'attendance_delegate_already_present). The time and who wrote it are kept.',
  })
  @ApiCreatedResponse({ type: AttendanceResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CheckInDto,
  ): Promise<AttendanceResponseDto> {
    return this.attendance.checkIn(actor, id, dto);
  }

  @Post('check-out')
  @HttpCode(200)
  @RequirePermission(Permission.AttendanceCheckIn)
  @ApiOperation({
    summary: "Record a unit's withdrawal",
    description:
      'The person sitting for the unit, or the secretariat. Polls already open keep their frozen roll; ' +
      'later polls and the live quorum no longer count the unit.',
  })
  @ApiOkResponse({ type: AttendanceResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  checkOut(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: CheckOutDto,
  ): Promise<AttendanceResponseDto> {
    return this.attendance.checkOut(actor, id, dto);
  }
}
