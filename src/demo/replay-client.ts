/**
 * A tiny HTTP client for the replay: each person logs in with their own account and calls the API
 * as a real client would (fetch, JSON, bearer token). Any status other than the expected one
 * throws a ReplayError carrying the problem+json answer, so a refused step stops the story with
 * the service's own explanation.
 */
export const API_PATH = '/api/v1';

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

type Body = Record<string, unknown> | unknown[];

export class ReplayClient {
  private readonly passwords = new Map<string, string>();
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** Remembers how `email` signs in; the login itself happens at the person's first call. */
  knows(email: string, password: string): void {
    this.passwords.set(email, password);
  }

  /** The calls `email` makes. */
  as(email: string): ReplaySession {
    return new ReplaySession(this, email);
  }

  /** A public call (no token): the OpenAPI document. */
  async publicJson<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`);
    if (!response.ok) throw new ReplayError('GET', path, response.status, await problemOf(response));
    return (await response.json()) as T;
  }

  /** @internal One call as `email`; logs in first, and once more if the access token expired. */
  async send(
    email: string,
    method: string,
    path: string,
    body?: Body,
    expected?: number,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    let response = await this.fetchAs(email, method, path, body, extraHeaders);
    if (response.status === 401) {
      this.tokens.delete(email);
      response = await this.fetchAs(email, method, path, body, extraHeaders);
    }
    const ok = expected === undefined ? response.ok : response.status === expected;
    if (!ok) throw new ReplayError(method, path, response.status, await problemOf(response));
    return response;
  }

  private async fetchAs(
    email: string,
    method: string,
    path: string,
    body: Body | undefined,
    extraHeaders: Record<string, string>,
  ): Promise<Response> {
    const headers: Record<string, string> = { ...extraHeaders, authorization: `Bearer ${await this.token(email)}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.baseUrl}${API_PATH}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  private async token(email: string): Promise<string> {
    const known = this.tokens.get(email);
    if (known) return known;
    const password = this.passwords.get(email);
    if (!password) throw new Error(`The replay does not know how ${email} signs in.`);
    const path = '/auth/login';
    const response = await fetch(`${this.baseUrl}${API_PATH}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new ReplayError('POST', path, response.status, await problemOf(response));
    const { accessToken } = (await response.json()) as { accessToken: string };
    this.tokens.set(email, accessToken);
    return accessToken;
  }
}

/** The calls of one signed-in person. `expected` is the status the step needs (any 2xx when absent). */
export class ReplaySession {
  constructor(
    private readonly client: ReplayClient,
    readonly email: string,
  ) {}

  async get<T = Json>(path: string, expected?: number): Promise<T> {
    return json<T>(await this.client.send(this.email, 'GET', path, undefined, expected));
  }

  async post<T = Json>(path: string, body: Body = {}, expected?: number): Promise<T> {
    return json<T>(await this.client.send(this.email, 'POST', path, body, expected));
  }

  /** A POST with headers of its own (the ballot's `Idempotency-Key`). */
  async postWithHeaders<T = Json>(
    path: string,
    body: Body,
    headers: Record<string, string>,
    expected?: number,
  ): Promise<T> {
    return json<T>(await this.client.send(this.email, 'POST', path, body, expected, headers));
  }

  async put<T = Json>(path: string, body: Body, expected?: number): Promise<T> {
    return json<T>(await this.client.send(this.email, 'PUT', path, body, expected));
  }

  async patch<T = Json>(path: string, body: Body, expected?: number): Promise<T> {
    return json<T>(await this.client.send(this.email, 'PATCH', path, body, expected));
  }

  /** A binary answer (a PDF), with its content type. */
  async bytes(path: string): Promise<{ bytes: Buffer; contentType: string | null }> {
    const response = await this.client.send(this.email, 'GET', path, undefined, 200);
    return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') };
  }
}

/** What the replay reads from JSON answers: loosely typed on purpose, it is a client. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

async function problemOf(response: Response): Promise<ReplayError['problem']> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as ReplayError['problem']) : null;
  } catch {
    return { detail: text.slice(0, 300) };
  }
}
