import { Module } from '@nestjs/common';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

/**
 * The cluster meeting (hội nghị giao ban cụm): details and agenda, the attendance register and the
 * live quorum. The elections module builds each poll's voter roll from the register.
 */
@Module({
  controllers: [MeetingsController, AttendanceController],
  providers: [MeetingsService, AttendanceService],
  exports: [MeetingsService],
})
export class MeetingsModule {}
