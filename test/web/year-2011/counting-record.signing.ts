import type { Page } from 'playwright-core';
import { seriousAccessibilityViolations } from '../browser';
import type { Year2011 } from './year-2011';

/**
 * The counting record signed in the browser, each signer on their own device: a board member in the
 * portal's signing area (their key made in the portal first), the clerk on the poll's page in the
 * console (their key made in the console's keys area). docs/portal/signing.md, docs/console/meetings.md.
 */

const PORTAL_MENU = 'Các mục của cổng thông tin';
const CONSOLE_MENU = 'Các mục của bảng điều hành';
const CONFIRM = 'Tôi đã đọc văn bản trên và mã băm của nó';

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** On the keys screen: names a key, makes it on this device and registers it. */
async function makeKey(page: Page, label: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Khóa ký của tôi' }).waitFor();
  await page.getByLabel('Tên khóa').fill(label);
  await page.getByRole('button', { name: 'Tạo và đăng ký khóa' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Đã tạo khóa .* trên thiết bị này/ })
    .waitFor();
}

/** The document read (digest recomputed here), the reading confirmed, then signed with this device's key. */
async function signShownDocument(page: Page): Promise<void> {
  await page.getByText('Trình duyệt đã tính lại mã băm từ văn bản: trùng khớp.').waitFor();
  await page.getByRole('checkbox', { name: CONFIRM }).check();
  await page.getByRole('button', { name: 'Ký văn bản' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã ký.' }).waitFor();
}

/** A board member, on their own device: a key made in the portal, then the record found and signed. */
export async function signAsBoardMember(
  year: Year2011,
  email: string,
  screenshot?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await year.pageOf(email, '/portal/keys');
  await makeKey(page, 'Khóa ký biên bản kiểm phiếu');
  await page.getByRole('navigation', { name: PORTAL_MENU }).getByRole('link', { name: 'Ký văn bản' }).click();
  await page.getByRole('heading', { level: 1, name: 'Văn bản chờ ký' }).waitFor();
  const item = page.getByRole('listitem').filter({ hasText: /Biên bản kiểm phiếu:/ });
  await item.getByText('Chờ ký').waitFor();
  await item.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Biên bản kiểm phiếu' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Nội dung văn bản sẽ ký' }).waitFor();
  await expectNoSeriousViolations(page);
  await screenshot?.(page);
  await signShownDocument(page);
  await expectNoSeriousViolations(page);
  return page;
}

/** Signed once: the list shows it signed, and the record says so with nothing left to sign. */
export async function expectSignedAlready(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Về danh sách văn bản chờ ký' }).click();
  const item = page.getByRole('listitem').filter({ hasText: /Biên bản kiểm phiếu:/ });
  await item.getByText('Đã ký', { exact: true }).waitFor();
  await item.getByRole('link').click();
  await page.getByText('Bạn đã ký biên bản này. Mỗi thành viên ban kiểm phiếu chỉ ký một lần.').waitFor();
  expect(await page.getByRole('button', { name: 'Ký văn bản' }).count()).toBe(0);
  expect(await page.getByRole('checkbox', { name: CONFIRM }).count()).toBe(0);
  await expectNoSeriousViolations(page);
}

/** A delegate who sat on no board: the signing area is open to them, with nothing in it. */
export async function expectNothingToSign(year: Year2011, email: string): Promise<void> {
  const page = await year.pageOf(email, '/portal/signing');
  await page.getByRole('heading', { level: 1, name: 'Văn bản chờ ký' }).waitFor();
  await page.getByText('Hiện không có văn bản nào chờ chữ ký của bạn.').waitFor();
  await expectNoSeriousViolations(page);
}

/** The clerk on the poll's page: a key made in the console's keys area, then back to sign for the secretariat. */
export async function signAsClerk(page: Page, screenshot?: (page: Page) => Promise<void>): Promise<void> {
  const signing = page.getByRole('heading', { level: 2, name: 'Ký biên bản kiểm phiếu với tư cách ban thư ký' });
  await signing.waitFor();
  await page.getByText('Thiết bị này chưa có khóa ký còn hiệu lực của bạn. Hãy tạo khóa trước khi ký.').waitFor();
  await page.getByRole('navigation', { name: CONSOLE_MENU }).getByRole('link', { name: 'Khóa ký của tôi' }).click();
  await makeKey(page, 'Khóa ký của thư ký cụm');
  await expectNoSeriousViolations(page);
  await page.goBack();
  await signing.waitFor();
  await screenshot?.(page);
  await signShownDocument(page);
  await page.getByText('Ban thư ký đã ký biên bản này.').waitFor();
  await expectNoSeriousViolations(page);
}
