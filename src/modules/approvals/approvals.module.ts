import { Global, Module } from '@nestjs/common';
import { ApprovalsService } from './approvals.service';
import { WorkflowRegistry } from './workflow-definition';

/** Global: modules register workflows and open approval requests in their own transactions. */
@Global()
@Module({ providers: [WorkflowRegistry, ApprovalsService], exports: [WorkflowRegistry, ApprovalsService] })
export class ApprovalsModule {}
