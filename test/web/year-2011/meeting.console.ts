import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  COUNTING_BOARD,
  LEADER_VOTES,
  MEETING,
  SECRETARIAT,
  UNITS,
  YEAR,
  delegate,
  unitName,
  type UnitCode,
} from '../../../src/demo/replay-2011.data';
import { seriousAccessibilityViolations, docsScreenshot } from '../browser';
import { expectNothingToSign, expectSignedAlready, signAsBoardMember, signAsClerk } from './counting-record.signing';
import type { ConsoleStep, Year2011 } from './year-2011';

/** THIDUA_SCREENSHOTS=1 writes docs/screenshots/console-meeting-*.png. */
export const screenshot = docsScreenshot;

const province = (code: UnitCode) => UNITS.find((unit) => unit.code === code)!.province;
const nameOf = (code: UnitCode) => unitName(province(code));
const delegateName = (code: UnitCode) => `Đại biểu Liên minh HTX ${province(code)}`;
/** The units handed paper ballots in the mixed leader election; the others vote electronically. */
export const PAPER_UNITS: UnitCode[] = ['cao-bang', 'ha-giang'];

async function choose(page: Page, label: string, ...titles: string[]): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  for (const title of titles) await page.getByTitle(title, { exact: true }).click();
  await page.keyboard.press('Escape');
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/**
 * Chapter 'meeting' with the clerk in the console: the meeting scheduled and opened, the delegates
 * checking in (through the API, one by the clerk) with the quorum moving live, the 2012 leader
 * election created as a mixed poll with Lạng Sơn refused by the rotation rule, the counting board
 * proposed and confirmed by the hands, paper ballots handed out and electronic ones cast, the close,
 * the paper count entered by both board members on their phones (first disagreeing, then
 * corrected), the tally, the record signed, certification refused then done, the meeting closed.
 */
