import { Module, type OnModuleInit } from '@nestjs/common';
import { LedgerService } from '../ledger';
import { ClustersController } from './clusters.controller';
import { ClustersService } from './clusters.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { LeadershipsController } from './leaderships.controller';
import { LeadershipsService } from './leaderships.service';
import { MembershipsController } from './memberships.controller';
import { MembershipsService } from './memberships.service';
import { loadReaderScope } from './reader-scope';
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
export class RegistryModule implements OnModuleInit {
  constructor(private readonly ledger: LedgerService) {}

  /** The ledger lists entries by what the reader serves, which the registry knows (issue 14). */
  onModuleInit(): void {
    this.ledger.readScopesWith(loadReaderScope);
  }
}
