import type { Page } from 'playwright-core';
import { act } from '../../../src/demo/replay-2011.year';
import { advanceInConsole } from './year-actions';
import {
  REVIEW_CORRECTION,
  SELF_SCORES,
  UNITS,
  YEAR,
  head,
  officer,
  reviewerOf,
  unitName,
} from '../../../src/demo/replay-2011.data';
import { present } from '../../../src/demo/replay-client';
import { seriousAccessibilityViolations } from '../browser';
import { consoleScreenshot, expectRefusal, openConsole } from './pledge.console';
import type { ConsoleStep } from './year-2011';

/** A calendar day `days` after today in Asia/Ho_Chi_Minh, as the service counts deadlines (as the replay does). */
function daysFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Picks an option of an antd search select the way a person does: type, wait for it, Enter. */
async function choose(page: Page, label: string, typed: string, option: string | RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(typed);
  // The chosen value carries the same title as its option; the open list is rendered last. The
  // option is clicked: Enter in an antd Select inside a form may also submit the form.
  await page.getByTitle(option).last().click();
}

/**
 * The replay's chapter 'scoring' with the secretariat's part in the console: the clerk opens the
 * period (a date order refused first), tries to adopt while Cao Bằng has not submitted (refused,
 * naming it), assigns the seven reviewers (a reviewer of the unit itself refused), fixes Lào Cai's
 * final after its explanation, and adopts; units and reviewers act through the API exactly as
 * src/demo/replay-2011.scoring.ts does.
 */
