// The scoring module's front door (issue 14): what other modules may import from it.
export { DRAW_METHOD, drawKey } from './ranking';
export { assertMayEnterSelfScores, assertMayReadSheet } from './score-sheet.policy';
export { toHundredths } from './score-values';
export {
  findScoreEntry,
  scoreEntryById,
  type ScoreEntryFacts,
  type ScoreEntryOfSheet,
  type ScoreSheetFacts,
} from './score-entry-facts';
export { adoptedRankingOfCycle, type AdoptedRankingRow } from './adopted-ranking-facts';
