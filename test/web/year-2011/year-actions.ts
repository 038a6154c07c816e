import type { Page } from 'playwright-core';
import consoleVi from '../../../web/src/console/messages.vi.json';

/**
 * The year's moves as a clerk makes them in the console (`/console/year`), for any spec or console
 * step that needs them: open a year, advance it one phase. Each waits until the page shows the
 * result, and throws with the sentence shown when the console refuses.
 */
export type Phase = keyof typeof consoleVi.console.phase;
export type DeadlinePhase = Exclude<Phase, 'closed'>;

/** The phase as the console names it in Vietnamese. */
export const phaseName = (phase: Phase): string => consoleVi.console.phase[phase];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens the year screen from the console's menu. */
export async function openYearScreen(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Các mục của bảng điều hành' })
    .getByRole('link', { name: 'Năm thi đua', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Năm thi đua' }).waitFor();
}

/** Opens a new year for the clerk's cluster, with the deadlines given; returns the new cycle's id. */
export async function openYearInConsole(
  page: Page,
  { year, deadlines = {} }: { year: number; deadlines?: Partial<Record<DeadlinePhase, string>> },
): Promise<string> {
  await openYearScreen(page);
  const show = page.getByRole('button', { name: 'Mở năm thi đua mới' });
  const form = page.getByRole('region', { name: 'Mở năm thi đua mới' });
  if (!(await form.isVisible())) await show.click();
  await form.getByLabel('Năm thi đua').fill(String(year));
  for (const [phase, day] of Object.entries(deadlines)) {
    await form.getByLabel(`Hạn giai đoạn ${phaseName(phase as Phase)}`).fill(day);
  }
  const created = page.waitForResponse(
    (response) => response.request().method() === 'POST' && /\/clusters\/[^/]+\/cycles$/.test(response.url()),
  );
  await form.getByRole('button', { name: 'Mở năm thi đua', exact: true }).click();
  const response = await created;
  if (response.status() !== 201) {
    throw new Error(`The console did not open ${year}: ${await form.getByRole('alert').innerText()}`);
  }
  await page
    .getByRole('heading', { level: 2, name: `Năm ${year}: giai đoạn ${phaseName('setup')}`, exact: true })
    .waitFor();
  return ((await response.json()) as { id: string }).id;
}

/**
 * Advances the year the scope bar shows to `to` (the next phase), confirming the question the
 * console asks. Throws with the refusal and the unmet conditions when the gate refuses.
 */
export async function advanceInConsole(page: Page, to: Phase): Promise<void> {
  await openYearScreen(page);
  const next = page.getByRole('region', {
    name: to === 'closed' ? 'Điều kiện để kết thúc năm thi đua' : `Điều kiện để chuyển sang giai đoạn ${phaseName(to)}`,
  });
  await next.waitFor();
  await next
    .getByRole('button', { name: to === 'closed' ? 'Kết thúc năm thi đua' : `Chuyển sang giai đoạn ${phaseName(to)}` })
    .click();
  const moved = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().endsWith('/advance'),
  );
  await page.getByRole('button', { name: 'Chuyển giai đoạn', exact: true }).click();
  const response = await moved;
  if (response.status() !== 200) {
    const refusal = next.getByRole('alert');
    await refusal.waitFor();
    throw new Error(`The console refused to advance to ${to}: ${await next.innerText()}`);
  }
  await page
    .getByRole('heading', { level: 2, name: new RegExp(`^Năm \\d{4}: giai đoạn ${escape(phaseName(to))}$`) })
    .waitFor();
}

/** Chooses the year the console works on, in the scope bar at the top. */
export async function chooseYearInConsole(page: Page, year: number): Promise<void> {
  const label = new RegExp(`^Năm ${year} — `);
  const scope = page.getByRole('group', { name: 'Cụm và năm đang làm việc' });
  const chosen = scope.getByTitle(label);
  // Once the cluster's years are read, the bar shows one of them.
  await scope.getByTitle(/^Năm \d{4} — /).waitFor();
  if ((await chosen.count()) > 0) return;
  await page.getByRole('combobox', { name: 'Năm thi đua' }).click();
  await page.getByTitle(label).click();
  await chosen.waitFor();
}
