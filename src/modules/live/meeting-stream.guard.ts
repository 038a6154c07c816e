import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '../../common/access/actor';
import { UuidParam } from '../../common/validation/validation';
import { MeetingsService } from '../meetings';

/**
 * Refuses a meeting's stream exactly as `GET /meetings/{id}` refuses (malformed id, unknown
 * meeting, not the reader's), as a guard: guards run before the interceptors and before the
 * first byte, while an error from the handler of a server-sent events route would arrive after
 * the 200 and its headers had been written.
 */
@Injectable()
export class MeetingStreamGuard implements CanActivate {
  constructor(private readonly meetings: MeetingsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ user: Actor; params: { id: string } }>();
    const id = (await UuidParam.transform(request.params.id, { type: 'param', data: 'id' })) as string;
    await this.meetings.get(request.user, id);
    return true;
  }
}
