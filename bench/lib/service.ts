import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createSecretKey, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, createApp } from '../../src/app.factory';
import { readDatabaseConfig } from '../../src/config/database.config';
import { buildDataSourceOptions } from '../../src/database/data-source';
import type { Person } from './elections-world';
import { onCleanup } from './cleanup';
import type { QueryClock } from './query-clock';

/** Fixed, so the bench can mint tokens the service accepts (never a real deployment's secret). */
export const BENCH_JWT_SECRET = 'thidua-bench-only-access-secret-0123456789abcdef';
const TOKEN_TTL_SECONDS = 3600;

/** The environment the service runs with in the bench: production mode, no logs. */
const SERVICE_ENV: Record<string, string | undefined> = {
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.BENCH_SERVICE_LOG_LEVEL ?? 'silent',
  JWT_ACCESS_SECRET: BENCH_JWT_SECRET,
  MIGRATIONS_RUN: 'false',
  DEMO_DATA: 'false',
  ADMIN_EMAIL: undefined,
  ADMIN_PASSWORD: undefined,
};

export interface RunningService {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port>/api/v1 */
  api: string;
  poolSize: number;
  /** An access token as AuthService issues it: HS256, { sub, sid }, a jti, expiry. */
  token(person: Person): string;
  stop(): Promise<void>;
}

/**
 * The real service (createApp: Fastify, guards, pipes, filters) in this process, on the bench
 * database, listening on a free port of 127.0.0.1. The environment is restored when it stops.
 */
export async function startService(
  databaseUrl: string,
  poolSize: number,
  queryClock?: QueryClock,
): Promise<RunningService> {
  const saved = Object.fromEntries(
    [...Object.keys(SERVICE_ENV), 'DATABASE_POOL_SIZE'].map((key) => [key, process.env[key]]),
  );
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  setEnv({ ...SERVICE_ENV, DATABASE_POOL_SIZE: String(poolSize) });
  let app: NestFastifyApplication | undefined;
  const stop = onCleanup(`service (pool ${poolSize})`, async () => {
    try {
      await app?.close();
    } finally {
      setEnv(saved);
    }
  });
  try {
    app = await createApp({
      dataSourceOptions: buildDataSourceOptions(
        { ...readDatabaseConfig(), url: databaseUrl, poolSize },
        queryClock ? { logger: queryClock, maxQueryExecutionTime: 0.5 } : {},
      ),
    });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await stop();
    throw error;
  }
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const jwt = app.get(JwtService);
  // A KeyObject made once: from a string, jsonwebtoken would rebuild one per token (20,000 of them).
  const secret = createSecretKey(Buffer.from(BENCH_JWT_SECRET)) as unknown as string;
  return {
    app,
    api: `http://127.0.0.1:${port}/${API_PREFIX}`,
    poolSize,
    token: (person) =>
      jwt.sign(
        { sub: person.userId, sid: person.sessionId },
        { secret, expiresIn: TOKEN_TTL_SECONDS, algorithm: 'HS256', jwtid: randomUUID() },
      ),
    stop,
  };
}

/** One API call during setup; anything but 2xx stops the bench with the problem the service sent. */
export async function call<T>(
  service: RunningService,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${service.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
