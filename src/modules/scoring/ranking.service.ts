import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { findCycle } from '../cycles';
import { clusterRef } from '../registry';
import type { RankingResponseDto } from './dto/ranking.dto';
import { rankUnits } from './ranking';
import { rankingCsv, rankingCsvFilename } from './ranking-csv';
import { findPeriodCycle, loadRankingInput } from './ranking-input';
import { assertMayReadRanking } from './ranking.policy';
import { adoptedRankingResponse, liveRankingResponse } from './ranking-snapshot';
import type { ScoreStage } from './score-values';
import { ScoringPeriod } from './scoring-period.entity';
import { ScoringException } from './scoring.exception';

/**
 * The ranking table of a scoring period at a stage, and its CSV export. Before adoption it is
 * computed from the submitted sheets on every read (a fixed number of queries, summed in memory);
 * after adoption the final stage is the stored snapshot.
 */
@Injectable()
export class RankingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ranking(actor: Actor, periodId: string, stage: ScoreStage): Promise<RankingResponseDto> {
    // One snapshot: the rows and the missing units come from the same moment.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const period = await manager.findOne(ScoringPeriod, { where: { id: periodId } });
      if (!period) throw ScoringException.periodNotFound(periodId);
      const cycle = await findPeriodCycle(manager, period);
      await assertMayReadRanking(manager, actor, cycle.clusterId);
      if (period.status === 'adopted' && stage === 'final' && period.adoptedRanking) {
        return adoptedRankingResponse(period);
      }
      const input = await loadRankingInput(manager, period, cycle, stage);
      return liveRankingResponse(period, input, rankUnits(input.scores, input.rules.voting.tieBreak), stage);
    });
  }

  /** The same table as CSV: UTF-8 with a BOM, Vietnamese headers, one column per criteria group. */
  async csv(actor: Actor, periodId: string, stage: ScoreStage): Promise<StreamableFile> {
    const ranking = await this.ranking(actor, periodId, stage);
    const manager = this.dataSource.manager;
    // The cycle's foreign key guarantees it and its cluster.
    const cycle = (await findCycle(manager, ranking.cycleId))!;
    const cluster = (await clusterRef(manager, cycle.clusterId))!;
    return new StreamableFile(Buffer.from(rankingCsv(ranking), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${rankingCsvFilename(cluster.code, cycle.year, stage)}"`,
    });
  }
}
