import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApprovalsService } from '../approvals';
import type { Poll } from './poll.entity';
import { storedPollResult } from './poll-result';

/**
 * What a certified poll changes outside itself. Certification (signing the counting record) calls
 * `apply` in its transaction. Today: an adopted motion completes the approval request it names
 * (e.g. a proposed rules version becomes adopted) with an act counted for the poll.
 */
@Injectable()
export class PollEffects {
  constructor(private readonly approvals: ApprovalsService) {}

  async apply(manager: EntityManager, poll: Poll, actorId: string): Promise<void> {
    const result = storedPollResult(poll.kind, poll.result);
    if (!result) return;
    if (poll.kind === 'motion' && result.outcome === 'adopted' && poll.approvalRequestId) {
      const yes = result.options.find((o) => o.option === 'yes')?.votes ?? 0;
      await this.approvals.decideByVote(manager, {
        requestId: poll.approvalRequestId,
        pollId: poll.id,
        actorId,
        comment: `Adopted by the meeting's vote (poll ${poll.id}): ${yes} yes, ${result.votesNeeded} needed of ${result.base.value} (${result.base.kind}).`,
      });
    }
  }
}
