import 'reflect-metadata';
import { join } from 'node:path';
import { types as pgTypes } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { readDatabaseConfig, type DatabaseConfig } from '../config/database.config';
import { demoSnapshotFor } from './demo-snapshot';
import { embeddedDriverForFolder } from './embedded-postgres';

// `date` columns are calendar days, not instants: keep them as 'YYYY-MM-DD' strings on a server,
// as the embedded parsers do, instead of pg's local-midnight Date.
pgTypes.setTypeParser(pgTypes.builtins.DATE, (value: string) => value);

// src/database (ts-node, jest) or dist/src/database (compiled): both have src-relative siblings.
const srcDir = join(__dirname, '..');
const migrationsDir = join(__dirname, '..', '..', 'migrations');

/**
 * The one DataSource definition, used by the app (through TypeOrmModule), the TypeORM CLI
 * (`npm run migration:*`), the seed command and the tests. `driver` is only set in embedded mode.
 */
export function buildDataSourceOptions(
  config: DatabaseConfig = readDatabaseConfig(),
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: [join(srcDir, '**', '*.entity.{ts,js}')],
    migrations: [join(migrationsDir, '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    migrationsRun: false,
    // PGlite has no contrib extensions; gen_random_uuid() is core since PostgreSQL 13.
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
    // Query errors reach the error filter, which logs what is our fault (5xx) with the request id.
    logging: false,
  };
  if (config.url) {
    return { ...common, url: config.url, poolSize: config.poolSize, ...overrides } as DataSourceOptions;
  }
  return {
    ...common,
    driver: embeddedDriverForFolder(join(config.dataDir, 'pg'), { seed: () => demoSnapshotFor(config) }),
    ...overrides,
  } as DataSourceOptions;
}

export default new DataSource(buildDataSourceOptions());
