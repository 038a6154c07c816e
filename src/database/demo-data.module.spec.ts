import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config';
import type { PasswordHasher } from '../modules/users/password-hasher';
import { DemoDataLoader } from './demo-data.module';

describe(DemoDataLoader.name, () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  const loader = (config: Pick<DatabaseConfig, 'demoData' | 'demoPassword'>, embedded = true) => {
    const query = jest.fn();
    const dataSource = { transaction: jest.fn(), query } as unknown as DataSource;
    return {
      loader: new DemoDataLoader(dataSource, config as DatabaseConfig, embedded, {} as PasswordHasher),
      dataSource,
    };
  };

  it('refuses, in production, to load the demo data with the documented password, before touching the database', async () => {
    process.env.NODE_ENV = 'production';
    const { loader: refusing, dataSource } = loader({ demoData: 'auto', demoPassword: 'thidua-demo-2011' });

    await expect(refusing.onApplicationBootstrap()).rejects.toThrow(
      'Refusing to load the demo data with the documented demo password when NODE_ENV=production',
    );
    expect(dataSource.transaction).not.toHaveBeenCalled();
  });

  it('does not mind the documented password in production when no demo data is loaded', async () => {
    process.env.NODE_ENV = 'production';
    const { loader: idle } = loader({ demoData: 'false', demoPassword: 'thidua-demo-2011' });

    await expect(idle.onApplicationBootstrap()).resolves.toBeUndefined();
  });
});
