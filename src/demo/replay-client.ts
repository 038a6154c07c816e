import { createThiduaClient, type ThiduaClient } from '../api-client';

/**
 * The replay's client: each person logs in with their own account and calls the API through the
 * client generated from the OpenAPI document (src/api-client), so every path, body and answer of
 * the 2011 meeting is checked against the served contract at compile time. A status other than
 * the expected one throws a ReplayError carrying the problem+json answer, so a refused step stops
 * the story with the service's own explanation.
 */

export class ReplayError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly problem: { code?: string; detail?: string; [key: string]: unknown } | null,
  ) {
    const errors = problem?.errors ? ` ${JSON.stringify(problem.errors)}` : '';
    const what = problem
      ? `${problem.code ?? 'error'}: ${problem.detail ?? JSON.stringify(problem)}${errors}`
      : 'no body';
    super(`${method} ${path} answered ${status} (${what})`);
  }
}

/** What an openapi-fetch call resolves to: `data` on success, `error` (the parsed problem) otherwise. */
export interface ApiResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

export class ReplayClient {
  private readonly passwords = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  /** The method of each request, for the messages of ReplayError (a Response does not carry it). */
  private readonly methods = new WeakMap<Response, string>();
  /** The public calls (no token): login. */
  readonly public: ThiduaClient;

  constructor(readonly baseUrl: string) {
    this.public = this.track(createThiduaClient(baseUrl));
  }

  /** Remembers how `email` signs in; the login itself happens at the person's first call. */
  knows(email: string, password: string): void {
    this.passwords.set(email, password);
  }

  /** The calls `email` makes. */
  as(email: string): ReplaySession {
    return new ReplaySession(this, email, this.track(createThiduaClient(this.baseUrl, () => this.token(email))));
  }

  /** @internal The access token of `email`, logging in when there is none (or it was forgotten). */
  async token(email: string): Promise<string> {
    const known = this.tokens.get(email);
    if (known) return known;
    const password = this.passwords.get(email);
    if (!password) throw new Error(`The replay does not know how ${email} signs in.`);
    const { accessToken } = await this.expect(
      await this.public.POST('/api/v1/auth/login', { body: { email, password } }),
      200,
    );
    this.tokens.set(email, accessToken);
    return accessToken;
  }

  /** @internal Drops the token of `email` (it expired): the next call logs in again. */
  forget(email: string): void {
    this.tokens.delete(email);
  }

  /** @internal The answer's data if its status is `expected` (any 2xx when absent); else a ReplayError. */
  expect<D>(result: ApiResult<D>, expected?: number): D {
    const { response } = result;
    const ok = expected === undefined ? response.ok : response.status === expected;
    if (!ok) {
      const path = new URL(response.url).pathname;
      throw new ReplayError(this.methods.get(response) ?? '?', path, response.status, problemOf(result.error));
    }
    return result.data as D;
  }

  private track(client: ThiduaClient): ThiduaClient {
    client.use({
      onResponse: ({ request, response }) => {
        this.methods.set(response, request.method);
        return undefined;
      },
    });
    return client;
  }
}

/** The calls of one signed-in person. `expected` is the status the step needs (any 2xx when absent). */
export class ReplaySession {
  constructor(
    private readonly client: ReplayClient,
    readonly email: string,
    /** The generated client, signed in as this person. */
    readonly api: ThiduaClient,
  ) {}

  /**
   * One typed call, e.g. `s.call((api) => api.GET('/api/v1/cycles/{id}', { params: { path: { id } } }), 200)`:
   * the answer's data, or a ReplayError. The request is a function so that it can be sent once
   * more after a fresh login when the access token expired (401).
   */
  async call<D>(request: (api: ThiduaClient) => Promise<ApiResult<D>>, expected?: number): Promise<D> {
    return (await this.answer(request, expected)).data;
  }

  /** A binary answer (a PDF) with its content type; the request asks `parseAs: 'arrayBuffer'`. */
  async file(
    request: (api: ThiduaClient) => Promise<ApiResult<ArrayBuffer>>,
  ): Promise<{ bytes: Buffer; contentType: string | null }> {
    const { data, response } = await this.answer(request, 200);
    return { bytes: Buffer.from(data), contentType: response.headers.get('content-type') };
  }

  private async answer<D>(
    request: (api: ThiduaClient) => Promise<ApiResult<D>>,
    expected?: number,
  ): Promise<{ data: D; response: Response }> {
    let result = await request(this.api);
    if (result.response.status === 401) {
      this.client.forget(this.email);
      result = await request(this.api);
    }
    return { data: this.client.expect(result, expected), response: result.response };
  }
}

function problemOf(error: unknown): ReplayError['problem'] {
  if (error === undefined || error === null || error === '') return null;
  if (typeof error === 'object') return error as ReplayError['problem'];
  return { detail: String(error).slice(0, 300) };
}

/** `value`, which the step needs and the contract allows to be null; a clear stop when it is. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The answer has no ${what}.`);
  return value;
}
