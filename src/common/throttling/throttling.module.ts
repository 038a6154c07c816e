import { Global, Module } from '@nestjs/common';
import { PgThrottlerStorage } from './pg-throttler.storage';

@Global()
@Module({ providers: [PgThrottlerStorage], exports: [PgThrottlerStorage] })
export class ThrottlingModule {}
