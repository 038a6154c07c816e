import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { publicConfig } from '../../config/public.config';
import { ElectionsModule } from '../elections';
import { FlagsModule } from '../flags';
import { PledgesModule } from '../pledges';
import { PublicReadLimitGuard } from './public-read-limit.guard';
import { PublicRecordsController } from './public-records.controller';
import { PublicRecordsService } from './public-records.service';

/**
 * Anyone verifies a record (kiểm chứng): the public, read-only bundle of a final record by its
 * digest, which the `/verify` page checks in the browser with the offline verifier's rules.
 */
@Module({
  imports: [ConfigModule.forFeature(publicConfig), PledgesModule, ElectionsModule, FlagsModule],
  controllers: [PublicRecordsController],
  providers: [PublicRecordsService, PublicReadLimitGuard],
})
export class VerificationModule {}
