import { Module, type OnModuleInit } from '@nestjs/common';
import { CycleGates } from '../cycles';
import { PledgeProgressController } from './pledge-progress.controller';
import { PledgeProgressService } from './pledge-progress.service';
import { PledgeSealService } from './pledge-seal.service';
import { PledgesController } from './pledges.controller';
import { pledgesSealedGate } from './pledges-sealed.gate';
import { PledgesService } from './pledges.service';
import { ProgressReportsService } from './progress-reports.service';
import { UnitPledgesController } from './unit-pledges.controller';
import { UnitPledgesService } from './unit-pledges.service';

/**
 * The emulation pledge of a cycle (giao ước thi đua): shared commitments, each unit's targets
 * approved and signed by its head, sealed by a countersignature; progress reports against it.
 * The cycle cannot leave `pledge_signing` before the current version is sealed (`pledges.sealed`).
 */
@Module({
  controllers: [PledgesController, UnitPledgesController, PledgeProgressController],
  providers: [PledgesService, UnitPledgesService, PledgeSealService, ProgressReportsService, PledgeProgressService],
  // The public verifier serves a sealed pledge's bundle (verification module).
  exports: [PledgeSealService],
})
export class PledgesModule implements OnModuleInit {
  constructor(private readonly gates: CycleGates) {}

  onModuleInit(): void {
    this.gates.register(pledgesSealedGate());
  }
}
