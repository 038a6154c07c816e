import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { API_PREFIX, createApp } from '../../src/app.factory';
import { readDatabaseConfig } from '../../src/config/database.config';
import { buildDataSourceOptions } from '../../src/database/data-source';
import { DEMO_CLUSTER_CODE, DEMO_SECRETARIAT_EMAILS } from '../../src/database/demo-data';
import { onCleanup } from './cleanup';

export interface WebService {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The demo accounts' password of this run (random: production mode refuses the documented one). */
  demoPassword: string;
  stop(): Promise<void>;
}

/**
 * The real service as `npm run start:prod` runs it (createApp, NODE_ENV=production, no logs) on the
 * bench database, serving the web app built in `webDistDir` at `/`, with the demo cluster loaded
 * at start (DEMO_DATA=true, a random DEMO_PASSWORD and JWT secret). The environment is restored
 * when it stops.
 */
export async function startWebService(databaseUrl: string, webDistDir: string): Promise<WebService> {
  const demoPassword = randomBytes(12).toString('base64url');
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_SERVICE_LOG_LEVEL ?? 'silent',
    JWT_ACCESS_SECRET: randomBytes(32).toString('hex'),
    MIGRATIONS_RUN: 'false',
    DEMO_DATA: 'true',
    DEMO_PASSWORD: demoPassword,
    ADMIN_EMAIL: undefined,
    ADMIN_PASSWORD: undefined,
  };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  setEnv(env);
  let app: NestFastifyApplication | undefined;
  const stop = onCleanup('web service', async () => {
    try {
      await app?.close();
    } finally {
      setEnv(saved);
    }
  });
  try {
    app = await createApp({
      dataSourceOptions: buildDataSourceOptions({ ...readDatabaseConfig(), url: databaseUrl }),
      webDistDir,
    });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await stop();
    throw error;
  }
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return { app, origin: `http://127.0.0.1:${port}`, demoPassword, stop };
}

async function api<T>(service: WebService, token: string | undefined, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${service.origin}/${API_PREFIX}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * The meeting whose pages are measured: the demo cluster's 2011 meeting in Lạng Sơn, created
 * through the API by the first secretariat member, as the secretariat would before the day.
 */
export async function createDemoMeeting(service: WebService, db: DataSource): Promise<string> {
  const { accessToken } = await api<{ accessToken: string }>(service, undefined, '/auth/login', {
    email: DEMO_SECRETARIAT_EMAILS[0],
    password: service.demoPassword,
  });
  const [cycle] = (await db.query(
    `SELECT c.id FROM cycles c JOIN clusters k ON k.id = c.cluster_id WHERE k.code = $1 ORDER BY c.year DESC LIMIT 1`,
    [DEMO_CLUSTER_CODE],
  )) as { id: string }[];
  if (!cycle) throw new Error('The demo cluster has no cycle: was the demo data loaded?');
  const meeting = await api<{ id: string }>(service, accessToken, `/cycles/${cycle.id}/meetings`, {
    title: 'Hội nghị tổng kết công tác thi đua năm 2011',
    heldOn: '2011-11-21',
    place: 'Lạng Sơn',
  });
  return meeting.id;
}
