import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etagOf, parseIfMatch, type IfMatch } from './version-precondition';

const IF_MATCH_DESCRIPTION =
  'The ETag you read (e.g. "3" or W/"3"; several comma-separated, or *). Optional; when sent, a stale one is ' +
  '409 version_conflict, a malformed one 400 if_match_invalid. Same meaning as `expectedVersion` in the body.';

/**
 * The parsed `If-Match` header of a change to a versioned resource, for `assertVersion`. Also
 * documents the (optional) header on the route, so the OpenAPI document declares it once.
 */
export const IfMatchHeader = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IfMatch =>
    parseIfMatch(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
  [
    (target: object, key: string | symbol | undefined) => {
      if (key === undefined) return;
      const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
      ApiHeader({ name: 'If-Match', required: false, description: IF_MATCH_DESCRIPTION, schema: { type: 'string' } })(
        target,
        key,
        descriptor,
      );
    },
  ],
);

/** `expectedVersion` of a change: the `version` the client read. Optional; when sent, it is checked. */
export function ExpectedVersionField(what = 'record') {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      example: 1,
      description:
        `The \`version\` of the ${what} you read (or send it as If-Match). When sent and stale, the change is ` +
        'refused with 409 version_conflict and nothing is written.',
    }),
    IsOptional(),
    IsInt(),
    Min(1),
    Max(999_999_999),
  );
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

export const ETAG_RESPONSE_HEADER = {
  ETag: {
    description: 'The `version` of the record, quoted (e.g. "3"); send it back as If-Match when you change it.',
    schema: { type: 'string', example: '"3"' },
  },
};

/** A GET of a versioned resource: documents the body and its `ETag`, and sends that header. */
export function ApiVersionedResponse(type: Type<unknown>, description?: string) {
  return applyDecorators(
    UseInterceptors(VersionEtagInterceptor),
    ApiOkResponse({ type, description, headers: ETAG_RESPONSE_HEADER }),
  );
}
