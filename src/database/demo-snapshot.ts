import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTED_DEMO_PASSWORD, type DatabaseConfig } from '../config/database.config';

/**
 * The embedded database as the first start would make it — migrated and loaded with the demo
 * cluster — built once by `npm run build` (so at install time) instead of at every fresh start:
 * migrating and loading on PGlite takes seconds, unpacking this takes well under one
 * (docs/decisions/030-built-at-install-and-demo-snapshot.md). Written by `demo-snapshot.cli.ts`.
 */
export const DEMO_SNAPSHOT_FILE = join(__dirname, '..', '..', 'demo-snapshot', 'pglite.tar.gz');

/**
 * The snapshot to start a NEW embedded data folder from, or undefined to migrate and load as
 * usual: only when the demo is wanted with its documented password, never in production (where
 * that password is refused), and only when the build made one.
 */
export function demoSnapshotFor(
  config: DatabaseConfig,
  env: NodeJS.ProcessEnv = process.env,
  file = DEMO_SNAPSHOT_FILE,
): Blob | undefined {
  if (config.url || config.demoData === 'false' || config.demoPassword !== DOCUMENTED_DEMO_PASSWORD) return undefined;
  if (env.NODE_ENV === 'production' || !existsSync(file)) return undefined;
  return new Blob([readFileSync(file)]);
}
