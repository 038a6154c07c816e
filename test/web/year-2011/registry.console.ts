import { CLUSTER, UNITS, unitName } from '../../../src/demo/replay-2011.data';
import { buildRegistry } from '../../../src/demo/replay-2011.registry';
import { seriousAccessibilityViolations } from '../browser';
import type { ConsoleStep } from './year-2011';

/**
 * Chapter 'registry': the administrator builds the cluster, its units and their people through the
 * API (the replay; the secretariat may not), then the clerk checks it in the console — the seven
 * provincial alliances are current members, and a unit's head is on its people's page.
 */
export const checkRegistryInConsole: ConsoleStep = async (year) => {
  await buildRegistry(year.replay);
  const page = await year.secretariat();
  await page
    .getByRole('navigation', { name: 'Các mục của bảng điều hành' })
    .getByRole('link', { name: 'Cụm, đơn vị và nhân sự' })
    .click();
  await page.getByRole('heading', { level: 1, name: CLUSTER.name }).waitFor();
  const members = page.getByRole('region', { name: 'Đơn vị thành viên' });
  for (const { province } of UNITS) await members.getByRole('link', { name: unitName(province) }).waitFor();
  await expect(members.getByText('Đang là thành viên').count()).resolves.toBe(UNITS.length);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await members.getByRole('link', { name: unitName('Sơn La') }).click();
  await page.getByRole('heading', { level: 1, name: unitName('Sơn La') }).waitFor();
  await page.getByText('chutich.son-la@thidua.local').first().waitFor();
};
