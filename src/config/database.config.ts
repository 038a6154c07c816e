import { registerAs } from '@nestjs/config';
import { resolve } from 'node:path';

export interface DatabaseConfig {
  /** Set: a PostgreSQL server. Unset: embedded PGlite in `dataDir`. */
  url?: string;
  dataDir: string;
  poolSize: number;
  /** Apply pending migrations on start (always on for embedded mode). */
  migrationsRun: boolean;
  /** Load the demo cluster: `auto` loads it into an empty embedded database only. */
  demoData: 'true' | 'false' | 'auto';
  demoPassword: string;
}

/**
 * The demo accounts' password documented in the README: fine on a laptop, never in production.
 * The prebuilt demo snapshot (decision 030) is made with it.
 */
export const DOCUMENTED_DEMO_PASSWORD = 'thidua-demo-2011';

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL || undefined;
  return {
    url,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    poolSize: Number(env.DATABASE_POOL_SIZE ?? 10),
    migrationsRun: url ? env.MIGRATIONS_RUN === 'true' : true,
    demoData: (env.DEMO_DATA as DatabaseConfig['demoData']) ?? 'auto',
    demoPassword: env.DEMO_PASSWORD ?? DOCUMENTED_DEMO_PASSWORD,
  };
}

export const databaseConfig = registerAs('database', () => readDatabaseConfig());
