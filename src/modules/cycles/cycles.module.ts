import { Global, Module } from '@nestjs/common';
import { ClusterCyclesController } from './cluster-cycles.controller';
import { CycleDashboardService } from './cycle-dashboard.service';
import { CycleGates } from './cycle-gates';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';

/** Global: other modules inject CycleGates to register the conditions they own. */
@Global()
@Module({
  controllers: [ClusterCyclesController, CyclesController],
  providers: [CycleGates, CyclesService, CycleDashboardService],
  exports: [CycleGates],
})
export class CyclesModule {}
