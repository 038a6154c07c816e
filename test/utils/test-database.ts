import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source';
import { migrateAndLoadDemo } from '../../src/database/demo-data';
import { createEmbeddedDriver, openEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { readDatabaseConfig } from '../../src/config/database.config';

/**
 * Test databases: migrate and load the demo cluster ONCE into a template, then give every test
 * file its own copy — `CREATE DATABASE … TEMPLATE …` on a server, a PGlite loaded from a dump of
 * the template when embedded. Copies are independent, so test files run in parallel.
 */
export const TEMPLATE_DB_ENV = 'THIDUA_TEST_TEMPLATE_DB';
export const TEMPLATE_TAR_ENV = 'THIDUA_TEST_TEMPLATE_TAR';
export const DEMO_PASSWORD = 'thidua-demo-2011';

export function usingServer(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

function urlFor(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migrateAndSeed(options: DataSourceOptions): Promise<void> {
  await migrateAndLoadDemo(options, DEMO_PASSWORD);
}

/** Called once per `jest` run (globalSetup). */
export async function prepareTemplate(): Promise<void> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (usingServer()) {
    const name = `thidua_tpl_${suffix}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    await migrateAndSeed(buildDataSourceOptions({ ...readDatabaseConfig(), url: urlFor(name) }));
    process.env[TEMPLATE_DB_ENV] = name;
    return;
  }
  const db = await openEmbeddedPostgres({});
  await migrateAndSeed({
    ...buildDataSourceOptions({ ...readDatabaseConfig(), url: undefined }),
    driver: createEmbeddedDriver(db),
  } as DataSourceOptions);
  const dump = await db.dumpDataDir('none');
  await db.close();
  const file = join(tmpdir(), `thidua_tpl_${suffix}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_TAR_ENV] = file;
}

export async function dropTemplate(): Promise<void> {
  const name = process.env[TEMPLATE_DB_ENV];
  if (name) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export interface TestDatabase {
  options: DataSourceOptions;
  /** Drops the copy (server) — the embedded copy is closed with its DataSource. */
  dispose(): Promise<void>;
  /** A connection string to the copy, for specs that go behind the app's back (server only). */
  url?: string;
}

export interface TestDatabaseOptions {
  /** A migrated database without the demo data (the 2011 replay builds everything through the API). */
  empty?: boolean;
}

/** A fresh copy of the migrated, demo-loaded template for one test file (or an empty migrated database). */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (options.empty) return createEmptyDatabase();
  if (usingServer()) {
    const template = process.env[TEMPLATE_DB_ENV];
    if (!template) throw new Error('Template database missing: run the specs through jest (globalSetup).');
    const name = `thidua_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const url = urlFor(name);
    return {
      url,
      options: buildDataSourceOptions({ ...readDatabaseConfig(), url }),
      dispose: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const tar = process.env[TEMPLATE_TAR_ENV];
  if (!tar) throw new Error('Template dump missing: run the specs through jest (globalSetup).');
  const db = await openEmbeddedPostgres({ loadDataDir: new Blob([readFileSync(tar)]) });
  return {
    options: {
      ...buildDataSourceOptions({ ...readDatabaseConfig(), url: undefined }),
      driver: createEmbeddedDriver(db, { onEnd: () => db.close() }),
    } as DataSourceOptions,
    dispose: async () => {
      if (!db.closed) await db.close();
    },
  };
}

/** A new database with the migrations applied and nothing else: made per call, not copied from a template. */
async function createEmptyDatabase(): Promise<TestDatabase> {
  const migrate = async (options: DataSourceOptions) => {
    const dataSource = await new DataSource(options).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  };
  if (usingServer()) {
    const name = `thidua_e_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = urlFor(name);
    const options = buildDataSourceOptions({ ...readDatabaseConfig(), url });
    await migrate(options);
    return { url, options, dispose: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const db = await openEmbeddedPostgres({});
  const embedded = (onEnd?: () => Promise<void>) =>
    ({
      ...buildDataSourceOptions({ ...readDatabaseConfig(), url: undefined }),
      driver: createEmbeddedDriver(db, onEnd ? { onEnd } : {}),
    }) as DataSourceOptions;
  await migrate(embedded());
  return {
    options: embedded(() => db.close()),
    dispose: async () => {
      if (!db.closed) await db.close();
    },
  };
}
