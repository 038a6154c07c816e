import type { Page } from 'playwright-core';
import { YEAR } from '../../src/demo/replay-2011.data';
import { describeInBrowser, seriousAccessibilityViolations } from './browser';
import { adoptRulesInConsole, rulesScreenshot, settled } from './year-2011/rules.console';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/**
 * Issue 16, the console's reward rules, on the 2011 year: the clerk drafts the rules from the model,
 * proposes them, watches the heads adopt them k of n and pins them to the year; then drafts an
 * amendment whose tree does not add up (refused at the field), keeps it through a refresh, saves a
 * valid one and compares it with the adopted version.
 * THIDUA_SCREENSHOTS=1 writes docs/screenshots/console-rules-*.png.
 */
jest.setTimeout(240_000);

describeInBrowser('the console: reward rules in the 2011 year', () => {
  let year: Year2011;
  let page: Page;

  beforeAll(async () => {
    year = await startYear2011();
  }, 300_000);
  afterAll(async () => year?.close());

  it('drafts, proposes, watches the adoption and pins the rules; the cycle reaches pledge signing', async () => {
    await year.run('rules', { rules: adoptRulesInConsole });
    const cycle = await year.replay.client
      .as('thuky1@thidua.local')
      .call((api) => api.GET('/api/v1/cycles/{id}', { params: { path: { id: year.replay.ids.cycleId } } }), 200);
    expect(cycle).toMatchObject({
      year: YEAR,
      phase: 'pledge_signing',
      rulesVersionId: year.replay.ids.rulesVersionId,
    });
    page = await year.secretariat();
    // The chapter ends on the year screen (pledge signing); the adopted version is back in the rules area.
    await page.goto(`${year.harness.baseUrl}/console/rules/${year.replay.ids.rulesVersionId}`);
    await page.getByText('Đã thông qua', { exact: true }).first().waitFor();
  });

  it('refuses an amendment whose leaves do not add up to their group, at the field, and keeps it through a refresh', async () => {
    await page.getByRole('button', { name: 'Lập bản sửa đổi' }).click();
    await page.getByRole('heading', { level: 1, name: /^Phiên bản 2: Sửa đổi/ }).waitFor();
    const a1 = page.getByLabel('Điểm tối đa của A1');
    await a1.fill('12');
    // Said as the clerk types…
    await page.getByText('Các tiêu chí con cộng lại 32 điểm, khác điểm tối đa của nhóm (30).').waitFor();
    await page.getByText('Tổng điểm tối đa theo bảng: 102').waitFor();

    // …kept on this device through a refresh…
    await page.reload();
    await page.getByText('Những gì bạn đã gõ được giữ trên máy này cho đến khi lưu.').waitFor();
    await expect(page.getByLabel('Điểm tối đa của A1').inputValue()).resolves.toBe('12');

    // …and refused by the API at the group's field, in words.
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByText('Chưa lưu được bản nháp: hãy xem các ô được đánh dấu.').waitFor();
    const groupField = page.getByLabel('Điểm tối đa của nhóm A');
    await page
      .getByText('Điểm tối đa của nhóm phải bằng tổng điểm các tiêu chí con (hoặc để trống để hệ thống tự cộng).')
      .waitFor();
    await expect(groupField.getAttribute('aria-invalid')).resolves.toBe('true');
    await settled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Stating the sum makes it valid: saved with the optimistic version.
    await groupField.fill('32');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByText('Đã lưu bản nháp.').waitFor();
    await page.getByText('Tổng điểm tối đa theo bảng: 102').waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    const saved = await year.replay.client
      .as('thuky1@thidua.local')
      .call((api) => api.GET('/api/v1/rules-versions/{id}', { params: { path: { id } } }), 200);
    expect(saved).toMatchObject({ status: 'draft', maxPoints: 102, version: 2 });
  });

  it('compares the amendment with the adopted version: what changed, side by side', async () => {
    await page.getByRole('link', { name: 'Quay lại các phiên bản' }).click();
    await page.getByRole('heading', { level: 2, name: 'So sánh hai phiên bản' }).waitFor();
    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.getByRole('heading', { level: 1, name: 'So sánh hai phiên bản' }).waitFor();
    await page.getByText('2 chỗ khác nhau').waitFor();
    const group = page.getByRole('row', { name: /^scoring\.criteria\[0\]\.maxPoints / });
    await expect(group.getByRole('cell').allInnerTexts()).resolves.toEqual([
      'scoring.criteria[0].maxPoints',
      '30',
      '32',
    ]);
    const leaf = page.getByRole('row', { name: /children\[0\]\.maxPoints/ });
    await expect(leaf.getByRole('cell').allInnerTexts()).resolves.toEqual([
      'scoring.criteria[0].children[0].maxPoints',
      '10',
      '12',
    ]);
    await settled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rulesScreenshot(page, 'compare');
  });
});
