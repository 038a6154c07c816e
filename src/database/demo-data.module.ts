import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { databaseConfig, DOCUMENTED_DEMO_PASSWORD } from '../config/database.config';
import { PasswordHasher } from '../modules/users/password-hasher';
import { loadDemoData } from './demo-data';

export const DEMO_DATA_ALLOWED = Symbol('DEMO_DATA_ALLOWED');

/**
 * Loads the demo cluster at start: with DEMO_DATA=true always (once), with the default `auto`
 * only into the embedded database, never into a server unless asked.
 */
@Injectable()
export class DemoDataLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(databaseConfig.KEY) private readonly config: ConfigType<typeof databaseConfig>,
    @Inject(DEMO_DATA_ALLOWED) private readonly embeddedDefault: boolean,
    private readonly passwords: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const wanted = this.config.demoData === 'true' || (this.config.demoData === 'auto' && this.embeddedDefault);
    if (!wanted) return;
    // Every demo account shares this password: in production it must be nobody's but the operator's.
    if (process.env.NODE_ENV === 'production' && this.config.demoPassword === DOCUMENTED_DEMO_PASSWORD) {
      throw new Error(
        'Refusing to load the demo data with the documented demo password when NODE_ENV=production: set DEMO_PASSWORD to a password of your own, or DEMO_DATA=false',
      );
    }
    const result = await loadDemoData(this.dataSource, () => this.passwords.hash(this.config.demoPassword));
    if (result.loaded)
      this.logger.log(`Demo cluster loaded (${result.users} demo accounts, password from DEMO_PASSWORD)`);
  }
}

@Module({})
export class DemoDataModule {
  static register(embeddedDefault: boolean) {
    return {
      module: DemoDataModule,
      providers: [DemoDataLoader, { provide: DEMO_DATA_ALLOWED, useValue: embeddedDefault }],
    };
  }
}
