import {
  Global,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerIdempotencyHooks } from './idempotency.hooks';
import { IdempotencyStore } from './idempotency.store';

/** Expired keys are deleted this often by every instance (a cheap indexed delete). */
const SWEEP_EVERY_MS = 15 * 60 * 1000;

/**
 * `Idempotency-Key` on the POSTs of signed-in people, for the whole API (decision 028). The interceptor
 * is put on every route that requires a permission by `@RequirePermission` (decision 033), in the
 * route's own module: global, so the store reaches every module.
 */
@Global()
@Module({
  providers: [IdempotencyStore],
  exports: [IdempotencyStore],
})
export class IdempotencyModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly store: IdempotencyStore,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) registerIdempotencyHooks(fastify, this.store, this.logger);
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => {
      this.store.sweepExpired().catch((err: unknown) => this.logger.warn({ err }, 'Sweeping expired keys failed'));
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}
