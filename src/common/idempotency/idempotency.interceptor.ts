import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { of, type Observable } from 'rxjs';
import type { Actor } from '../access/actor';
import { IdempotencyException } from './idempotency.exception';
import { parseIdempotencyKey, requestFingerprint } from './idempotency-key';
import { IdempotencyStore, type IdempotencyClaim } from './idempotency.store';

/** What the interceptor leaves on the request for the `onSend` hook that keeps the answer. */
export interface IdempotentRequest {
  idempotency?: { claim?: IdempotencyClaim; settled?: boolean; replayed?: boolean };
}

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * `Idempotency-Key` on every POST of a signed-in person (decision 028): the first request with a
 * key runs and its answer is kept; a retry with the same request gets that answer again without
 * running; the same key with another request is 422, while the first still runs 409. Put on
 * every route that requires a permission by `@RequirePermission` (decision 033); so not on public
 * routes (sign-in: tokens are never kept at rest), nor on routes with a scheme of their own (ballots).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & IdempotentRequest & { user?: Actor }>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    const userId = request.user?.userId;
    if (!userId) return next.handle();
    const key = parseIdempotencyKey(header);
    // A multipart body is still unread here (the handler streams it): it counts as no body.
    const body = request.isMultipart() ? null : request.body;
    const fingerprint = requestFingerprint(request.method, request.url, body);
    const path = request.url.split('?')[0];
    const result = await this.store.claim(userId, key, fingerprint, request.method, path);
    switch (result.kind) {
      case 'reused':
        throw IdempotencyException.reused();
      case 'in_progress':
        throw IdempotencyException.inProgress();
      case 'claimed':
        request.idempotency = { claim: result.claim };
        return next.handle();
      case 'replay': {
        request.idempotency = { replayed: true };
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        void reply.status(result.answer.status).headers(result.answer.headers).header(REPLAYED_HEADER, 'true');
        return of(result.answer.body ?? undefined);
      }
    }
  }
}
