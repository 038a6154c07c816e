import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { CommonErrorCode, CommonException } from '../errors/common.exception';
import { NUL_DETAIL } from './json-body-parser';

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  return Array.isArray(value) && value.some((item) => typeof item === 'string' && item.includes('\u0000'));
}

/**
 * An `onRequest` hook: a NUL character in a query or path parameter (`?q=%00`) is 400
 * `invalid_text` before any route runs, instead of a 500 when PostgreSQL refuses to store or
 * compare it. JSON bodies are checked by `jsonBodyParser`. A callback hook, not an async one: it
 * runs on every request, the ballot's hot path included (decision 011).
 */
export function refuseNulInUrl(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  for (const source of [request.query, request.params]) {
    if (source && typeof source === 'object' && Object.entries(source).some(([k, v]) => hasNul(k) || hasNul(v))) {
      done(new CommonException(CommonErrorCode.InvalidText, NUL_DETAIL));
      return;
    }
  }
  done();
}
