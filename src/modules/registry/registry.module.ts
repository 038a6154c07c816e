import { Module } from '@nestjs/common';
import { ClustersController } from './clusters.controller';
import { ClustersService } from './clusters.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { LeadershipsController } from './leaderships.controller';
import { LeadershipsService } from './leaderships.service';
import { MembershipsController } from './memberships.controller';
import { MembershipsService } from './memberships.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

/** Who is who: emulation clusters, their member units, membership over time, and leader units by term. */
@Module({
  controllers: [
    ClustersController,
    UnitsController,
    MembershipsController,
    InvitationsController,
    LeadershipsController,
  ],
  providers: [ClustersService, UnitsService, MembershipsService, InvitationsService, LeadershipsService],
})
export class RegistryModule {}
