import type { FastifyRequest } from 'fastify';
import { CommonErrorCode, CommonException } from '../errors/common.exception';
import { NUL_DETAIL } from './json-body-parser';

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  return Array.isArray(value) && value.some((item) => typeof item === 'string' && item.includes('\u0000'));
}

/**
 * An `onRequest` hook: a NUL character in a query or path parameter (`?q=%00`) is 400
 * `invalid_text` before any route runs, instead of a 500 when PostgreSQL refuses to store or
 * compare it. JSON bodies are checked by `jsonBodyParser`.
 */
export async function refuseNulInUrl(request: FastifyRequest): Promise<void> {
  for (const source of [request.query, request.params]) {
    if (
      source &&
      typeof source === 'object' &&
      Object.entries(source).some(([key, value]) => hasNul(key) || hasNul(value))
    ) {
      throw new CommonException(CommonErrorCode.InvalidText, NUL_DETAIL);
    }
  }
}
