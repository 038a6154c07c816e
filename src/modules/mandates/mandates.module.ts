import { Module } from '@nestjs/common';
import { MandatesController } from './mandates.controller';
import { MandatesService } from './mandates.service';

/** Who holds which role, for which unit or cluster, over which period. */
@Module({ controllers: [MandatesController], providers: [MandatesService] })
export class MandatesModule {}
