import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { DOCUMENTED_DEMO_PASSWORD, readDatabaseConfig } from '../config/database.config';
import { buildDataSourceOptions } from './data-source';
import { migrateAndLoadDemo } from './demo-data';
import { DEMO_SNAPSHOT_FILE } from './demo-snapshot';
import { createEmbeddedDriver, openEmbeddedPostgres } from './embedded-postgres';

/** Builds the snapshot in memory and writes it gzipped to `file`. */
export async function writeDemoSnapshot(baseOptions: DataSourceOptions, file = DEMO_SNAPSHOT_FILE): Promise<void> {
  const db = await openEmbeddedPostgres({});
  try {
    await migrateAndLoadDemo(
      { ...baseOptions, driver: createEmbeddedDriver(db) } as DataSourceOptions,
      DOCUMENTED_DEMO_PASSWORD,
    );
    const dump = await db.dumpDataDir('gzip');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** Run by `npm run build`: writes the prebuilt demo database next to the compiled code. */
async function main(): Promise<void> {
  const started = Date.now();
  await writeDemoSnapshot(buildDataSourceOptions({ ...readDatabaseConfig({}), url: undefined }));
  console.log(`Demo snapshot written to ${DEMO_SNAPSHOT_FILE} in ${Date.now() - started} ms`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
