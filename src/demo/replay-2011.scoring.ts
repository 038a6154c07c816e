import {
  REVIEW_CORRECTION,
  SECRETARIAT,
  SELF_SCORES,
  UNITS,
  YEAR,
  head,
  officer,
  reviewerOf,
} from './replay-2011.data';
import type { Replay } from './replay-2011.context';
import { present } from './replay-client';
import { act, advance } from './replay-2011.year';

/**
 * Step 5, scoring and ranking (tự chấm điểm, chấm chéo, thông qua kết quả): the secretariat opens
 * a scoring period; each unit's officer enters the self scores and its head submits the sheet; an
 * officer of another unit cross-checks each sheet; Lào Cai explains the one line corrected and the
 * secretariat fixes its final; the secretariat adopts the ranking and the meeting can vote (gate
 * `scoring.ranking_adopted`).
 */
export async function scoreAndRank(r: Replay): Promise<string[]> {
  const secretariat = r.client.as(SECRETARIAT[0]);
  await advance(r, 'evaluation');
  // Deadlines are checked against today in Asia/Ho_Chi_Minh: the replay runs today, not in 2011.
  const period = await secretariat.call(
    (api) =>
      api.POST('/api/v1/cycles/{cycleId}/scoring-periods', {
        params: { path: { cycleId: r.ids.cycleId } },
        body: {
          name: `Chấm điểm thi đua năm ${YEAR}`,
          selfScoringDue: daysFromToday(7),
          explanationDue: daysFromToday(14),
        },
      }),
    201,
  );
  r.ids.periodId = period.id;
  const periodId = period.id;
  const entry = (code: string, itemCode: string) => ({ path: { periodId, unitId: r.ids.units[code], itemCode } });

  for (const { code } of UNITS) {
    for (const [item, selfScore] of Object.entries(SELF_SCORES[code])) {
      await r.client.as(officer(code)).call(
        (api) =>
          api.PUT('/api/v1/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}', {
            params: entry(code, item),
            body: { selfScore },
          }),
        200,
      );
    }
    const sheet = await r.client.as(head(code)).call(
      (api) =>
        api.GET('/api/v1/scoring-periods/{periodId}/units/{unitId}/sheet', {
          params: { path: { periodId, unitId: r.ids.units[code] } },
        }),
      200,
    );
    await act(r, head(code), present(sheet.approval, `approval request of ${code}'s sheet`).requestId, 'submit');
  }

  for (const [index, { code }] of UNITS.entries()) {
    const reviewer = reviewerOf(index);
    await secretariat.call(
      (api) =>
        api.POST('/api/v1/scoring-periods/{periodId}/review-assignments', {
          params: { path: { periodId } },
          body: { unitId: r.ids.units[code], reviewerId: r.ids.users[reviewer] },
        }),
      201,
    );
    const corrected = code === REVIEW_CORRECTION.unit;
    await r.client.as(reviewer).call(
      (api) =>
        api.PUT('/api/v1/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/review', {
          params: entry(code, REVIEW_CORRECTION.item),
          body: {
            reviewedScore: corrected ? REVIEW_CORRECTION.reviewedScore : SELF_SCORES[code][REVIEW_CORRECTION.item],
            comment: corrected ? REVIEW_CORRECTION.comment : 'Đã đối chiếu hồ sơ minh chứng: đúng với điểm tự chấm.',
          },
        }),
      200,
    );
  }
  const { unit, item } = REVIEW_CORRECTION;
  await r.client.as(officer(unit)).call(
    (api) =>
      api.PUT('/api/v1/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/explanation', {
        params: entry(unit, item),
        body: { explanation: REVIEW_CORRECTION.explanation },
      }),
    200,
  );
  await secretariat.call(
    (api) =>
      api.PUT('/api/v1/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/final', {
        params: entry(unit, item),
        body: { finalScore: REVIEW_CORRECTION.finalScore, reason: REVIEW_CORRECTION.finalReason },
      }),
    200,
  );

  const before = await secretariat.call(
    (api) => api.GET('/api/v1/scoring-periods/{id}', { params: { path: { id: periodId } } }),
    200,
  );
  await secretariat.call((api) =>
    api.POST('/api/v1/scoring-periods/{periodId}/adopt', {
      params: { path: { periodId } },
      body: { expectedVersion: before.version },
    }),
  );
  const ranking = await r.client
    .as(head('dien-bien'))
    .call((api) => api.GET('/api/v1/scoring-periods/{periodId}/ranking', { params: { path: { periodId } } }), 200);
  const rows = ranking.rows;
  r.outcome.ranking = rows.map(({ unitCode, total, rank }) => ({ unitCode, total, rank }));
  await advance(r, 'voting');

  return [
    `period “${period.name}”: ${UNITS.length} sheets self-scored by the officers, submitted by the heads`,
    `cross-review: ${UNITS.length} reviewers from other units; ${unit} ${item} ${SELF_SCORES[unit][item]} → ` +
      `${REVIEW_CORRECTION.reviewedScore}, explained, final ${REVIEW_CORRECTION.finalScore} fixed by the secretariat`,
    `ranking adopted (${ranking.adopted ? 'stored snapshot' : 'computed'}, digest in the ledger):`,
    ...rows.map((row) => `  ${row.rank}. ${row.unitName.padEnd(36)} ${row.total.padStart(6)}`),
    `cycle → voting`,
  ];
}

/** A calendar day `days` after today in Asia/Ho_Chi_Minh, as the service counts deadlines. */
function daysFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
