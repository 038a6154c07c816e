import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { databaseNow } from '../../common/clock/database-clock';
import { assertVersion, type IfMatch, type VersionPrecondition } from '../../common/versioning/version-precondition';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { findPage, type Page, type SortSpec } from '../../common/pagination/pagination';
import { findApprovalRequest, type ApprovalRequestFacts, WorkflowRegistry } from '../approvals';
import { canonicalJson, sha256Hex, LedgerService } from '../ledger';
import {
  releaseLapsedSeats,
  meetingPresence,
  pinnedRules,
  reachesShare,
  assertMeetingNotClosed,
  findMeeting,
} from '../meetings';
import { unitRefs } from '../registry';
import type { RulesContent } from '../rules';
import { eligibleForCategory, refusalOf } from './candidate-eligibility';
import type { CreatePollDto, PollResponseDto, PollRollResponseDto, PollVersionDto } from './dto/polls.dto';
import { ElectionsErrorCode, ElectionsException } from './elections.exception';
import { loadEligibilityFacts } from './eligibility-facts';
import { PollCandidate } from './poll-candidate.entity';
import { PollPolicy } from './poll.policy';
import { POLL_SUBJECT, describePoll, findPoll, meetingOf } from './poll-store';
import { awardQuota } from './poll-tally';
import { PollVoter } from './poll-voter.entity';
import { Poll } from './poll.entity';

/** Runoffs come after their parent in creation order. */
const POLL_SORT: SortSpec = { fields: { createdAt: 'createdAt' }, default: 'createdAt' };

/** The workflow transition a vote may take on a request: from its state into a final state. */
export function decidingTransition(workflows: WorkflowRegistry, request: ApprovalRequestFacts) {
  const definition = workflows.get(request.workflowKey);
  return definition.transitions.find((t) => t.from === request.state && definition.final.includes(t.to)) ?? null;
}

/**
 * Polls (cuộc bỏ phiếu) of a meeting: created by the secretariat with the candidates the rules
 * allow (refused ones listed with the reason), opened with the roll frozen from the attendance
 * register. Casting is BallotsService; closing and counting TallyService.
 */
