import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { readDatabaseConfig } from '../../src/config/database.config';
import { buildDataSourceOptions } from '../../src/database/data-source';
import { createEmbeddedDriver, openEmbeddedPostgres } from '../../src/database/embedded-postgres';

/** A migrated, empty database of the bench's own, and how to get rid of it. */
export interface BenchDatabase {
  dataSource: DataSource;
  mode: 'server' | 'embedded';
  serverVersion: string;
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
 * DATABASE_URL set: a new database `thidua_bench_…` on that server (dropped afterwards, so the
 * server's own databases are never touched). Unset: an in-memory embedded PostgreSQL (PGlite).
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `thidua_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      const dataSource = await migrated(buildDataSourceOptions({ ...readDatabaseConfig(), url: url.toString() }));
      return {
        dataSource,
        mode: 'server',
        serverVersion: await versionOf(dataSource),
        async dispose() {
          await dataSource.destroy();
          await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        },
      };
    } catch (error) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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