export const adoptScoringInConsole: ConsoleStep = async (year) => {
  const r = year.replay;
  await advanceInConsole(await year.secretariat(), 'evaluation');
  const page = await openConsole(year, '/console/scoring');
  await page.getByText('Năm này chưa có đợt chấm điểm nào.').waitFor();
  const name = `Chấm điểm thi đua năm ${YEAR}`;
  await page.getByRole('textbox', { name: 'Tên đợt chấm điểm' }).fill(name);
  await page.getByRole('textbox', { name: 'Hạn tự chấm điểm' }).fill(daysFromToday(14));
  await page.getByRole('textbox', { name: 'Hạn giải trình' }).fill(daysFromToday(7));
  await page.getByRole('button', { name: 'Mở đợt chấm điểm' }).click();
  await page.getByText('Hạn giải trình không được sớm hơn hạn tự chấm điểm.').waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await consoleScreenshot(page, 'console-scoring-periods');
  await page.getByRole('textbox', { name: 'Hạn tự chấm điểm' }).fill(daysFromToday(7));
  await page.getByRole('textbox', { name: 'Hạn giải trình' }).fill(daysFromToday(14));
  await page.getByRole('button', { name: 'Mở đợt chấm điểm' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const periodId = /periods\/([0-9a-f-]{36})/.exec(page.url())![1];
  r.ids.periodId = periodId;
  const entry = (code: string, itemCode: string) => ({ path: { periodId, unitId: r.ids.units[code], itemCode } });

  const submitSheet = async (code: string) => {
    for (const [item, selfScore] of Object.entries(SELF_SCORES[code as keyof typeof SELF_SCORES])) {
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
  };
  for (const { code } of UNITS) if (code !== 'cao-bang') await submitSheet(code);

  // Adopting before every sheet is in: refused, naming Cao Bằng.
  await page.reload();
  const sheets = page.getByRole('region', { name: 'Phiếu chấm điểm của các đơn vị' });
  await sheets.getByRole('row', { name: new RegExp(`${unitName('Cao Bằng')}.*Chưa bắt đầu`) }).waitFor();
  await page.getByRole('button', { name: 'Thông qua kết quả chấm điểm' }).click();
  await expectRefusal(page, 'Chưa thể thông qua kết quả chấm điểm', 'sheets_missing');
  await page.getByText(`Các đơn vị chưa gửi phiếu chấm điểm: ${unitName('Cao Bằng')}.`).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await consoleScreenshot(page, 'console-scoring-refused');
  await submitSheet('cao-bang');
  await page.reload();
  await sheets.getByRole('row', { name: new RegExp(`${unitName('Cao Bằng')}.*Đã gửi`) }).waitFor();

  // A reviewer from the unit itself is refused in words; then each unit gets the next unit's officer.
  const reviews = page.getByRole('region', { name: 'Phân công chấm chéo' });
  await choose(page, 'Đơn vị được chấm', 'Sơn La', unitName('Sơn La'));
  await choose(page, 'Người chấm chéo', officer('son-la'), new RegExp(officer('son-la')));
  await reviews.getByRole('button', { name: 'Phân công', exact: true }).click();
  const refusal = await reviews.getByRole('alert').innerText();
  expect(refusal).not.toContain('reviewer_from_same_unit');
  for (const [index, { code, province }] of UNITS.entries()) {
    const reviewer = reviewerOf(index);
    await choose(page, 'Đơn vị được chấm', province, unitName(province));
    await choose(page, 'Người chấm chéo', reviewer, new RegExp(reviewer));
    await reviews.getByRole('button', { name: 'Phân công', exact: true }).click();
    // The assignment's row; if it never comes, the console's refusal (if any) says why.
    await reviews
      .getByRole('row', { name: new RegExp(unitName(province)) })
      .waitFor({ timeout: 120_000 })
      .catch(async (error: Error) => {
        const alerts = await reviews.getByRole('alert').allInnerTexts();
        throw new Error(`Assigning ${reviewer} to ${province}: ${alerts.join(' / ') || error.message}`);
      });
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
  expect(await reviews.getByRole('row').count()).toBe(1 + UNITS.length);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const { unit, item } = REVIEW_CORRECTION;
  await r.client.as(officer(unit)).call(
    (api) =>
      api.PUT('/api/v1/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/explanation', {
        params: entry(unit, item),
        body: { explanation: REVIEW_CORRECTION.explanation },
      }),
    200,
  );

  // Lào Cai's sheet: the reviewed line with its comment and the explanation; the clerk fixes the final.
  await sheets.getByRole('link', { name: unitName('Lào Cai') }).click();
  await page.getByRole('heading', { level: 1, name: `Phiếu chấm điểm — ${unitName('Lào Cai')}` }).waitFor();
  await page.getByText(REVIEW_CORRECTION.explanation).waitFor();
  await choose(page, 'Tiêu chí', item, new RegExp(`^${item} — `));
  await page.getByRole('textbox', { name: 'Điểm cuối cùng' }).fill('10,50');
  await page.getByRole('textbox', { name: 'Lý do' }).fill(REVIEW_CORRECTION.finalReason);
  await page.getByRole('button', { name: 'Chốt điểm' }).click();
  await page.getByText(`Ban thư ký chốt: ${REVIEW_CORRECTION.finalReason}`).waitFor();
  expect(await page.getByRole('row', { name: new RegExp(`^${item} `) }).innerText()).toContain('10,50');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await consoleScreenshot(page, 'console-scoring-sheet');

  await page.getByRole('link', { name: '← Về đợt chấm điểm' }).click();
  await page.getByRole('button', { name: 'Thông qua kết quả chấm điểm' }).click();
  await page.getByText(`Kết quả chấm điểm đã được thông qua. Đơn vị dẫn đầu: ${unitName('Sơn La')}.`).waitFor();
  await page.getByText('Trong bảng này không có đơn vị nào bằng điểm nhau.').waitFor();
  await page.getByText('đơn vị có tổng điểm cuối cùng (sau chấm chéo và chốt điểm) cao hơn xếp trước;').waitFor();
  const ranking = page.getByRole('region', { name: 'Bảng xếp hạng' });
  expect(await ranking.getByRole('row').nth(1).innerText()).toMatch(new RegExp(`^1\\s+${unitName('Sơn La')}\\s+93,50`));
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await consoleScreenshot(page, 'console-scoring-adopted');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    ranking.getByRole('button', { name: 'Tải bảng xếp hạng CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^xep-hang-.*-final\.csv$/);

  const adopted = await r.client
    .as(head('dien-bien'))
    .call((api) => api.GET('/api/v1/scoring-periods/{periodId}/ranking', { params: { path: { periodId } } }), 200);
  expect(adopted.adopted).toBe(true);
  r.outcome.ranking = adopted.rows.map(({ unitCode, total, rank }) => ({ unitCode, total, rank }));
  await advanceInConsole(page, 'voting');
};
