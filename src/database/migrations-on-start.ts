import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MigrationExecutor, type QueryRunner } from 'typeorm';

export const RUN_MIGRATIONS_ON_START = Symbol('RUN_MIGRATIONS_ON_START');
const MIGRATION_LOCK = 20111121;

/**
 * Applies pending migrations before the app serves (always in embedded mode, with
 * MIGRATIONS_RUN=true on a server). On a server several instances may start at once: an
 * advisory lock lets one migrate while the others wait, then find nothing left to do.
 */
@Injectable()
export class MigrationsOnStart implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RUN_MIGRATIONS_ON_START) private readonly mode: 'off' | 'embedded' | 'server',
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.mode === 'off') return;
    if (this.mode === 'embedded') {
      // One process owns the data folder, and its single session could not wait on a lock.
      return this.run();
    }
    // The lock and the migrations share one connection, so a pool of one cannot deadlock.
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await this.run(runner);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  private async run(runner?: QueryRunner): Promise<void> {
    const executor = new MigrationExecutor(this.dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    if (applied.length > 0)
      this.logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  }
}
