import 'reflect-metadata';
import { readDatabaseConfig } from '../config/database.config';
import { buildDataSourceOptions } from './data-source';
import { migrateAndLoadDemo } from './demo-data';

/** `npm run seed:demo`: loads the demo cluster into the configured database (migrated first). */
async function main(): Promise<void> {
  const config = readDatabaseConfig();
  const result = await migrateAndLoadDemo(buildDataSourceOptions(config), config.demoPassword);
  console.log(
    result.loaded
      ? `Demo cluster loaded: ${result.users} demo accounts.`
      : 'Demo cluster already present; nothing changed.',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
