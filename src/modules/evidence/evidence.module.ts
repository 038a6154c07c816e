import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { evidenceConfig } from '../../config/evidence.config';
import { EvidenceController } from './evidence.controller';
import { EvidenceStorage, PostgresEvidenceStorage } from './evidence-storage';
import { EvidenceService } from './evidence.service';

/**
 * Evidence files (minh chứng) attached to score entries. The bytes go through `EvidenceStorage`;
 * to keep them elsewhere, provide another class under that token here.
 */
@Module({
  imports: [ConfigModule.forFeature(evidenceConfig)],
  controllers: [EvidenceController],
  providers: [EvidenceService, { provide: EvidenceStorage, useClass: PostgresEvidenceStorage }],
  exports: [EvidenceStorage],
})
export class EvidenceModule {}
