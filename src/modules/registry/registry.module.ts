import { Module } from '@nestjs/common';
import { ClustersController } from './clusters.controller';
import { ClustersService } from './clusters.service';
import { MembershipsController } from './memberships.controller';
import { MembershipsService } from './memberships.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

/** Who is who: emulation clusters, their member units, and membership over time. */
@Module({
  controllers: [ClustersController, UnitsController, MembershipsController],
  providers: [ClustersService, UnitsService, MembershipsService],
})
export class RegistryModule {}
