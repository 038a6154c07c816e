import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Poll } from './poll.entity';
import type { PaperCount } from './poll-tally';

/**
 * Where the tally gets a paper or mixed poll's accepted paper count (both counting-board entries
 * agree on every line). The counting-board module provides the real reader; until then no paper
 * count is ever accepted and such polls cannot be tallied (409 paper_count_not_accepted).
 */
export abstract class PaperCountReader {
  abstract accepted(manager: EntityManager, poll: Poll): Promise<PaperCount | null>;
}

@Injectable()
export class NoPaperCountReader extends PaperCountReader {
  accepted(): Promise<PaperCount | null> {
    return Promise.resolve(null);
  }
}
