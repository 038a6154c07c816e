import type { CycleGate, UnmetCondition } from '../cycles';

export const RANKING_ADOPTED_GATE = 'scoring.ranking_adopted';

/**
 * Blocking: the meeting votes (voting phase) on adopted scores only — the cycle has at least one
 * scoring period and the ranking of every one of them is adopted. The vote uses that ranking.
 */
export const rankingAdoptedGate: CycleGate = {
  key: RANKING_ADOPTED_GATE,
  phase: 'voting',
  description: 'The cycle has a scoring period, and the ranking of each of its scoring periods is adopted.',
  blocking: true,
  async check(manager, cycle): Promise<UnmetCondition[]> {
    const periods = (await manager.query(
      `SELECT id, name, status FROM scoring_periods WHERE cycle_id = $1 ORDER BY created_at, name`,
      [cycle.id],
    )) as { id: string; name: string; status: 'open' | 'adopted' }[];
    if (periods.length === 0) {
      return [
        {
          gate: RANKING_ADOPTED_GATE,
          message: 'The cycle has no scoring period: score the units and adopt their ranking before the vote.',
        },
      ];
    }
    return periods
      .filter((period) => period.status !== 'adopted')
      .map((period) => ({
        gate: RANKING_ADOPTED_GATE,
        message: `Scoring period "${period.name}": its ranking is not adopted yet (POST /scoring-periods/${period.id}/adopt).`,
      }));
  },
};
