import createClient from 'openapi-fetch';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentAccessToken, refreshSession } from '../auth/token-store';
import type { paths, Schemas } from './schema';

export type { Schemas } from './schema';

/**
 * The API, typed by the generated schema. Every request carries the in-memory access token; a 401
 * is answered by one silent refresh and one retry of the same request (its body kept aside).
 */
export const api = createClient<paths>({ baseUrl: '' });

const originals = new WeakMap<Request, Request>();
api.use({
  async onRequest({ request }) {
    const token = await currentAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    originals.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const original = originals.get(request);
    if (response.status !== 401 || !original || !request.headers.has('Authorization')) return response;
    if (!(await refreshSession())) return response;
    const token = await currentAccessToken();
    if (!token) return response;
    const retry = new Request(original);
    retry.headers.set('Authorization', `Bearer ${token}`);
    return fetch(retry);
  },
});

/** A problem+json answer (RFC 9457) as an error a page can show. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly problem: Partial<Schemas['ProblemDetailsDto']> & Record<string, unknown>,
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title ?? code);
  }
}

/** The data of a call, or an ApiProblem (a network failure stays a TypeError: the caller may retry). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = (error && typeof error === 'object' ? error : {}) as ApiProblem['problem'];
  const retryAfter = Number(response.headers.get('retry-after') ?? problem.retryAfterSeconds ?? NaN);
  throw new ApiProblem(
    response.status,
    typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
    problem,
    Number.isFinite(retryAfter) ? retryAfter : undefined,
  );
}

/** The sentence a person reads for an error: by the problem's `code`, never the code itself. */
export function useProblemMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiProblem) {
        const key = `problem.${error.code}`;
        if (i18n.exists(key)) return t(key, { seconds: error.retryAfterSeconds ?? 60 });
        return t(error.status >= 500 ? 'problem.server' : 'problem.generic');
      }
      return t('problem.network');
    },
    [t, i18n],
  );
}

// The meeting's live events (kept in their own file; re-exported here, where pages look for the API).
export { openMeetingEvents, type MeetingEvent } from './meeting-events';
