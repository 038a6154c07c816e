import { Global, Module } from '@nestjs/common';
import { FailureBudgetStore } from './failure-budget.store';
import { PgThrottlerStorage } from './pg-throttler.storage';

@Global()
@Module({ providers: [PgThrottlerStorage, FailureBudgetStore], exports: [PgThrottlerStorage, FailureBudgetStore] })
export class ThrottlingModule {}
