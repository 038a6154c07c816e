import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { readDatabaseConfig } from '../../src/config/database.config';
import { buildDataSourceOptions } from '../../src/database/data-source';
import { createEmbeddedDriver, openEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { onCleanup } from './cleanup';

/** The server a bench that needs one uses when DATABASE_URL is not set (the project's local PostgreSQL). */
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A migrated, empty database of the bench's own, and how to get rid of it. */
export interface BenchDatabase {
  dataSource: DataSource;
  mode: 'server' | 'embedded';
  serverVersion: string;
  /** Server mode: the bench database's own URL (for the service under test, pgbench, psql). */
  url?: string;
  /** Closes the connections and drops the database (server) or the in-memory PGlite (embedded). */
  dispose(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migrated(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

async function versionOf(dataSource: DataSource): Promise<string> {
  const [row] = (await dataSource.query('SELECT version() AS version')) as { version: string }[];
  return row.version.split(' on ')[0];
}

/**
 * DATABASE_URL set: a new database `thidua_bench_<pid>_…` on that server (dropped afterwards, so
 * the server's own databases are never touched). Unset: an in-memory embedded PostgreSQL (PGlite),
 * unless the bench needs a server (`server`), which then uses DEFAULT_SERVER_URL to connect.
 */
export async function openBenchDatabase(options: { server?: boolean } = {}): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL || (options.server ? DEFAULT_SERVER_URL : undefined);
  if (serverUrl) {
    const name = `thidua_bench_${process.pid}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    // FORCE: connections left by a failed run (the service, pgbench) must not keep it alive.
    const drop = onCleanup(`drop database ${name}`, () =>
      adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    );
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      const dataSource = await migrated(buildDataSourceOptions({ ...readDatabaseConfig(), url: url.toString() }));
      return {
        dataSource,
        mode: 'server',
        serverVersion: await versionOf(dataSource),
        url: url.toString(),
        async dispose() {
          try {
            if (dataSource.isInitialized) await dataSource.destroy();
          } finally {
            await drop();
          }
        },
      };
    } catch (error) {
      await drop();
      throw error;
    }
  }
  const db = await openEmbeddedPostgres({});
  const dataSource = await migrated({
    ...buildDataSourceOptions({ ...readDatabaseConfig(), url: undefined }),
    driver: createEmbeddedDriver(db, { onEnd: () => db.close() }),
  } as DataSourceOptions);
  return {
    dataSource,
    mode: 'embedded',
    serverVersion: `${await versionOf(dataSource)}, in memory`,
    async dispose() {
      await dataSource.destroy();
      if (!db.closed) await db.close();
    },
  };
}
