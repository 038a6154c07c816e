import { Global, Module } from '@nestjs/common';
import { CycleGates } from './cycle-gates';

/** Global: other modules inject CycleGates to register the conditions they own. */
@Global()
@Module({ providers: [CycleGates], exports: [CycleGates] })
export class CyclesModule {}
