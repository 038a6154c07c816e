import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/app.factory';
import type { AppModuleOptions } from '../../src/app.module';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase, type TestDatabaseOptions } from './test-database';

export { DEMO_PASSWORD };
export const API = '/api/v1';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  dataSource: DataSource;
  database: TestDatabase;
  /** Logs in through the API and returns the access token (and the whole token pair). */
  login(email: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  /** `Authorization` header value for a demo account, logging in once per email. */
  bearer(email: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions extends TestDatabaseOptions {
  /** Log lines go here instead of nowhere (tests that read the log). */
  log?: AppModuleOptions['log'];
}

/** Every log line the app writes, parsed: for tests that check what is (not) logged. */
export class CapturedLog implements DestinationStream {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly text: string[] = [];

  write(line: string): void {
    this.text.push(line);
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
}

/**
 * The real application on its own copy of the migrated, demo-loaded database — or, with
 * `{ empty: true }`, on a migrated database holding nothing (no demo data, no administrator).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(options);
  const app = await createApp({ dataSourceOptions: database.options, log: options.log });
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const response = await http.post(`${API}/auth/login`).send({ email, password });
    if (response.status !== 200)
      throw new Error(`Login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { accessToken: string; refreshToken: string };
  };
  return {
    app,
    http,
    dataSource: app.get(DataSource),
    database,
    login,
    async bearer(email: string) {
      let token = tokens.get(email);
      if (!token) {
        token = (await login(email)).accessToken;
        tokens.set(email, token);
      }
      return `Bearer ${token}`;
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
