import type { Page } from 'playwright-core';
import { CLUSTER, SECRETARIAT, UNITS, YEAR, head } from '../../../src/demo/replay-2011.data';
import { act } from '../../../src/demo/replay-2011.year';
import { seriousAccessibilityViolations, docsScreenshot } from '../browser';
import type { ConsoleStep } from './year-2011';
import { advanceInConsole, openYearInConsole } from './year-actions';

export async function rulesScreenshot(page: Page, name: string): Promise<void> {
  await docsScreenshot(page, `console-rules-${name}`);
}

/** Waits until nothing on the page is loading, so axe and the screenshots see what a person reads. */
export const settled = (page: Page) => page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });

/**
 * The replay's chapter 'rules' (src/demo/replay-2011.year.ts openCycleAndAdoptRules) with the
 * secretariat's drafting, proposing and pinning done in the console; the heads adopt through the API
 * (their own portal) while the clerk watches k of n move. The clerk also opens the year and moves it
 * on the year screen.
 */
export const adoptRulesInConsole: ConsoleStep = async (year) => {
  const r = year.replay;
  // The year screen: the clerk opens 2011 with its deadlines and moves it to rules adoption.
  const page = await year.secretariat();
  r.ids.cycleId = await openYearInConsole(page, {
    year: YEAR,
    deadlines: { pledge_signing: '2011-03-31', evaluation: '2011-11-21' },
  });
  await advanceInConsole(page, 'rules_adoption');

  await page.goto(`${year.harness.baseUrl}/console/rules`);
  await page.getByRole('heading', { level: 1, name: 'Quy chế khen thưởng' }).waitFor();
  await page.getByText('Bản mới bắt đầu từ quy chế mẫu (tổng điểm tối đa 100)').waitFor();
  await page.getByLabel('Tên phiên bản').fill(`Quy chế khen thưởng ${CLUSTER.name}`);
  await page.getByRole('button', { name: 'Lập bản nháp' }).click();
  await page.getByRole('heading', { level: 1, name: `Phiên bản 1: Quy chế khen thưởng ${CLUSTER.name}` }).waitFor();
  r.ids.rulesVersionId = new URL(page.url()).pathname.split('/').at(-1)!;
  await page.getByText('Tổng điểm tối đa theo bảng: 100').waitFor();
  await settled(page);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await rulesScreenshot(page, 'editor');

  await page.getByRole('button', { name: 'Đề nghị các thành viên thông qua' }).click();
  await page.getByRole('button', { name: /OK|Đồng ý/ }).click();
  await page.getByText('Đang chờ các thành viên thông qua').first().waitFor();
  await page.getByText('0 trên 5 người đứng đầu cần thiết đã thông qua').waitFor();

  const { approval } = await r.client
    .as(SECRETARIAT[0])
    .call((api) => api.GET('/api/v1/rules-versions/{id}', { params: { path: { id: r.ids.rulesVersionId } } }), 200);
  let adopted = 0;
  for (const { code } of UNITS) {
    const result = await act(r, head(code), approval!.requestId, 'adopt');
    adopted += 1;
    if (result.state === 'adopted') break;
    // The clerk's page reads the request again by itself: k of n moves without a reload.
    await page.getByText(`${adopted} trên 5 người đứng đầu cần thiết đã thông qua`).waitFor();
    if (adopted === 3) {
      await settled(page);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await rulesScreenshot(page, 'adoption');
    }
  }
  await page.getByText('Đã thông qua', { exact: true }).first().waitFor();

  await page.getByRole('button', { name: `Áp dụng phiên bản này cho năm ${YEAR}` }).click();
  await page.getByText(`Năm ${YEAR} đang áp dụng phiên bản này.`).waitFor();
  // The gate rules.pinned now lets the year move to pledge signing, on the year screen.
  await advanceInConsole(page, 'pledge_signing');
};
