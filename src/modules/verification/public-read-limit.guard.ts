import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { FastifyRequest } from 'fastify';
import { CommonErrorCode, CommonException } from '../../common/errors/common.exception';
import { FailureBudgetStore } from '../../common/throttling/failure-budget.store';
import { publicConfig } from '../../config/public.config';

/**
 * Reads of a public route per client address, counted in PostgreSQL (shared by every instance):
 * beyond `PUBLIC_READS_PER_ADDRESS` within the window, a 429 with Retry-After until it ends.
 * Anyone may read a final record; nobody may walk the digest space or load the database from one place.
 */
@Injectable()
export class PublicReadLimitGuard implements CanActivate {
  constructor(
    private readonly budgets: FailureBudgetStore,
    @Inject(publicConfig.KEY) private readonly config: ConfigType<typeof publicConfig>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const decision = await this.budgets.take(`public-read:ip:${request.ip}`, {
      budget: this.config.readsPerAddress,
      windowMs: this.config.readWindowMs,
      blockMs: () => this.config.readWindowMs,
    });
    if (decision.allowed) return true;
    throw new CommonException(
      CommonErrorCode.TooManyRequests,
      `Too many reads from this address; try again in ${decision.retryAfterSeconds} seconds.`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
}
