import type { Provider } from '@nestjs/common';
import { CertificationController } from './certification.controller';
import { CertificationService } from './certification.service';
import { CountingBoardService } from './counting-board.service';
import { CountingController } from './counting.controller';
import { LeadershipEffect } from './leadership-effect';
import { AcceptedPaperCounts } from './paper-count-reader';
import { PaperCountReader } from './paper-counts';
import { PaperCountService } from './paper-count.service';

/**
 * The counting board, the paper count and the certification, as the elections module registers
 * them. The tally reads the accepted paper count through `PaperCountReader`.
 */
export const COUNTING_CONTROLLERS = [CountingController, CertificationController];

export const COUNTING_PROVIDERS: Provider[] = [
  CountingBoardService,
  PaperCountService,
  CertificationService,
  LeadershipEffect,
  { provide: PaperCountReader, useClass: AcceptedPaperCounts },
];
