import { Injectable } from '@nestjs/common';
import { cycleOrThrow, type CyclePhase } from '../cycles';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import {
  SCORING_PERIOD_SORT,
  toScoringPeriodResponse,
  type CreateScoringPeriodDto,
  type ListScoringPeriodsQueryDto,
  type ScoringPeriodResponseDto,
} from './dto/scoring-periods.dto';
import { ScoringPeriod } from './scoring-period.entity';
import { assertManagesCluster, findPeriod } from './scoring-scope';
import { ScoringErrorCode, ScoringException } from './scoring.exception';

/** Units score themselves while the year runs and at its evaluation; not before, not after. */
const SCORING_PHASES: readonly CyclePhase[] = ['in_progress', 'evaluation'];

/** Scoring periods (đợt chấm điểm): opened by the secretariat against the cycle's pinned rules. */
@Injectable()
export class ScoringPeriodsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async create(actor: Actor, cycleId: string, dto: CreateScoringPeriodDto): Promise<ScoringPeriodResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // A share lock: the cycle cannot advance or re-pin its rules while the period opens.
      const cycle = await cycleOrThrow(manager, cycleId, 'share');
      assertManagesCluster(actor, cycle.clusterId);
      if (!cycle.rulesVersionId) {
        throw new ScoringException(
          ScoringErrorCode.RulesNotPinned,
          'Pin an adopted rules version to the cycle first: a period scores against its criteria tree.',
          { cycleId },
        );
      }
      if (!SCORING_PHASES.includes(cycle.phase)) {
        throw new ScoringException(
          ScoringErrorCode.CyclePhaseNotScoring,
          `The cycle is in ${cycle.phase}; scoring periods open only in ${SCORING_PHASES.join(' or ')}.`,
          { phase: cycle.phase },
        );
      }
      if (dto.explanationDue < dto.selfScoringDue) {
        throw new ScoringException(
          ScoringErrorCode.PeriodDatesInvalid,
          `Explanations (due ${dto.explanationDue}) follow the review of the self scores (due ${dto.selfScoringDue}).`,
        );
      }
      if (await manager.existsBy(ScoringPeriod, { cycleId, name: dto.name })) throw ScoringException.periodNameTaken();
      const period = await manager.save(
        manager.create(ScoringPeriod, {
          cycleId,
          name: dto.name,
          rulesVersionId: cycle.rulesVersionId,
          selfScoringDue: dto.selfScoringDue,
          explanationDue: dto.explanationDue,
          status: 'open',
          createdBy: actor.userId,
        }),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'scoring.period_opened',
        subjectType: 'scoring_period',
        subjectId: period.id,
        payload: {
          cycleId,
          clusterId: cycle.clusterId,
          name: period.name,
          rulesVersionId: period.rulesVersionId,
          selfScoringDue: period.selfScoringDue,
          explanationDue: period.explanationDue,
        },
      });
      return toScoringPeriodResponse(await manager.findOneByOrFail(ScoringPeriod, { id: period.id }));
    });
  }

  async list(
    _actor: Actor,
    cycleId: string,
    query: ListScoringPeriodsQueryDto,
  ): Promise<Page<ScoringPeriodResponseDto>> {
    const manager = this.dataSource.manager;
    await cycleOrThrow(manager, cycleId);
    const qb = manager
      .getRepository(ScoringPeriod)
      .createQueryBuilder('period')
      .where('period.cycleId = :cycleId', { cycleId });
    return findPage(qb, query, SCORING_PERIOD_SORT, toScoringPeriodResponse);
  }

  async get(_actor: Actor, id: string): Promise<ScoringPeriodResponseDto> {
    return toScoringPeriodResponse(await findPeriod(this.dataSource.manager, id));
  }
}