@Injectable()
export class PollsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly workflows: WorkflowRegistry,
  ) {}

  async create(actor: Actor, meetingId: string, dto: CreatePollDto): Promise<PollResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await findMeeting(manager, meetingId);
      PollPolicy.assertMayManage(actor, meeting.clusterId);
      assertMeetingNotClosed(meeting);
      const rules = await pinnedRules(manager, meeting.cycleId);
      await this.checkKindFields(manager, meeting, rules.content, dto);
      const facts = await loadEligibilityFacts(
        manager,
        meeting,
        dto.kind,
        rules.content,
        dto.awardCategoryCode ?? null,
      );
      const proposed =
        dto.kind === 'motion' ? [] : [...new Set(dto.candidateUnitIds ?? facts.members.map((m) => m.unitId))];
      let position = 0;
      const decided = proposed.map((unitId) => {
        const refusal = refusalOf(facts, unitId);
        return { unitId, refusal, position: refusal ? null : position++ };
      });
      if (dto.kind !== 'motion' && position === 0) {
        throw new ElectionsException(
          ElectionsErrorCode.NoEligibleCandidates,
          'None of the units proposed may stand under the rules.',
          { refused: decided.map((d) => ({ unitId: d.unitId, ...d.refusal })) },
        );
      }
      let maxApprovals: number | null = null;
      if (dto.kind === 'award_proposal') {
        const category = facts.category!;
        const quota = awardQuota(category.quotaCount, category.quotaShare, eligibleForCategory(facts).length);
        maxApprovals = Math.min(quota ?? position, position);
        if (maxApprovals === 0) {
          throw ElectionsException.invalid(`The quota of ${category.code} allows no proposal for this cycle.`);
        }
      }
      const poll = await manager.save(
        manager.create(Poll, {
          meetingId,
          kind: dto.kind,
          title: dto.title,
          method: dto.method ?? 'electronic',
          rulesVersionId: rules.rulesVersionId,
          votingRules: rules.content.voting,
          awardCategoryCode: dto.awardCategoryCode ?? null,
          maxApprovals,
          motionText: dto.motionText ?? null,
          approvalRequestId: dto.approvalRequestId ?? null,
          createdBy: actor.userId,
        }),
      );
      if (decided.length > 0) {
        await manager.insert(
          PollCandidate,
          decided.map((d) => ({
            pollId: poll.id,
            unitId: d.unitId,
            position: d.position,
            refusalCode: d.refusal?.code ?? null,
            refusalReason: d.refusal?.reason ?? null,
            finalScore: facts.finalScores?.get(d.unitId) ?? null,
            womenLed: facts.units.get(d.unitId)?.womenLed ?? false,
          })),
        );
      }
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'elections.poll_created',
        subjectType: POLL_SUBJECT,
        subjectId: poll.id,
        payload: {
          meetingId,
          kind: poll.kind,
          title: poll.title,
          method: poll.method,
          rulesVersionId: poll.rulesVersionId,
          awardCategoryCode: poll.awardCategoryCode,
          maxApprovals,
          motionText: poll.motionText,
          approvalRequestId: poll.approvalRequestId,
          candidates: decided.map((d) => ({
            unitId: d.unitId,
            position: d.position,
            refusal: d.refusal?.code ?? null,
          })),
        },
      });
      return describePoll(manager, poll);
    });
  }

  async get(_actor: Actor, id: string): Promise<PollResponseDto> {
    const manager = this.dataSource.manager;
    return describePoll(manager, await findPoll(manager, id));
  }

  async list(_actor: Actor, meetingId: string, query: PageQueryDto): Promise<Page<PollResponseDto>> {
    const manager = this.dataSource.manager;
    await findMeeting(manager, meetingId);
    const qb = manager
      .getRepository(Poll)
      .createQueryBuilder('poll')
      .where('poll.meetingId = :meetingId', { meetingId });
    return findPage(qb, query, POLL_SORT, (poll) => describePoll(manager, poll));
  }

  async roll(_actor: Actor, id: string): Promise<PollRollResponseDto> {
    const manager = this.dataSource.manager;
    const poll = await findPoll(manager, id);
    const voters = await manager.find(PollVoter, { where: { pollId: id } });
    const units = await unitRefs(
      manager,
      voters.map((v) => v.unitId),
    );
    return {
      pollId: id,
      frozen: poll.status !== 'draft',
      digest: poll.rollDigest,
      voters: voters
        .map((v) => ({
          unitId: v.unitId,
          unitCode: units.get(v.unitId)!.code,
          delegateId: v.delegateId,
          weight: v.weight,
        }))
        .sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
    };
  }

  /**
   * Opens the poll: the roll is built from the register (a runoff keeps the roll copied from its
   * parent), frozen by the database from now on, its digest recorded in the ledger; the quorum is
   * checked on it. The meeting row is locked, so a check-in either counts or comes after.
   */
  async open(actor: Actor, id: string, dto: PollVersionDto, ifMatch?: IfMatch): Promise<PollResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const poll = await findPoll(manager, id, true);
      const meeting = await meetingOf(manager, poll, true);
      PollPolicy.assertMayManage(actor, meeting.clusterId);
      assertMeetingNotClosed(meeting);
      if (poll.status !== 'draft') throw ElectionsException.notDraft(poll.status);
      assertPollVersion(poll, { expectedVersion: dto.expectedVersion, ifMatch });
      // The roll is who holds a seat by a mandate in force now: lapsed check-ins are released first.
      if (poll.parentPollId === null) await releaseLapsedSeats(manager, this.ledger, meeting.id, actor.userId);
      const presence = await meetingPresence(manager, meeting);
      const memberCount = presence.memberUnitIds.length;
      if (poll.parentPollId === null) await this.freezeRollFromRegister(manager, poll, presence.present);
      const roll = await manager.find(PollVoter, { where: { pollId: poll.id }, order: { unitId: 'ASC' } });
      const rollWeight = roll.reduce((sum, v) => sum + v.weight, 0);
      if (roll.length === 0) {
        throw new ElectionsException(ElectionsErrorCode.RollEmpty, 'Nobody is checked in for a member unit.');
      }
      const quorum = poll.kind === 'award_proposal' ? poll.votingRules.awardQuorum : poll.votingRules.quorum;
      if (!reachesShare(roll.length, memberCount, quorum)) {
        throw new ElectionsException(
          ElectionsErrorCode.QuorumNotMet,
          `${roll.length} of ${memberCount} member units are present; the rules need ${Math.ceil(quorum * memberCount - 1e-9)}.`,
          { present: roll.length, members: memberCount, required: quorum },
        );
      }
      const rollDigest = sha256Hex(
        canonicalJson(roll.map((v) => ({ unitId: v.unitId, delegateId: v.delegateId, weight: v.weight }))),
      );
      const now = await databaseNow(manager);
      Object.assign(poll, {
        status: 'open',
        openedAt: now,
        openedBy: actor.userId,
        memberCount,
        presentCount: roll.length,
        rollSize: roll.length,
        rollWeight,
        rollDigest,
      });
      await manager.save(poll);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'elections.poll_opened',
        subjectType: POLL_SUBJECT,
        subjectId: poll.id,
        payload: { memberCount, rollSize: roll.length, rollWeight, rollDigest, quorum, openedAt: now.toISOString() },
      });
      return describePoll(manager, poll);
    });
  }

  private async freezeRollFromRegister(
    manager: EntityManager,
    poll: Poll,
    present: { unitId: string; unitCode: string; delegateId: string }[],
  ): Promise<void> {
    if (present.length === 0) return;
    const weights = poll.votingRules.voterWeights ?? {};
    // Three array parameters whatever the roll's size (one row of parameters per voter would pass
    // PostgreSQL's 65,535-parameter limit above 16,383 voters).
    await manager.query(
      `INSERT INTO poll_voters (poll_id, unit_id, delegate_id, weight)
       SELECT $1, v.unit_id, v.delegate_id, v.weight
         FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS v(unit_id, delegate_id, weight)`,
      [
        poll.id,
        present.map((p) => p.unitId),
        present.map((p) => p.delegateId),
        present.map((p) => weights[p.unitCode] ?? 1),
      ],
    );
  }

  private async checkKindFields(
    manager: EntityManager,
    meeting: { clusterId: string },
    rules: RulesContent,
    dto: CreatePollDto,
  ): Promise<void> {
    const isAward = dto.kind === 'award_proposal';
    const isMotion = dto.kind === 'motion';
    if (isAward !== (dto.awardCategoryCode !== undefined)) {
      throw ElectionsException.invalid('An award proposal names its category (awardCategoryCode); other polls do not.');
    }
    if (isAward && !rules.awardCategories.some((c) => c.code === dto.awardCategoryCode)) {
      throw ElectionsException.invalid(`The pinned rules have no award category ${dto.awardCategoryCode}.`);
    }
    if (isMotion !== (dto.motionText !== undefined)) {
      throw ElectionsException.invalid('A motion states its text (motionText); other polls do not.');
    }
    if (isMotion && dto.candidateUnitIds !== undefined) throw ElectionsException.invalid('A motion has no candidates.');
    if (!isMotion && dto.approvalRequestId !== undefined) {
      throw ElectionsException.invalid('Only a motion completes an approval request.');
    }
    if (dto.method === 'mixed' && rules.voting.mixedBallots === false) {
      throw ElectionsException.invalid('The rules do not allow paper and electronic ballots in one poll.');
    }
    if (dto.approvalRequestId) {
      const request = await findApprovalRequest(manager, dto.approvalRequestId);
      if (!request || request.clusterId !== meeting.clusterId || !decidingTransition(this.workflows, request)) {
        throw new ElectionsException(
          ElectionsErrorCode.MotionRequestNotDecidable,
          "The request must be of the meeting's cluster and in a state from which one step completes it (e.g. a proposed rules version).",
          { approvalRequestId: dto.approvalRequestId, state: request?.state ?? null },
        );
      }
    }
  }
}

/** The poll's optimistic version, checked with the shared precondition (`expectedVersion` or If-Match). */
export function assertPollVersion(poll: Poll, precondition: VersionPrecondition): void {
  assertVersion('poll', poll.version, precondition);
}
