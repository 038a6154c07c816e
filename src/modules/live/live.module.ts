import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { liveConfig } from '../../config/live.config';
import { MeetingsModule } from '../meetings';
import { MeetingEventsController } from './meeting-events.controller';
import { MeetingEventsHub } from './meeting-events.hub';
import { MeetingEventsService } from './meeting-events.service';
import { MeetingStreamGuard } from './meeting-stream.guard';

/** Live updates for the meeting hall: server-sent events fed by PostgreSQL LISTEN/NOTIFY. */
@Module({
  imports: [ConfigModule.forFeature(liveConfig), MeetingsModule],
  controllers: [MeetingEventsController],
  providers: [MeetingEventsHub, MeetingEventsService, MeetingStreamGuard],
})
export class LiveModule {}
