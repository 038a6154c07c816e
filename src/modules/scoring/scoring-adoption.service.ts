import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { CycleGates } from '../cycles';
import { LedgerService } from '../ledger';
import type { RankingResponseDto } from './dto/ranking.dto';
import type { AdoptRankingDto } from './dto/scoring-adoption.dto';
import { applyDraw, DRAW_METHOD, leadingUnitId, rankUnits } from './ranking';
import { rankingAdoptedGate } from './ranking-adopted.gate';
import { findPeriodCycle, loadRankingInput } from './ranking-input';
import { RankingException } from './ranking.exception';
import { assertMayAdopt } from './ranking.policy';
import { adoptedRankingResponse, toStoredRanking } from './ranking-snapshot';
import { ScoringPeriod } from './scoring-period.entity';
import { ScoringException } from './scoring.exception';

export const SCORING_PERIOD_SUBJECT_TYPE = 'scoring_period';

/**
 * Adoption of a period's final ranking (thông qua kết quả chấm điểm): once every member unit has
 * submitted its sheet, the secretariat fixes the ranking — ties the rules cannot break are drawn
 * with a seed recorded in the ledger before it is used — and the period with all its scores
 * becomes immutable (trigger `trg_scoring_periods_immutable` and the sheets' and entries' triggers).
 */
@Injectable()
export class ScoringAdoptionService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly gates: CycleGates,
  ) {}

  onModuleInit(): void {
    this.gates.register(rankingAdoptedGate);
  }

  adopt(actor: Actor, periodId: string, dto: AdoptRankingDto, ifMatch?: IfMatch): Promise<RankingResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // NO KEY UPDATE: sheets may still reference the period (FK share locks) while we wait.
      const period = await manager.findOne(ScoringPeriod, {
        where: { id: periodId },
        lock: { mode: 'for_no_key_update' },
      });
      if (!period) throw ScoringException.periodNotFound(periodId);
      const cycle = await findPeriodCycle(manager, period);
      assertMayAdopt(actor, cycle.clusterId);
      if (period.status === 'adopted') throw ScoringException.periodAdopted(period.id);
      assertVersion('scoring_period', period.version, { expectedVersion: dto.expectedVersion, ifMatch });
      // A score being written right now finishes first; later ones meet the adopted period's trigger.
      await manager.query('LOCK TABLE score_sheets, score_entries IN SHARE MODE');
      const input = await loadRankingInput(manager, period, cycle, 'final');
      if (input.missingUnits.length > 0) throw RankingException.sheetsMissing(input.missingUnits);

      let outcome = rankUnits(input.scores, input.rules.voting.tieBreak);
      let drawSeed: string | null = null;
      if (outcome.tiedGroups.length > 0 && input.rules.voting.tieBreak.includes('recorded_draw')) {
        // Recorded before it is used: the ledger proves the seed was not chosen after seeing the order.
        drawSeed = randomBytes(32).toString('hex');
        await this.ledger.append(manager, {
          actorId: actor.userId,
          action: 'scoring.draw_seeded',
          subjectType: SCORING_PERIOD_SUBJECT_TYPE,
          subjectId: period.id,
          payload: { cycleId: cycle.id, seed: drawSeed, tiedUnits: outcome.tiedGroups, method: DRAW_METHOD },
        });
        outcome = applyDraw(outcome, drawSeed);
      }

      const stored = toStoredRanking(input, outcome, leadingUnitId(outcome.rows), drawSeed);
      period.status = 'adopted';
      period.adoptedAt = new Date();
      period.adoptedBy = actor.userId;
      period.adoptedRanking = stored;
      await manager.save(period);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'scoring.ranking_adopted',
        subjectType: SCORING_PERIOD_SUBJECT_TYPE,
        subjectId: period.id,
        payload: {
          cycleId: cycle.id,
          rulesVersionId: period.rulesVersionId,
          rankingDigest: stored.rankingDigest,
          leadingUnitId: stored.leadingUnitId,
          tieBreaks: stored.tieBreaks,
          drawSeed,
          ranks: stored.rows.map((row) => ({ unitId: row.unitId, rank: row.rank, total: row.total })),
        },
      });
      return adoptedRankingResponse(period);
    });
  }
}
