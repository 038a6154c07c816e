import type { Page } from 'playwright-core';
import { act } from '../../../src/demo/replay-2011.year';
import { advanceInConsole } from './year-actions';
import {
  KEY_KIND,
  LEADER_2011,
  PLEDGE_TEXT,
  SECRETARIAT,
  UNITS,
  head,
  officer,
  pledgeTargets,
} from '../../../src/demo/replay-2011.data';
import { present } from '../../../src/demo/replay-client';
import { registerSigningKey, signDocument } from '../../../src/demo/replay-signing';
import { demo2011ResultsFigures } from '../../../src/modules/reports/demo-2011-reports';
import { verifyBundle } from '../../../src/verifier/verify-bundle';
import { seriousAccessibilityViolations, docsScreenshot } from '../browser';
import type { ConsoleStep, Year2011 } from './year-2011';

/** With THIDUA_SCREENSHOTS=1, the page as the clerk sees it goes to docs/screenshots/<name>.png. */
export const consoleScreenshot = docsScreenshot;

/** Opens a console path afresh (the session survives the reload through its refresh cookie). */
export async function openConsole(year: Year2011, path: string): Promise<Page> {
  const page = await year.secretariat();
  await page.goto(`${year.harness.baseUrl}${path}`);
  return page;
}

/** Each refusal is a sentence in a role=alert, never the problem's raw code. */
export async function expectRefusal(page: Page, title: string, code: string): Promise<string> {
  const alert = page.getByRole('alert').filter({ hasText: title });
  await alert.waitFor();
  const text = (await alert.innerText()).trim();
  expect(text).not.toContain(code);
  return text;
}

/**
 * The replay's chapter 'pledge' with the secretariat's part in the console: the clerk writes the
 * shared text there; the units' officers and heads draft, approve and sign through the API exactly as
 * src/demo/replay-2011.pledge.ts does; the clerk sees the seal refused while Lào Cai has not signed,
 * then ready; the 2011 leader's head countersigns (the rules say the leader seals, not the clerk);
 * the clerk sees the seal and downloads the record and the bundle.
 */
export const sealPledgeInConsole: ConsoleStep = async (year) => {
  const r = year.replay;
  const page = await openConsole(year, '/console/pledges');
  await page.getByRole('heading', { level: 2, name: 'Soạn giao ước thi đua của năm' }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByLabel('Nội dung cam kết chung').fill(PLEDGE_TEXT);
  await page.getByRole('button', { name: 'Tạo giao ước' }).click();
  await page.getByText('Bản giao ước số 1').waitFor();
  await page.getByText('0/7 đơn vị đã ký').waitFor();

  const pledges = await r.client
    .as(SECRETARIAT[0])
    .call((api) => api.GET('/api/v1/cycles/{cycleId}/pledges', { params: { path: { cycleId: r.ids.cycleId } } }), 200);
  const pledge = pledges.items[0];
  expect(pledge.sharedText).toBe(PLEDGE_TEXT);
  r.ids.pledgeId = pledge.id;
  const unitPledgeIds = Object.fromEntries(pledge.units.map((u) => [u.unit.code, u.unitPledgeId]));

  const figures = demo2011ResultsFigures();
  for (const { code } of UNITS) {
    const unitPledge = await r.client.as(officer(code)).call(
      (api) =>
        api.PUT('/api/v1/unit-pledges/{id}/targets', {
          params: { path: { id: unitPledgeIds[code] } },
          body: { targets: pledgeTargets(figures[code]) },
        }),
      200,
    );
    const { requestId } = present(unitPledge.approval, `approval request of ${code}'s targets`);
    await act(r, officer(code), requestId, 'submit');
    await act(r, head(code), requestId, 'approve');
  }
  const sign = async (index: number) => {
    const { code, province } = UNITS[index];
    const signer = r.client.as(head(code));
    r.keys[head(code)] = await registerSigningKey(signer, KEY_KIND(index), `Khóa ký của Chủ tịch LMHTX ${province}`);
    const path = { id: unitPledgeIds[code] };
    await signDocument(
      signer,
      r.keys[head(code)],
      (api) => api.GET('/api/v1/unit-pledges/{id}/document', { params: { path } }),
      (api, body) => api.POST('/api/v1/unit-pledges/{id}/signatures', { params: { path }, body }),
      201,
    );
  };
  const last = UNITS.findIndex(({ code }) => code === 'lao-cai');
  for (const index of UNITS.keys()) if (index !== last) await sign(index);

  // Six of seven signed: the text is frozen, and the seal is refused, naming Lào Cai.
  await page.reload();
  await page.getByText('6/7 đơn vị đã ký').waitFor();
  await page.getByText('Đã có đơn vị ký: nội dung không sửa được nữa.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Lập bản sửa đổi' }).waitFor();
  await page.getByText('Liên minh Hợp tác xã tỉnh Lạng Sơn (cụm trưởng năm 2011)', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Kiểm tra điều kiện niêm phong' }).click();
  await expectRefusal(page, 'Chưa thể niêm phong giao ước', 'pledge_units_unsigned');
  await page.getByText('Các đơn vị chưa ký: Liên minh Hợp tác xã tỉnh Lào Cai.').waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await consoleScreenshot(page, 'console-pledges-unsigned');

  await sign(last);
  await page.reload();
  await page.getByText('7/7 đơn vị đã ký').waitFor();
  await page.getByRole('button', { name: 'Kiểm tra điều kiện niêm phong' }).click();
  await page.getByText('Đủ chữ ký của 7 đơn vị: văn bản niêm phong đã sẵn sàng.').waitFor();

  const path = { id: pledge.id };
  const sealed = await signDocument(
    r.client.as(head(LEADER_2011)),
    r.keys[head(LEADER_2011)],
    (api) => api.GET('/api/v1/pledges/{id}/seal-document', { params: { path } }),
    (api, body) => api.POST('/api/v1/pledges/{id}/seal', { params: { path }, body }),
    200,
  );
  const seal = present(sealed.seal, 'seal');
  const bundle = await r.client
    .as(head('cao-bang'))
    .call((api) => api.GET('/api/v1/pledges/{id}/bundle', { params: { path } }), 200);
  const verified = await verifyBundle(bundle);
  r.outcome.pledgeBundle = {
    valid: verified.valid,
    problems: verified.problems,
    signatures: verified.checked.validSignatures,
  };
  expect(verified.valid).toBe(true);

  await page.reload();
  await page.getByText('Đã niêm phong', { exact: true }).first().waitFor();
  const sealSection = page.getByRole('region', { name: 'Niêm phong' });
  await sealSection.getByText('Chủ tịch đơn vị cụm trưởng', { exact: true }).waitFor();
  await sealSection.getByText(seal.digest).waitFor();
  const units = page.getByRole('region', { name: 'Tình trạng của các đơn vị' });
  expect(await units.getByText('Đã ký', { exact: true }).count()).toBe(7);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await consoleScreenshot(page, 'console-pledges-sealed');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải biên bản PDF (bản số 1)' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^giao-uoc-.*-v1\.pdf$/);
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải gói chữ ký để kiểm tra (bản số 1)' }).click(),
  ]);
  expect(json.suggestedFilename()).toBe('giao-uoc-v1.json');

  await advanceInConsole(page, 'in_progress');
};
