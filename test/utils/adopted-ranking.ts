import type { DataSource } from 'typeorm';

/**
 * Satisfies the blocking `scoring.ranking_adopted` gate of the voting phase for specs about
 * something else: one scoring period of the cycle, inserted as already adopted (with an empty
 * ranking), under the rules version the cycle pins. Specs about scoring adopt through the API
 * (test/e2e/scoring-ranking.spec.ts).
 */
export async function insertAdoptedScoringPeriod(dataSource: DataSource, cycleId: string): Promise<string> {
  const [row] = (await dataSource.query(
    `INSERT INTO scoring_periods (cycle_id, name, rules_version_id, self_scoring_due, explanation_due,
                                  status, adopted_at, adopted_by, adopted_ranking, created_by)
     SELECT c.id, 'Chấm điểm (đã thông qua)', c.rules_version_id, make_date(c.year, 11, 10), make_date(c.year, 11, 20),
            'adopted', now(), u.id, '{"stage": "final", "rows": [], "leadingUnitId": null, "tieBreaks": []}', u.id
       FROM cycles c, users u
      WHERE c.id = $1 AND u.email = 'admin@thidua.local'
     RETURNING id`,
    [cycleId],
  )) as { id: string }[];
  if (!row) throw new Error(`No cycle ${cycleId} to give an adopted scoring period`);
  return row.id;
}
