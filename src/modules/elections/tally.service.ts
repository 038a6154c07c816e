import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { databaseNow } from '../../common/clock/database-clock';
import type { IfMatch } from '../../common/versioning/version-precondition';
import { LedgerService } from '../ledger';
import { currentMemberCodes } from '../registry';
import { DRAW_METHOD } from '../scoring';
import { RESEAL_SQL, TALLY_SQL } from './ballot-box';
import { ballotOptionsOf, bulletinBoardDigest, bulletinEntries, channelTurnout, listsBallots } from './bulletin-board';
import type { PollResponseDto, PollVersionDto } from './dto/polls.dto';
import { ElectionsErrorCode, ElectionsException } from './elections.exception';
import { PaperCountReader } from './paper-counts';
import { PollCandidate } from './poll-candidate.entity';
import { PollPolicy } from './poll.policy';
import { POLL_SUBJECT, describePoll, findPoll, meetingOf } from './poll-store';
import { tally, type PollResult, type TallyInput } from './poll-tally';
import { Poll } from './poll.entity';
import { assertPollVersion } from './polls.service';

/**
 * Closing and counting (kiểm phiếu): close seals the box (waiting for ballots in flight, reordering
 * them, recording the bulletin board's digest); tally applies the rules to one GROUP BY over the
 * ballots plus the accepted paper count, records a draw seed before using it, and opens the
 * runoff ballot (as a draft, same roll) when the rules call for one.
 */
