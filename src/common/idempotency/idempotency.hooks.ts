import type { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IdempotentRequest } from './idempotency.interceptor';
import type { IdempotencyClaim, IdempotencyStore, StoredAnswer } from './idempotency.store';

/** The headers of an answer a retry gets again; the others (request id, security headers) are the retry's own. */
const KEPT_HEADERS = ['content-type', 'location', 'content-location', 'etag', 'last-modified'];

/** Refusals that say nothing about the request itself: a retry may well succeed, so it runs again. */
const TRANSIENT_STATUSES = new Set([400, 401, 408, 413, 415, 425, 429]);
const TRANSIENT_CODES = new Set(['concurrent_update']);

/**
 * Whether an answer is final, and so kept for retries: every success, and the refusals a retry
 * of the same request would get again (403, 404, 409, 422 …). Not kept: 5xx (our fault; a retry
 * may succeed), 400/413/415 (nothing ran), 401 (sign in again, then retry), 429 and a lock
 * conflict (`concurrent_update`). Every refusal rolled its transaction back, so running a
 * request again after one that was not kept never doubles a write.
 */
export function isFinalAnswer(status: number, body: string | null): boolean {
  if (status >= 500 || TRANSIENT_STATUSES.has(status)) return false;
  if (status === 409 && body) {
    try {
      if (TRANSIENT_CODES.has((JSON.parse(body) as { code?: string }).code ?? '')) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function bodyText(payload: unknown): string | null | undefined {
  if (payload === undefined || payload === null || payload === '') return null;
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return undefined; // a stream: not kept
}

/**
 * Keeps the answer of a request that claimed a key, as it is sent (status, kept headers, body),
 * before it leaves: a client that got an answer always gets the same one on a retry. A request
 * that ends without an answer (the client went away) frees its key.
 */
export function registerIdempotencyHooks(fastify: FastifyInstance, store: IdempotencyStore, logger: Logger): void {
  // Callback hooks: most requests claimed no key, and they pass without a promise (decision 033).
  fastify.addHook('onSend', (request: FastifyRequest & IdempotentRequest, reply: FastifyReply, payload, done) => {
    const state = request.idempotency;
    if (!state?.claim || state.settled) {
      done(null, payload);
      return;
    }
    state.settled = true;
    void keep(store, logger, request, reply, state.claim, payload).then(() => done(null, payload));
  });
  fastify.addHook('onResponse', (request: FastifyRequest & IdempotentRequest, _reply, done) => {
    const state = request.idempotency;
    if (!state?.claim || state.settled) {
      done();
      return;
    }
    state.settled = true;
    void store
      .release(state.claim)
      .catch((err: unknown) => {
        logger.error({ err, requestId: request.id }, 'Could not free an Idempotency-Key');
      })
      .then(() => done());
  });
}

/** Keeps a final answer for retries, or frees the key; never fails the answer itself. */
async function keep(
  store: IdempotencyStore,
  logger: Logger,
  request: FastifyRequest,
  reply: FastifyReply,
  claim: IdempotencyClaim,
  payload: unknown,
): Promise<void> {
  const body = bodyText(payload);
  try {
    if (body !== undefined && isFinalAnswer(reply.statusCode, body)) {
      const headers: StoredAnswer['headers'] = {};
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      await store.complete(claim, { status: reply.statusCode, headers, body });
    } else {
      await store.release(claim);
    }
  } catch (err) {
    // The answer still goes out; the key stays held until its lease ends, then a retry runs again.
    logger.error({ err, requestId: request.id }, 'Could not keep the answer of an Idempotency-Key');
  }
}
