import { Module } from '@nestjs/common';

/**
 * The emulation pledge of a cycle (giao ước thi đua): shared commitments, each unit's targets
 * approved and signed by its head, sealed by a countersignature; progress reports against it.
 */
@Module({})
export class PledgesModule {}
