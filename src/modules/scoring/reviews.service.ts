import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { mandateInUnitNow } from '../mandates';
import { unitRefs } from '../registry';
import { activeUserIds, userRefs } from '../users';
import {
  REVIEW_ASSIGNMENT_SORT,
  toReviewAssignmentResponse,
  type AssignReviewerDto,
  type ListReviewAssignmentsQueryDto,
  type ReviewAssignmentResponseDto,
} from './dto/review-assignments.dto';
import { toScoreEntryResponse, type EnterReviewedScoreDto, type ScoreEntryResponseDto } from './dto/score-entries.dto';
import { ReviewAssignment } from './review-assignment.entity';
import { assertPeriodOpen, holdsAnyRoleOf } from './score-sheet.policy';
import { ScoreSheetStore } from './score-sheet.store';
import {
  assertCurrentMember,
  assertManagesCluster,
  checkedPoints,
  findPeriod,
  findScoreItem,
  findUnit,
  loadPeriodContext,
} from './scoring-scope';
import { ScoringErrorCode, ScoringException } from './scoring.exception';

/**
 * Cross-review (chấm chéo): the secretariat assigns reviewers, never from the unit under review;
 * an assigned reviewer enters a reviewed score and a comment per item of a submitted sheet.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ScoreSheetStore,
    private readonly ledger: LedgerService,
  ) {}

  async assign(actor: Actor, periodId: string, dto: AssignReviewerDto): Promise<ReviewAssignmentResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await loadPeriodContext(manager, periodId, true);
      assertManagesCluster(actor, ctx.cycle.clusterId);
      assertPeriodOpen(ctx.period);
      const unit = await findUnit(manager, dto.unitId);
      await assertCurrentMember(manager, ctx.cycle, dto.unitId);
      const reviewer = (await userRefs(manager, [dto.reviewerId])).get(dto.reviewerId);
      if (!reviewer || !(await activeUserIds(manager, [reviewer.id])).has(reviewer.id)) {
        throw new ScoringException(ScoringErrorCode.ReviewerNotFound, 'Assign an active user as the reviewer.', {
          reviewerId: dto.reviewerId,
        });
      }
      if ((await mandateInUnitNow(manager, reviewer.id, dto.unitId)) !== null) {
        throw new ScoringException(
          ScoringErrorCode.ReviewerFromSameUnit,
          `${reviewer.fullName} holds a mandate of the unit under review; choose someone from another unit.`,
          { reviewerId: reviewer.id, unitId: dto.unitId },
        );
      }
      if (await manager.existsBy(ReviewAssignment, { periodId, unitId: dto.unitId, reviewerId: reviewer.id })) {
        throw ScoringException.reviewerAlreadyAssigned();
      }
      const saved = await manager.save(
        manager.create(ReviewAssignment, {
          periodId,
          unitId: dto.unitId,
          reviewerId: reviewer.id,
          assignedBy: actor.userId,
        }),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'scoring.reviewer_assigned',
        subjectType: 'review_assignment',
        subjectId: saved.id,
        payload: { periodId, unitId: dto.unitId, reviewerId: reviewer.id },
      });
      return toReviewAssignmentResponse(
        await manager.findOneByOrFail(ReviewAssignment, { id: saved.id }),
        unit,
        reviewer,
      );
    });
  }

  async list(
    _actor: Actor,
    periodId: string,
    query: ListReviewAssignmentsQueryDto,
  ): Promise<Page<ReviewAssignmentResponseDto>> {
    const manager = this.dataSource.manager;
    await findPeriod(manager, periodId);
    const qb = manager
      .getRepository(ReviewAssignment)
      .createQueryBuilder('assignment')
      .where('assignment.periodId = :periodId', { periodId });
    if (query.unitId) qb.andWhere('assignment.unitId = :unitId', { unitId: query.unitId });
    if (query.reviewerId) qb.andWhere('assignment.reviewerId = :reviewerId', { reviewerId: query.reviewerId });
    const page = await findPage(qb, query, REVIEW_ASSIGNMENT_SORT, (assignment) => assignment);
    // Foreign keys guarantee every unit and reviewer (the list joined them before issue 14).
    const units = await unitRefs(
      manager,
      page.items.map((assignment) => assignment.unitId),
    );
    const reviewers = await userRefs(
      manager,
      page.items.map((assignment) => assignment.reviewerId),
    );
    return {
      ...page,
      items: page.items.map((assignment) =>
        toReviewAssignmentResponse(assignment, units.get(assignment.unitId)!, reviewers.get(assignment.reviewerId)!),
      ),
    };
  }

  /** Withdraws an assignment, as long as the reviewer has not yet entered a reviewed score for the unit. */
  async unassign(actor: Actor, periodId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ctx = await loadPeriodContext(manager, periodId, true);
      assertManagesCluster(actor, ctx.cycle.clusterId);
      assertPeriodOpen(ctx.period);
      const assignment = await manager.findOne(ReviewAssignment, {
        where: { id, periodId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!assignment) {
        throw new ScoringException(
          ScoringErrorCode.AssignmentNotFound,
          `There is no review assignment ${id} in this period.`,
          {
            assignmentId: id,
          },
        );
      }
      const reviewed = (await manager.query(
        `SELECT 1 FROM score_changes c
           JOIN score_entries e ON e.id = c.entry_id
           JOIN score_sheets s ON s.id = e.sheet_id
          WHERE s.period_id = $1 AND s.unit_id = $2 AND c.actor_id = $3 AND c.field = 'reviewed_score'
          LIMIT 1`,
        [periodId, assignment.unitId, assignment.reviewerId],
      )) as unknown[];
      if (reviewed.length > 0) {
        throw new ScoringException(
          ScoringErrorCode.AssignmentHasReviews,
          'The reviewer already entered reviewed scores for this unit; they stay in its history, and so does the assignment.',
          { assignmentId: id },
        );
      }
      await manager.delete(ReviewAssignment, { id });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'scoring.reviewer_unassigned',
        subjectType: 'review_assignment',
        subjectId: id,
        payload: { periodId, unitId: assignment.unitId, reviewerId: assignment.reviewerId },
      });
    });
  }

  async enterReview(
    actor: Actor,
    periodId: string,
    unitId: string,
    itemCode: string,
    dto: EnterReviewedScoreDto,
    ifMatch?: IfMatch,
  ): Promise<ScoreEntryResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await loadPeriodContext(manager, periodId, true);
      // Mandates are the caller's as of this request: one who joined the unit since being assigned is refused too.
      if (holdsAnyRoleOf(actor, unitId)) {
        throw new ScoringException(
          ScoringErrorCode.ReviewerOwnUnit,
          'You hold a mandate of this unit: you may not review it.',
          {
            unitId,
          },
        );
      }
      if (!(await manager.existsBy(ReviewAssignment, { periodId, unitId, reviewerId: actor.userId }))) {
        throw new ScoringException(
          ScoringErrorCode.NotAssignedReviewer,
          'Only a reviewer the secretariat assigned to this unit in this period may enter its reviewed scores.',
          { unitId },
        );
      }
      assertPeriodOpen(ctx.period);
      const item = findScoreItem(ctx.tree, itemCode);
      const reviewedScore = checkedPoints(item, dto.reviewedScore, 'reviewedScore');
      const sheet = await this.store.findSheet(manager, periodId, unitId, true);
      if (sheet?.status !== 'submitted') throw ScoringException.sheetNotSubmitted(sheet);
      const entry = await this.store.findEntry(manager, sheet.id, item.code);
      assertVersion('score_entry', entry?.version ?? null, { expectedVersion: dto.expectedVersion, ifMatch });
      const written = await this.store.write(manager, {
        actor,
        sheet,
        item,
        entry,
        values: { reviewed_score: reviewedScore, review_comment: dto.comment },
        stamp: { reviewedBy: actor.userId },
        reason: dto.comment,
        action: 'scoring.reviewed_score_entered',
      });
      return toScoreEntryResponse(written.entry, sheet);
    });
  }
}
