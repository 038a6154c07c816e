import { Global, Module } from '@nestjs/common';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';
import { DelegationsController } from './delegations.controller';
import { DelegationsService } from './delegations.service';
import { WorkflowRegistry } from './workflow-definition';

/** Global: modules register workflows and open approval requests in their own transactions. */
@Global()
@Module({
  controllers: [ApprovalsController, DelegationsController],
  providers: [WorkflowRegistry, ApprovalsService, DelegationsService],
  exports: [WorkflowRegistry, ApprovalsService],
})
export class ApprovalsModule {}
