import type { EntityManager } from 'typeorm';
import type { Poll } from './poll.entity';
import type { PaperCount } from './poll-tally';

/**
 * Where the tally gets a paper or mixed poll's accepted paper count (both counting-board entries
 * agree on every line). Bound to `AcceptedPaperCounts` (paper-count-reader.ts); null means no
 * accepted count, which the tally refuses with 409 paper_count_not_accepted.
 */
export abstract class PaperCountReader {
  abstract accepted(manager: EntityManager, poll: Poll): Promise<PaperCount | null>;
}
