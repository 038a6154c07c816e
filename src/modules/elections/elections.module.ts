import { Module } from '@nestjs/common';
import { BallotsController } from './ballots.controller';
import { BallotsService } from './ballots.service';
import { CertificationService } from './certification.service';
import { COUNTING_CONTROLLERS, COUNTING_PROVIDERS } from './counting.providers';
import { PollEffects } from './poll-effects';
import { PollsController } from './polls.controller';
import { PollsService } from './polls.service';
import { TallyService } from './tally.service';

/**
 * Polls of a meeting (bầu cử, bình xét, biểu quyết): one engine for leader and deputy elections,
 * award proposals and motions — candidates by the rules, a roll frozen from the attendance
 * register, the electronic secret ballot, the tally and its runoff.
 */
@Module({
  controllers: [PollsController, BallotsController, ...COUNTING_CONTROLLERS],
  providers: [
    PollsService,
    BallotsService,
    TallyService,
    PollEffects,
    // The counting board, paper count (binds PaperCountReader to the accepted count) and certification.
    ...COUNTING_PROVIDERS,
  ],
  // CertificationService: the public verifier serves a certified counting record's bundle (verification module).
  exports: [PollEffects, TallyService, CertificationService],
})
export class ElectionsModule {}
