import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { authConfig } from '../config/auth.config';
import { readDatabaseConfig } from '../config/database.config';
import { PasswordHasher } from '../modules/users/password-hasher';
import { buildDataSourceOptions } from './data-source';
import { loadDemoData } from './demo-data';

/** `npm run seed:demo`: loads the demo cluster into the configured database (migrated first). */
async function main(): Promise<void> {
  const config = readDatabaseConfig();
  const dataSource = await new DataSource(buildDataSourceOptions(config)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const hasher = new PasswordHasher(authConfig());
    const result = await loadDemoData(dataSource, () => hasher.hash(config.demoPassword));
    console.log(
      result.loaded
        ? `Demo cluster loaded: ${result.users} demo accounts.`
        : 'Demo cluster already present; nothing changed.',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
