import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { ConsoleStep } from './year-2011';
import { advanceInConsole, chooseYearInConsole } from './year-actions';

/** Opens the records screen from the console's menu. */
export async function openRecordsScreen(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Các mục của bảng điều hành' })
    .getByRole('link', { name: 'Biên bản và sổ cái', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Biên bản và sổ cái' }).waitFor();
}

/** Verifies the ledger from the records screen; returns what the service answered, the page having said it in words. */
export async function verifyLedgerInConsole(page: Page): Promise<{ valid: boolean; length: number; headHash: string }> {
  const answered = page.waitForResponse((response) => response.url().endsWith('/ledger/verify'));
  await page.getByRole('button', { name: 'Kiểm tra sổ cái' }).click();
  const verification = (await (await answered).json()) as { valid: boolean; length: number; headHash: string };
  await page
    .getByRole('status')
    .filter({ hasText: /Sổ cái (nguyên vẹn|KHÔNG nguyên vẹn)/ })
    .waitFor();
  return verification;
}

/** Downloads every record the screen lists for the year, as a person clicks each button. */
export async function downloadRecordsInConsole(page: Page): Promise<{ name: string; route: string; bytes: Buffer }[]> {
  const region = page.getByRole('region', { name: /^Biên bản của năm \d{4}$/ });
  // The list grows as the year's pledges, polls and handovers are found: wait for the flag's handover.
  await region.getByRole('button', { name: /^Tải bản PDF: Biên bản bàn giao cờ luân lưu/ }).waitFor();
  const buttons = region.getByRole('button', { name: /^Tải bản PDF: / });
  const documents: { name: string; route: string; bytes: Buffer }[] = [];
  for (let index = 0; index < (await buttons.count()); index++) {
    const button = buttons.nth(index);
    const title = (await button.getAttribute('aria-label'))!.replace(/^Tải bản PDF: /, '');
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    const bytes = await readFile((await file.path())!);
    documents.push({ name: file.suggestedFilename(), route: `console: ${title}`, bytes });
  }
  return documents;
}

/**
 * The replay's chapter 'close' done by the clerk in the console: the 2011 year advanced to closed
 * (the gate `flag.handed_over` is met by the flag chapter), the ledger verified, the records opened.
 */
export const closeYearInConsole: ConsoleStep = async (year) => {
  const page = await year.secretariat();
  await page.reload();
  await chooseYearInConsole(page, 2011);
  await advanceInConsole(page, 'closed');
  year.replay.outcome.cyclePhase = 'closed';
  await openRecordsScreen(page);
  const verification = await verifyLedgerInConsole(page);
  if (!verification.valid) throw new Error(`The ledger does not verify: ${JSON.stringify(verification)}`);
  year.replay.outcome.ledger = verification;
  year.replay.outcome.documents = await downloadRecordsInConsole(page);
};
