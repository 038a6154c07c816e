import { Module } from '@nestjs/common';
import { RankingController } from './ranking.controller';
import { RankingService } from './ranking.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { ScoreSheetStore } from './score-sheet.store';
import { ScoreSheetsController } from './score-sheets.controller';
import { ScoreSheetsService } from './score-sheets.service';
import { ScoringAdoptionController } from './scoring-adoption.controller';
import { ScoringAdoptionService } from './scoring-adoption.service';
import { ScoringPeriodsController } from './scoring-periods.controller';
import { ScoringPeriodsService } from './scoring-periods.service';
import { SelfScoresService } from './self-scores.service';

/**
 * Scoring (chấm điểm thi đua): periods of a cycle, each unit's score sheet against the pinned
 * criteria tree (self-scoring, submission through the `score_sheet` workflow, cross-review,
 * explanations, final scores, history), and — in ranking* / scoring-adoption* — the ranking and
 * its adoption.
 */
@Module({
  controllers: [
    ScoringPeriodsController,
    ScoreSheetsController,
    ReviewsController,
    RankingController,
    ScoringAdoptionController,
  ],
  providers: [
    ScoringPeriodsService,
    ScoreSheetStore,
    ScoreSheetsService,
    SelfScoresService,
    ReviewsService,
    RankingService,
    ScoringAdoptionService,
  ],
  exports: [ScoreSheetStore],
})
export class ScoringModule {}