export const holdMeetingInConsole: ConsoleStep = async (year) => {
  const r = year.replay;
  const page = await year.secretariat();
  await page.getByRole('link', { name: 'Hội nghị và bầu cử' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hội nghị và bầu cử' }).waitFor();
  await page.getByText('Năm này chưa có hội nghị nào.').waitFor();

  await page.getByLabel('Tên hội nghị').fill(MEETING.title);
  await page.getByLabel('Ngày họp').fill(MEETING.heldOn);
  await page.getByLabel('Địa điểm').fill(MEETING.place);
  await page.getByLabel('Chương trình').fill(MEETING.agenda.map((item) => item.title).join('\n'));
  await page.getByRole('button', { name: 'Lên lịch hội nghị' }).click();
  await page.getByRole('heading', { level: 1, name: MEETING.title }).waitFor();
  r.ids.meetingId = /\/console\/meetings\/([0-9a-f-]{36})/.exec(page.url())![1];
  await page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
  await page.getByText('Đang họp').waitFor();

  await checkInAndQuorum(year, page);
  await screenshot(page, 'console-meeting');
  await expectNoSeriousViolations(page);

  await createElection(page);
  r.ids.pollId = /\/polls\/([0-9a-f-]{36})/.exec(page.url())![1];
  await proposeAndConfirmBoard(year, page);
  await vote(year, page);
  await countOnPaper(year, page);

  await page.getByRole('button', { name: 'Kiểm phiếu', exact: true }).click();
  await page.getByText(`Trúng cử: ${nameOf('son-la')}`).waitFor();
  await page.getByText(/Ngưỡng 80% của 7 đơn vị thành viên: cần 5,6 phiếu/).waitFor();
  await certify(year, page);

  await page.getByRole('link', { name: '← Về trang hội nghị' }).click();
  await page.getByRole('button', { name: 'Bế mạc hội nghị' }).click();
  await page.getByText('Đã bế mạc', { exact: true }).waitFor();
};

async function checkInAndQuorum(year: Year2011, page: Page): Promise<void> {
  const r = year.replay;
  const ofMeeting = { path: { id: r.ids.meetingId } };
  const selfCheckIn = (code: UnitCode) =>
    r.client
      .as(delegate(code))
      .call((api) => api.POST('/api/v1/meetings/{id}/attendance/check-in', { params: ofMeeting, body: {} }), 201);
  const quorum = page.getByRole('region', { name: 'Số đơn vị có mặt' });
  for (const code of ['son-la', 'lai-chau', 'dien-bien'] as UnitCode[]) await selfCheckIn(code);
  await quorum.getByText('3/7 đơn vị thành viên có mặt.').waitFor();
  await quorum.getByText('Chưa đạt — cần 5 đơn vị').waitFor();
  for (const code of ['ha-giang', 'cao-bang', 'lang-son'] as UnitCode[]) await selfCheckIn(code);
  await quorum.getByText('6/7 đơn vị thành viên có mặt.').waitFor();
  await quorum.getByText('Đạt — cần 5 đơn vị').waitFor();

  // Lào Cai's delegate is checked in by the clerk, then checks out and back in on their own.
  await choose(page, 'Đơn vị', nameOf('lao-cai'));
  await choose(page, 'Người dự', delegateName('lao-cai'));
  await page.getByRole('button', { name: 'Điểm danh' }).click();
  await quorum.getByText('7/7 đơn vị thành viên có mặt.').waitFor();
  await page.getByRole('button', { name: `Ghi ra về: ${nameOf('lao-cai')}` }).click();
  await quorum.getByText('6/7 đơn vị thành viên có mặt.').waitFor();
  await selfCheckIn('lao-cai');
  await quorum.getByText('7/7 đơn vị thành viên có mặt.').waitFor();
  // The register (read again after the live event) lists Lào Cai's first stay and the second.
  const laoCaiStays = page.getByRole('cell', { name: nameOf('lao-cai'), exact: true });
  await laoCaiStays.nth(1).waitFor();
  expect(await laoCaiStays.count()).toBe(2);
}

async function createElection(page: Page): Promise<void> {
  await page.getByLabel('Tiêu đề').fill(`Bầu cụm trưởng năm ${YEAR + 1}`);
  await page.getByLabel('Điện tử và phiếu giấy').check();
  await choose(page, 'Đơn vị được giới thiệu', nameOf('son-la'), nameOf('lai-chau'), nameOf('lang-son'));
  await page.getByRole('button', { name: 'Tạo cuộc bỏ phiếu' }).click();
  await page.getByRole('heading', { level: 1, name: `Bầu cụm trưởng năm ${YEAR + 1}` }).waitFor();
  const refused = page.getByRole('region', { name: 'Không đủ điều kiện ứng cử theo quy chế' });
  await refused
    .getByText('đơn vị là cụm trưởng nhiệm kỳ vừa qua, theo quy chế luân phiên không được bầu lại.')
    .waitFor();
  await refused.getByText(nameOf('lang-son')).waitFor();
  await screenshot(page, 'console-meeting-poll-refused');
  await expectNoSeriousViolations(page);
}

async function proposeAndConfirmBoard(year: Year2011, page: Page): Promise<void> {
  const r = year.replay;
  const ofPoll = { path: { id: r.ids.pollId } };
  await choose(
    page,
    'Đề xuất thành viên ban kiểm phiếu',
    `${delegateName('lang-son')} — ${nameOf('lang-son')}`,
    `${delegateName('lao-cai')} — ${nameOf('lao-cai')}`,
  );
  await page.getByRole('button', { name: 'Đề xuất ban kiểm phiếu' }).click();
  await page.getByText('Đã đề xuất, chờ hội nghị biểu quyết').waitFor();
  const board = await r.client
    .as(SECRETARIAT[0])
    .call((api) => api.GET('/api/v1/polls/{id}/counting-board', { params: ofPoll }), 200);
  // The meeting's show of hands: each present unit's delegate raises the unit's hand on their own account.
  for (const { code } of UNITS) {
    const after = await r.client.as(delegate(code)).call(
      (api) =>
        api.POST('/api/v1/polls/{id}/counting-board/hands', {
          params: ofPoll,
          body: { proposalId: board.proposalId!, vote: 'for' },
        }),
      200,
    );
    if (after.status === 'confirmed') break;
  }
  await page.getByText('Đã được hội nghị thông qua').waitFor();
  await page.getByText(/(\d+)\/\1 đơn vị tán thành cần thiết/).waitFor();
  await screenshot(page, 'console-meeting-board');
  await expectNoSeriousViolations(page);
}

async function vote(year: Year2011, page: Page): Promise<void> {
  const r = year.replay;
  const ofPoll = { path: { id: r.ids.pollId } };
  await page.getByRole('button', { name: 'Mở bỏ phiếu (chốt danh sách cử tri)' }).click();
  await page.getByText(/danh sách cử tri đã chốt gồm 7 đơn vị/).waitFor();
  for (const [index, code] of PAPER_UNITS.entries()) {
    await choose(page, 'Đơn vị', nameOf(code));
    await page.getByRole('button', { name: 'Phát phiếu giấy' }).click();
    await page.getByText(new RegExp(`Đã phát ${index + 1} phiếu cho`)).waitFor();
  }
  for (const { code } of UNITS.filter((unit) => !PAPER_UNITS.includes(unit.code))) {
    await r.client.as(delegate(code)).call(
      (api) =>
        api.POST('/api/v1/polls/{id}/ballots', {
          params: { ...ofPoll, header: { 'Idempotency-Key': randomUUID() } },
          body: { choice: r.ids.units[LEADER_VOTES[code]] },
        }),
      201,
    );
  }
  await page.getByText('Đã bỏ phiếu: 7/7').waitFor();
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
  await page.getByText(/Kết thúc bỏ phiếu lúc/).waitFor();
}

/** The paper sheet each board member fills on their phone; the paper units both voted for Sơn La. */
async function enterSheet(page: Page, figures: { sonLa: number; blank: number }, reason?: string): Promise<void> {
  await page.getByLabel(`Số phiếu bầu ${nameOf('son-la')}`).fill(String(figures.sonLa));
  await page.getByLabel(`Số phiếu bầu ${nameOf('lai-chau')}`).fill('0');
  await page.getByLabel('Phiếu để trống').fill(String(figures.blank));
  await page.getByLabel('Phiếu không hợp lệ').fill('0');
  await page.getByLabel('Số phiếu phát ra').fill(String(PAPER_UNITS.length));
  await page.getByLabel('Số phiếu thu về').fill(String(PAPER_UNITS.length));
  if (reason !== undefined) await page.getByLabel('Lý do sửa (bắt buộc)').fill(reason);
  await page.getByRole('button', { name: reason === undefined ? 'Lưu kết quả' : 'Lưu bản sửa' }).click();
}

async function countOnPaper(year: Year2011, console: Page): Promise<void> {
  const r = year.replay;
  const path = `/meetings/${r.ids.meetingId}/polls/${r.ids.pollId}/count`;
  const [first, second] = COUNTING_BOARD;
  const firstPage = await year.pageOf(first, path, { phone: true });
  await firstPage.getByRole('heading', { level: 1, name: 'Nhập kết quả kiểm phiếu giấy' }).waitFor();
  await enterSheet(firstPage, { sonLa: 2, blank: 0 });
  await firstPage.getByText('Đã lưu. Đang chờ thành viên còn lại của ban kiểm phiếu nhập.').waitFor();
  await console.getByText('Đã có 1/2 thành viên nhập kết quả.').waitFor();

  // The second member miscounts one ballot as blank: the two lines that differ are shown on both sides.
  const secondPage = await year.pageOf(second, path, { phone: true });
  await enterSheet(secondPage, { sonLa: 1, blank: 1 });
  await secondPage.getByText('2 dòng chưa khớp — đếm lại và sửa nếu cần:').waitFor();
  expect(await secondPage.getByText('Bạn nhập: 1').count()).toBe(2);
  await secondPage.getByText(`${delegateName('lang-son')} nhập: 2`).waitFor();
  await firstPage.getByText('2 dòng chưa khớp — đếm lại và sửa nếu cần:').waitFor();
  await expectNoSeriousViolations(secondPage);
  await screenshot(secondPage, 'console-meeting-count-disagreement');
  await console.getByText('Hai lần nhập chưa khớp nhau: các dòng khác nhau được đánh dấu bên dưới.').waitFor();
  expect(await console.getByText('Chưa khớp', { exact: true }).count()).toBe(2);
  await screenshot(console, 'console-meeting-paper');

  // A correction without a reason is refused, in words; with one it is taken and the entries agree.
  await enterSheet(secondPage, { sonLa: 2, blank: 0 }, '');
  const refusal = secondPage.getByRole('alert');
  await refusal.waitFor();
  expect(await refusal.textContent()).not.toMatch(/paper_correction_reason_required|422/);
  await enterSheet(secondPage, { sonLa: 2, blank: 0 }, 'Đếm lại: phiếu bị gấp đôi ghi Sơn La, không phải phiếu trống.');
  await secondPage.getByText('Mọi dòng đều khớp.').waitFor();
  await secondPage.getByText('Hai lần nhập khớp nhau và hợp lệ.').waitFor();
  await console.getByText(/Hai lần nhập khớp nhau và hợp lệ \(/).waitFor();
}

async function certify(year: Year2011, page: Page): Promise<void> {
  await page.getByText(/Chưa đủ chữ ký — còn thiếu: .*một thành viên ban thư ký\./).waitFor();
  await page.getByRole('button', { name: 'Chứng nhận kết quả' }).click();
  await page
    .getByRole('alert')
    .getByText(/Chưa thể chứng nhận: biên bản còn thiếu chữ ký của .*một thành viên ban thư ký\./)
    .waitFor();

  // Each board member on their own device in the portal, then the clerk here; a delegate of no board sees nothing.
  const [first, second] = COUNTING_BOARD;
  const firstPage = await signAsBoardMember(year, first, (member) =>
    screenshot(member, 'portal-signing-counting-record'),
  );
  await signAsBoardMember(year, second);
  await expectSignedAlready(firstPage);
  await expectNothingToSign(year, delegate('dien-bien'));
  await signAsClerk(page, (clerk) => screenshot(clerk, 'console-meeting-record-signing'));
  await page.getByText('Đủ chữ ký: có thể chứng nhận kết quả.').waitFor();
  expect(await page.getByRole('cell', { name: 'Thành viên ban kiểm phiếu', exact: true }).count()).toBe(2);
  await screenshot(page, 'console-meeting-record');
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Chứng nhận kết quả' }).click();
  await page.getByText(/Kết quả đã được chứng nhận lúc/).waitFor();
}
