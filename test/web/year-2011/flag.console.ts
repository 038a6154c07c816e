import { ELECTED_2012, LEADER_2011, MEETING, UNITS, head, unitName } from '../../../src/demo/replay-2011.data';
import type { ThiduaClient } from '../../../src/api-client';
import { signDocument } from '../../../src/demo/replay-signing';
import { seriousAccessibilityViolations } from '../browser';
import { screenshot } from './meeting.console';
import type { ConsoleStep } from './year-2011';
import { advanceInConsole } from './year-actions';

const nameOf = (code: string) => unitName(UNITS.find((unit) => unit.code === code)!.province);

/**
 * Chapter 'flag' with the clerk in the console: the clerk moves the year to `handover` on the year
 * screen, opens the handover towards the leader elected for 2012 and
 * watches both heads' signatures arrive (they sign in the portal; here through the replay), then
 * reads the custody chain: Lạng Sơn, in transit, Sơn La under the 2012 election.
 */
export const handOverFlagInConsole: ConsoleStep = async (year) => {
  const r = year.replay;
  const page = await year.secretariat();
  await advanceInConsole(page, 'handover');
  await page
    .getByRole('navigation', { name: 'Các mục của bảng điều hành' })
    .getByRole('link', { name: 'Cờ luân lưu', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Cờ luân lưu' }).waitFor();
  await page.getByText(`Đang do ${nameOf(LEADER_2011)} giữ.`).waitFor();

  await page.getByLabel('Ngày bàn giao').fill(MEETING.heldOn);
  await page.getByLabel('Địa điểm').fill(MEETING.place);
  await page.getByLabel('Người chứng kiến').fill(MEETING.witnesses.join('\n'));
  await page.getByRole('button', { name: 'Mở bàn giao cờ' }).click();
  await page.getByText(`Chờ Chủ tịch ${nameOf(LEADER_2011)} ký giao (trên cổng thông tin).`).waitFor();
  await page.getByText(`Chờ Chủ tịch ${nameOf(ELECTED_2012)} ký nhận (trên cổng thông tin).`).waitFor();
  const flag = await r.client
    .as(head('lai-chau'))
    .call((api) => api.GET('/api/v1/flags/{id}', { params: { path: { id: r.ids.flagId } } }), 200);
  r.ids.handoverId = flag.openHandoverId!;
  await screenshot(page, 'console-flag-handover');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // signing in the browser: portal helper
  const ofHandover = { path: { id: r.ids.handoverId } };
  const document = (api: ThiduaClient) => api.GET('/api/v1/flag-handovers/{id}/document', { params: ofHandover });
  await signDocument(
    r.client.as(head(LEADER_2011)),
    r.keys[head(LEADER_2011)],
    document,
    (api, body) => api.POST('/api/v1/flag-handovers/{id}/release', { params: ofHandover, body }),
    200,
  );
  await page.getByText(new RegExp(`${nameOf(LEADER_2011)} đã ký giao lúc`)).waitFor();
  await page.getByText('Cờ đang được bàn giao (đơn vị cũ đã ký giao, đơn vị mới chưa ký nhận).').waitFor();
  await signDocument(
    r.client.as(head(ELECTED_2012)),
    r.keys[head(ELECTED_2012)],
    document,
    (api, body) => api.POST('/api/v1/flag-handovers/{id}/receipt', { params: ofHandover, body }),
    200,
  );
  await page.getByText(`Đang do ${nameOf(ELECTED_2012)} giữ.`).waitFor();
  await page.getByText('Đã hoàn tất').waitFor();

  const chain = page.getByRole('region', { name: 'Quá trình giữ cờ' });
  await chain.getByText('Đang bàn giao').waitFor();
  await chain.getByText('Theo kết quả bầu cụm trưởng năm 2012').waitFor();
  await chain
    .getByText(/Biên bản bàn giao [0-9a-f]{16}…, ký bởi/)
    .first()
    .waitFor();
  await screenshot(page, 'console-flag-timeline');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
};
