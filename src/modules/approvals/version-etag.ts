import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception';

/** The ETag of a versioned record: its version, quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The versions an `If-Match` header accepts: `"3"`, `W/"3"`, a comma-separated list of them, or
 * `*` (any: returns null). Absent: undefined. Anything else is a 400, never silently ignored.
 */
export function versionsFromIfMatch(header: string | undefined): number[] | null | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (header.trim() === '*') return null;
  return header.split(',').map((tag) => {
    const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(tag);
    if (!match) {
      throw new ApprovalsException(
        ApprovalsErrorCode.IfMatchInvalid,
        'If-Match must hold the ETag you received, e.g. "3" or W/"3".',
        { ifMatch: header },
      );
    }
    return Number(match[1]);
  });
}

/** Sets `ETag` from the `version` of the response body, so controllers stay one service call. */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') void reply.header('ETag', etagOf(version));
        return body;
      }),
    );
  }
}
