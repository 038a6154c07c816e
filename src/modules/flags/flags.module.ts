import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { evidenceConfig } from '../../config/evidence.config';
import { EvidenceModule } from '../evidence';
import { FlagHandoversController } from './flag-handovers.controller';
import { FlagHandoversService } from './flag-handovers.service';
import { FlagIncidentsController } from './flag-incidents.controller';
import { FlagIncidentsService } from './flag-incidents.service';
import { FlagPhotosService } from './flag-photos.service';
import { FlagsController } from './flags.controller';
import { FlagsService } from './flags.service';

/**
 * The cluster's rotating flag (cờ luân lưu): its registration, its chain of custody kept whole by
 * the database, its handover signed by both heads, its incidents, and the cycle gate
 * `flag.handed_over`. The photo goes to the evidence storage.
 */
@Module({
  imports: [ConfigModule.forFeature(evidenceConfig), EvidenceModule],
  controllers: [FlagsController, FlagHandoversController, FlagIncidentsController],
  providers: [FlagsService, FlagHandoversService, FlagIncidentsService, FlagPhotosService],
  // The public verifier serves a completed handover's bundle (verification module).
  exports: [FlagHandoversService],
})
export class FlagsModule {}
