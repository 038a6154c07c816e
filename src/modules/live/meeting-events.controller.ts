import { Controller, Param, Sse, UseGuards, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { RequirePermission } from '../../common/access/access.decorators';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { MeetingEventsService } from './meeting-events.service';
import { MeetingStreamGuard } from './meeting-stream.guard';

@ApiTags('meetings')
@Controller('meetings/:id/events')
export class MeetingEventsController {
  constructor(private readonly events: MeetingEventsService) {}

  @Sse()
  @RequirePermission(Permission.MeetingsRead)
  @UseGuards(MeetingStreamGuard)
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Live events of a meeting (server-sent events)',
    description:
      'A `text/event-stream`: `ready` once, then `meeting`, `attendance`, `poll` and `turnout` when they change ' +
      '(data: `{meetingId, pollId?}` — what changed, never a figure or a choice; read it through the API), and ' +
      '`ping` every 15 s. Works whichever instance took the change (PostgreSQL LISTEN/NOTIFY).',
  })
  @ApiOkResponse({
    description: 'The stream: `event: <kind>` and `data: {"meetingId": "…", "pollId": "…"}` blocks.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  stream(@Param('id', UuidParam) id: string): Observable<MessageEvent> {
    return this.events.stream(id);
  }
}