@Injectable()
export class TallyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly paperCounts: PaperCountReader,
  ) {}

  async close(actor: Actor, id: string, dto: PollVersionDto, ifMatch?: IfMatch): Promise<PollResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // FOR UPDATE waits for casts holding KEY SHARE; casts queued behind it then see 'closed'.
      const poll = await findPoll(manager, id, true);
      PollPolicy.assertMayManage(actor, (await meetingOf(manager, poll)).clusterId);
      if (poll.status === 'draft') {
        throw new ElectionsException(ElectionsErrorCode.PollNotOpen, 'Open the poll before closing it.');
      }
      if (poll.status !== 'open') {
        throw new ElectionsException(ElectionsErrorCode.PollClosed, `The poll is already ${poll.status}.`);
      }
      assertPollVersion(poll, { expectedVersion: dto.expectedVersion, ifMatch });
      const now = await databaseNow(manager);
      Object.assign(poll, { status: 'closed', closedAt: now, closedBy: actor.userId });
      await manager.save(poll);
      await manager.query(`SELECT set_config('thidua.reseal_poll', $1, true)`, [id]);
      await manager.query(RESEAL_SQL, [id]);
      // The digest of the board exactly as it will be served; none when the board withholds the
      // ballots of a mixed poll (too few on one channel): the tally's totals fix the box then.
      const entries = await bulletinEntries(manager, id, await ballotOptionsOf(manager, poll));
      const turnout = await channelTurnout(manager, id);
      const listed = listsBallots(poll, turnout);
      const digest = listed ? bulletinBoardDigest(entries) : null;
      Object.assign(poll, { ballotsCast: entries.length, bulletinDigest: digest });
      await manager.save(poll);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'elections.poll_closed',
        subjectType: POLL_SUBJECT,
        subjectId: id,
        payload: {
          closedAt: now.toISOString(),
          rollSize: poll.rollSize,
          rollDigest: poll.rollDigest,
          voted: turnout.electronic + turnout.paper,
          handedPaperBallots: turnout.paper,
          electronicBallots: entries.length,
          ballotsListed: listed,
          bulletinDigest: digest,
        },
      });
      return describePoll(manager, poll);
    });
  }

  async tally(actor: Actor, id: string, dto: PollVersionDto, ifMatch?: IfMatch): Promise<PollResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const poll = await findPoll(manager, id, true);
      const meeting = await meetingOf(manager, poll);
      PollPolicy.assertMayManage(actor, meeting.clusterId);
      if (poll.status !== 'closed') {
        throw new ElectionsException(
          ElectionsErrorCode.PollNotClosed,
          poll.status === 'draft' || poll.status === 'open'
            ? 'Close the poll before counting.'
            : `The poll is already ${poll.status}.`,
          { status: poll.status },
        );
      }
      assertPollVersion(poll, { expectedVersion: dto.expectedVersion, ifMatch });
      const input = await this.tallyInput(manager, poll, meeting.clusterId);
      let answer = tally(input);
      if (answer.kind === 'needs_draw') {
        // The seed goes to the ledger before it decides anything: anyone can recompute the draw.
        const seed = randomBytes(32).toString('hex');
        await this.ledger.append(manager, {
          actorId: actor.userId,
          action: 'elections.draw_seeded',
          subjectType: POLL_SUBJECT,
          subjectId: id,
          payload: { among: answer.among, seed, method: DRAW_METHOD },
        });
        answer = tally({ ...input, drawSeed: seed });
      }
      if (answer.kind !== 'result') throw new Error('A draw with a seed always decides');
      const result = answer.result;
      const now = await databaseNow(manager);
      Object.assign(poll, { status: 'tallied', talliedAt: now, result });
      await manager.save(poll);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'elections.poll_tallied',
        subjectType: POLL_SUBJECT,
        subjectId: id,
        payload: { ...result, bulletinDigest: poll.bulletinDigest } as unknown as Record<string, unknown>,
      });
      if (result.outcome === 'runoff') await this.createRunoff(manager, actor, poll, result);
      return describePoll(manager, poll);
    });
  }

  private async tallyInput(manager: EntityManager, poll: Poll, clusterId: string): Promise<TallyInput> {
    const electronic = (await manager.query(TALLY_SQL, [poll.id])) as { choice: number; count: number }[];
    const paper = poll.method === 'electronic' ? null : await this.paperCounts.accepted(manager, poll);
    if (poll.method !== 'electronic' && paper === null) {
      throw new ElectionsException(
        ElectionsErrorCode.PaperCountMissing,
        'Two counting-board members must enter the paper count and agree on every figure first.',
      );
    }
    const candidates = await manager.find(PollCandidate, { where: { pollId: poll.id } });
    // The member units are read only when the count needs them: without weights, the member count
    // frozen at the opening is the base (reading 20,000 codes per tally was a fifth of its time).
    const weights = poll.votingRules.voterWeights;
    const members = weights || poll.memberCount === null ? await currentMemberCodes(manager, clusterId) : [];
    const memberCount = poll.memberCount ?? members.length;
    // Weighted votes count all members by their weights (as members are at the tally).
    const memberWeight = weights ? members.reduce((sum, code) => sum + (weights[code] ?? 1), 0) : memberCount;
    return {
      kind: poll.kind,
      round: poll.round,
      rules: poll.votingRules,
      memberCount,
      memberWeight,
      presentCount: poll.presentCount ?? 0,
      rollWeight: poll.rollWeight ?? 0,
      candidates: candidates
        .filter((c) => c.position !== null)
        .map((c) => ({ unitId: c.unitId, position: c.position!, finalScore: c.finalScore, womenLed: c.womenLed })),
      quota: poll.maxApprovals,
      electronic,
      paper,
      drawSeed: null,
    };
  }

  /** The next ballot of the round: the two units, the same roll, a draft the secretariat opens. */
  private async createRunoff(manager: EntityManager, actor: Actor, parent: Poll, result: PollResult): Promise<void> {
    const runoff = await manager.save(
      manager.create(Poll, {
        meetingId: parent.meetingId,
        kind: parent.kind,
        title: `${parent.title} (vòng ${parent.round + 1})`,
        method: parent.method,
        round: parent.round + 1,
        parentPollId: parent.id,
        rulesVersionId: parent.rulesVersionId,
        votingRules: parent.votingRules,
        createdBy: actor.userId,
      }),
    );
    const candidates = await manager.find(PollCandidate, { where: { pollId: parent.id } });
    await manager.insert(
      PollCandidate,
      result.runoff.map((unitId, position) => {
        const c = candidates.find((x) => x.unitId === unitId)!;
        return { pollId: runoff.id, unitId, position, finalScore: c.finalScore, womenLed: c.womenLed };
      }),
    );
    await manager.query(
      `INSERT INTO poll_voters (poll_id, unit_id, delegate_id, weight)
       SELECT $1, unit_id, delegate_id, weight FROM poll_voters WHERE poll_id = $2`,
      [runoff.id, parent.id],
    );
    await this.ledger.append(manager, {
      actorId: actor.userId,
      action: 'elections.runoff_created',
      subjectType: POLL_SUBJECT,
      subjectId: runoff.id,
      payload: {
        parentPollId: parent.id,
        round: runoff.round,
        candidates: result.runoff,
        rollDigest: parent.rollDigest,
      },
    });
  }
}
